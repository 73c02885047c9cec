package cn.huoxian.isolation.web;

import java.time.Clock;
import java.time.OffsetDateTime;

import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.Channel;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.isolation.MemberCases;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.PageForms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A party organisation's page of its ill or isolated members, where it logs its own
 * contacts with them.
 */
@Controller
class MemberCasePages {

	private final MemberCases members;

	private final Cases cases;

	private final CurrentUserProvider users;

	private final Clock clock;

	MemberCasePages(MemberCases members, Cases cases, CurrentUserProvider users, Clock clock) {
		this.members = members;
		this.cases = cases;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/isolation/party-organisations/{id}")
	String members(@PathVariable long id, Model model) {
		model.addAttribute("organisationId", id);
		model.addAttribute("cases", members.ofOrganisation(id, users.current().scope()));
		return "isolation/members";
	}

	/** A party organisation's contact with its member, as its page posts it. */
	record MemberContactForm(Channel channel, boolean reached, @Size(max = 500) String note) {
	}

	@InitBinder("contact")
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@PostMapping("/isolation/party-organisations/{id}/cases/{caseId}/contacts")
	String contact(@PathVariable long id, @PathVariable long caseId,
			@Valid @ModelAttribute("contact") MemberContactForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			IsolationPages.refuse(binding);
			cases.contact(caseId, new ContactForm(OffsetDateTime.now(clock), form.channel(), form.reached(), null,
					false, null, form.note(), id), users.current());
			redirect.addFlashAttribute("recorded", caseId);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", IsolationPages.refusal(ex));
		}
		return "redirect:/isolation/party-organisations/" + id;
	}

}
