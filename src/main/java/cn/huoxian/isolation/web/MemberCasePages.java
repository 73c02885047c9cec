package cn.huoxian.isolation.web;

import java.time.Clock;
import java.time.OffsetDateTime;

import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.Channel;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.isolation.MemberCases;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final Forms forms;

	MemberCasePages(MemberCases members, Cases cases, CurrentUserProvider users, Clock clock, Forms forms) {
		this.members = members;
		this.cases = cases;
		this.users = users;
		this.clock = clock;
		this.forms = forms;
	}

	@GetMapping("/isolation/party-organisations/{id}")
	String members(@PathVariable long id, Model model) {
		model.addAttribute("organisationId", id);
		model.addAttribute("cases", members.ofOrganisation(id, users.current().scope()));
		return "isolation/members";
	}

	@PostMapping("/isolation/party-organisations/{id}/cases/{caseId}/contacts")
	String contact(@PathVariable long id, @PathVariable long caseId, @RequestParam Channel channel,
			@RequestParam(defaultValue = "false") boolean reached, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			cases.contact(caseId,
					forms.check(
							new ContactForm(OffsetDateTime.now(clock), channel, reached, null, false, null, note, id)),
					users.current());
			redirect.addFlashAttribute("recorded", caseId);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", IsolationPages.refusal(ex));
		}
		return "redirect:/isolation/party-organisations/" + id;
	}

}
