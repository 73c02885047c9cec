package cn.huoxian.isolation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import cn.huoxian.isolation.CaseReason;
import cn.huoxian.isolation.CaseStatus;
import cn.huoxian.isolation.CaseType;
import cn.huoxian.isolation.CaseView;
import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.Channel;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.isolation.Needs;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Isolation pages: cases under a region with today's overdue count, the overdue list, and
 * the phone-first case page where the responsible cadre records the daily contact.
 */
@Controller
class IsolationPages {

	private static final int PAGE_SIZE = 50;

	private final Cases cases;

	private final Needs needs;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final People people;

	IsolationPages(Cases cases, Needs needs, Regions regions, CurrentUserProvider users, Clock clock, People people) {
		this.people = people;
		this.cases = cases;
		this.needs = needs;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@InitBinder({ "form", "contact", "need", "end" })
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/isolation")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long person, Model model) {
		LocalDate today = BusinessDay.today(clock);
		OpenCaseForm form = OpenCaseForm.startingOn(today);
		// from a flagged resident's "open a case": the person is chosen already (the
		// picker names them only within the caller's scope)
		form.setPersonId(person);
		model.addAttribute("form", form);
		return listPage(region, status, page, model);
	}

	private String listPage(String region, CaseStatus status, int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me);
		LocalDate today = BusinessDay.today(clock);
		model.addAttribute("region", where);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("types", CaseType.values());
		model.addAttribute("reasons", CaseReason.values());
		model.addAttribute("today", today);
		model.addAttribute("cases", cases.list(where.path(), status, page, PAGE_SIZE, me.scope()));
		model.addAttribute("overdueCount", cases.overdue(where.path(), today, 0, 1, me.scope()).total());
		// the needs not yet delivered under this region, oldest first, for the helpers to
		// pick up
		model.addAttribute("openNeeds", needs.open(where.path(), 0, 50, me.scope()));
		return "isolation/cases";
	}

	@PostMapping("/isolation")
	String open(@Valid @ModelAttribute("form") OpenCaseForm form, BindingResult binding,
			@RequestParam(required = false) String region, Model model, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				CaseView opened = cases.open(form.toForm(), users.current());
				return "redirect:/isolation/cases/" + opened.id();
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, ex);
			}
			catch (NotFoundException ex) {
				binding.rejectValue("personId", "invalid",
						Messages.text("isolation.problem.no-resident", form.getPersonId()));
			}
			catch (DuplicateException ex) {
				// the form shows the message with a link to the open case
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("existingCase", ex.existingId());
				binding.rejectValue("personId", "invalid", ex.getMessage());
			}
		}
		return listPage(region, null, 0, model);
	}

	@GetMapping("/isolation/overdue")
	String overdue(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me);
		LocalDate day = date == null ? BusinessDay.today(clock) : date;
		model.addAttribute("region", where);
		model.addAttribute("date", day);
		var overdue = cases.overdue(where.path(), day, page, PAGE_SIZE, me.scope());
		model.addAttribute("overdue", overdue);
		model.addAttribute("responsibleNames", responsibleNames(overdue.items()));
		return "isolation/overdue";
	}

	/**
	 * The cases' responsible cadres by name: the pages show people, not their numbers.
	 */
	private java.util.Map<Long, String> responsibleNames(List<CaseView> shown) {
		return people.names(
				shown.stream().flatMap(c -> c.responsibleIds().stream()).collect(java.util.stream.Collectors.toSet()));
	}

	@GetMapping("/isolation/cases/{id}")
	String one(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		CaseView view = cases.find(id, me.scope());
		model.addAttribute("c", view);
		model.addAttribute("responsibleNames", responsibleNames(List.of(view)));
		model.addAttribute("contacts", cases.contacts(id, me.scope()));
		model.addAttribute("needs", needs.forCase(id, me.scope()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("kinds", Needs.Kind.values());
		model.addAttribute("outcomes", List.of(CaseStatus.RELEASED, CaseStatus.HOSPITALISED, CaseStatus.LOST));
		LocalDate today = BusinessDay.today(clock);
		model.addAttribute("today", today);
		model.addAttribute("overdueToday",
				view.status().isOpen() && !today.isBefore(view.startDate()) && !today.isAfter(view.endDate())
						&& cases.contacts(id, me.scope())
							.stream()
							.noneMatch(c -> c.reached() && c.businessDay().equals(today)));
		return "isolation/case";
	}

	/** The daily contact as the case page posts it. */
	record ContactPageForm(Channel channel, Boolean reached,
			@DecimalMin(value = "34.0", message = Forms.BODY_TEMPERATURE) @DecimalMax(value = "43.0",
					message = Forms.BODY_TEMPERATURE) BigDecimal temperature,
			Boolean symptoms, @Size(max = 100) String mood, @Size(max = 500) String note) {

		ContactForm toForm() {
			return new ContactForm(null, channel, reached, temperature, Boolean.TRUE.equals(symptoms), mood, note);
		}
	}

	@PostMapping("/isolation/cases/{id}/contacts")
	String contact(@PathVariable long id, @Valid @ModelAttribute("contact") ContactPageForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			refuse(binding);
			cases.contact(id, form.toForm(), users.current());
			redirect.addFlashAttribute("recorded", "contact");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + id;
	}

	@PostMapping("/isolation/cases/{id}/needs")
	String raise(@PathVariable long id, @Valid @ModelAttribute("need") IsolationApi.NeedForm form,
			BindingResult binding, RedirectAttributes redirect) {
		try {
			refuse(binding);
			needs.raise(id, form.kind(), form.description(), form.helperId(), users.current());
			redirect.addFlashAttribute("recorded", "need");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + id;
	}

	@PostMapping("/isolation/needs/{needId}/delivery")
	String deliver(@PathVariable long needId, RedirectAttributes redirect) {
		Needs.NeedView need = needs.find(needId, users.current().scope());
		try {
			needs.deliver(needId, null, users.current());
			redirect.addFlashAttribute("recorded", "delivered");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + need.caseId();
	}

	@PostMapping("/isolation/needs/{needId}/confirmation")
	String confirm(@PathVariable long needId, RedirectAttributes redirect) {
		Needs.NeedView need = needs.find(needId, users.current().scope());
		try {
			needs.confirm(needId, users.current());
			redirect.addFlashAttribute("recorded", "confirmed");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + need.caseId();
	}

	@PostMapping("/isolation/cases/{id}/end")
	String end(@PathVariable long id, @Valid @ModelAttribute("end") IsolationApi.EndForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			refuse(binding);
			cases.end(id, form.outcome(), form.note(), users.current());
			redirect.addFlashAttribute("recorded", "ended");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + id;
	}

	/** A form that did not bind or validate is refused like the service refuses one. */
	static void refuse(BindingResult binding) {
		if (binding.hasErrors()) {
			throw new InvalidInputException(PageForms.problems(binding));
		}
	}

	/**
	 * A refusal as the case page shows it: each field at fault under the label the page
	 * gives it, then the reason, all in the caller's language.
	 */
	static String refusal(RuntimeException ex) {
		if (!(ex instanceof InvalidInputException invalid)) {
			return ex.getMessage();
		}
		return invalid.problems()
			.stream()
			.map(p -> Messages.text("isolation.problem.on-field", label(p.field()), p.reason()))
			.collect(Collectors.joining("; "));
	}

	private static String label(String field) {
		return switch (field) {
			case "channel", "reached", "temperature", "symptoms", "mood", "note", "contactedAt" ->
				Messages.text("isolation." + field);
			case "kind", "description", "helperId" -> Messages.text("isolation.need." + field);
			case "outcome" -> Messages.text("isolation.end");
			default -> field;
		};
	}

	private RegionView region(String region, CurrentUser me) {

		if (region == null || region.isBlank()) {
			return regions.roots(me.scope()).get(0);
		}
		return regions.find(region, me.scope());
	}

}
