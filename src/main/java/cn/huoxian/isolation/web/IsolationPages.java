package cn.huoxian.isolation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.huoxian.isolation.CaseForm;
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
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final Forms forms;

	IsolationPages(Cases cases, Needs needs, Regions regions, CurrentUserProvider users, Clock clock, Forms forms) {
		this.cases = cases;
		this.needs = needs;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
		this.forms = forms;
	}

	@GetMapping("/isolation")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate today = BusinessDay.today(clock);
		model.addAttribute("form", new OpenCaseForm("", CaseType.HOME_ISOLATION.name(),
				CaseReason.RETURNED_FROM_HIGH_RISK_AREA.name(), today.toString(), "", "", "09:00", ""));
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
	String open(@ModelAttribute("form") OpenCaseForm form, BindingResult binding,
			@RequestParam(required = false) String region, Model model, HttpServletResponse response) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		CaseForm parsed = parse(form, problems);
		if (problems.isEmpty()) {
			try {
				CaseView opened = cases.open(forms.check(parsed), users.current());
				return "redirect:/isolation/cases/" + opened.id();
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
			catch (NotFoundException ex) {
				problems.add(new InvalidInputException.FieldProblem("personId",
						Messages.text("isolation.problem.no-resident", parsed.personId())));
			}
			catch (DuplicateException ex) {
				// the form shows the message with a link to the open case
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("existingCase", ex.existingId());
				problems.add(new InvalidInputException.FieldProblem("personId", ex.getMessage()));
			}
		}
		for (InvalidInputException.FieldProblem problem : problems) {
			String field = switch (problem.field()) {
				case "personId", "type", "reason", "startDate", "periodDays", "place", "contactTime",
						"responsibleIds" ->
					problem.field();
				default -> null;
			};
			if (field == null) {
				binding.reject("invalid",
						Messages.text("isolation.problem.on-field", problem.field(), problem.reason()));
			}
			else {
				binding.rejectValue(field, "invalid", problem.reason());
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
		model.addAttribute("overdue", cases.overdue(where.path(), day, page, PAGE_SIZE, me.scope()));
		return "isolation/overdue";
	}

	@GetMapping("/isolation/cases/{id}")
	String one(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		CaseView view = cases.find(id, me.scope());
		model.addAttribute("c", view);
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

	@PostMapping("/isolation/cases/{id}/contacts")
	String contact(@PathVariable long id, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Boolean reached, @RequestParam(required = false) String temperature,
			@RequestParam(required = false) Boolean symptoms, @RequestParam(required = false) String mood,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			cases.contact(id, forms.check(new ContactForm(null, channel, reached, decimal(temperature),
					Boolean.TRUE.equals(symptoms), mood, note)), users.current());
			redirect.addFlashAttribute("recorded", "contact");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + id;
	}

	@PostMapping("/isolation/cases/{id}/needs")
	String raise(@PathVariable long id, @RequestParam(required = false) Needs.Kind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) Long helperId,
			RedirectAttributes redirect) {
		try {
			forms.check(new IsolationApi.NeedForm(kind, description, helperId));
			needs.raise(id, kind, description, helperId, users.current());
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
	String end(@PathVariable long id, @RequestParam(required = false) CaseStatus outcome,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			forms.check(new IsolationApi.EndForm(outcome, note));
			cases.end(id, outcome, note, users.current());
			redirect.addFlashAttribute("recorded", "ended");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", refusal(ex));
		}
		return "redirect:/isolation/cases/" + id;
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

	private static CaseForm parse(OpenCaseForm form, List<InvalidInputException.FieldProblem> problems) {
		Long personId = null;
		if (blank(form.personId()) == null) {
			problems.add(new InvalidInputException.FieldProblem("personId", Messages.text("problem.required")));
		}
		else {
			personId = number(form.personId(), "personId", problems);
		}
		CaseType type = null;
		if (blank(form.type()) != null) {
			try {
				type = CaseType.valueOf(form.type().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidInputException.FieldProblem("type",
						Messages.text("problem.field.unknown-value", form.type())));
			}
		}
		CaseReason reason = null;
		if (blank(form.reason()) != null) {
			try {
				reason = CaseReason.valueOf(form.reason().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidInputException.FieldProblem("reason",
						Messages.text("problem.field.unknown-value", form.reason())));
			}
		}
		LocalDate start = null;
		if (blank(form.startDate()) != null) {
			try {
				start = LocalDate.parse(form.startDate().strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new InvalidInputException.FieldProblem("startDate",
						Messages.text("problem.wrong-type-expected", Messages.text("problem.expect.date"))));
			}
		}
		Integer days = null;
		if (blank(form.periodDays()) != null) {
			Long parsed = number(form.periodDays(), "periodDays", problems);
			days = parsed == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
		}
		List<Long> responsible = new ArrayList<>();
		if (blank(form.responsibleIds()) != null) {
			for (String part : form.responsibleIds().split("[,，\\s]+")) {
				if (!part.isBlank()) {
					Long id = number(part, "responsibleIds", problems);
					// the same cadre named twice is one responsible cadre
					if (id != null && !responsible.contains(id)) {
						responsible.add(id);
					}
				}
			}
		}
		return new CaseForm(personId, type, reason, null, start, days, blank(form.place()), blank(form.contactTime()),
				responsible);
	}

	private static Long number(String value, String field, List<InvalidInputException.FieldProblem> problems) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInputException.FieldProblem(field,
					Messages.text("isolation.problem.not-a-number", value.strip())));
			return null;
		}
	}

	private static BigDecimal decimal(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		BigDecimal parsed;
		try {
			parsed = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("temperature", Messages.text("isolation.problem.not-a-number", value));
		}
		if (parsed.compareTo(new BigDecimal("34")) < 0 || parsed.compareTo(new BigDecimal("43")) > 0) {
			throw new InvalidInputException("temperature", Messages.text("problem.field.body-temperature"));
		}
		return parsed;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
