package cn.huoxian.record.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.record.Accountabilities;
import cn.huoxian.record.AccountabilityForm;
import cn.huoxian.record.AccountabilityKind;
import cn.huoxian.record.AccountabilityLevel;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.ProfileView;
import cn.huoxian.record.QuietCadres;
import cn.huoxian.record.RecordAccess;
import cn.huoxian.record.Records;
import cn.huoxian.record.WorkLogForm;
import cn.huoxian.record.WorkLogs;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
 * Record pages: a person's profile (timeline with paging and a kind filter, figures,
 * accountability with the organisation department's form, work logs), one's own record,
 * the phone-first work log page (write, mine, witnessing) and the supervisors' review
 * list.
 */
@Controller
class RecordPages {

	private static final int PAGE_SIZE = 20;

	private final Records records;

	private final Accountabilities accountabilities;

	private final WorkLogs workLogs;

	private final RecordAccess access;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final QuietCadres quietCadres;

	RecordPages(Records records, Accountabilities accountabilities, WorkLogs workLogs, RecordAccess access,
			Regions regions, CurrentUserProvider users, Clock clock, QuietCadres quietCadres) {
		this.quietCadres = quietCadres;
		this.records = records;
		this.accountabilities = accountabilities;
		this.workLogs = workLogs;
		this.access = access;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/record/persons/{id}")
	String profile(@PathVariable long id, @RequestParam(required = false) EntryKind kind,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
		CurrentUser me = users.current();
		ProfileView profile = records.profile(id, kind, page, PAGE_SIZE, me, request.getRemoteAddr());
		model.addAttribute("profile", profile);
		model.addAttribute("kinds", EntryKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("accountabilityKinds", AccountabilityKind.values());
		model.addAttribute("levels", AccountabilityLevel.values());
		model.addAttribute("today", BusinessDay.today(clock));
		model.addAttribute("mayEnterAccountability", access.mayEnterAccountability(
				new RecordAccess.Subject(id, profile.person().name(), profile.person().path()), me));
		return "record/profile";
	}

	/** The cadres under a region without any record entry this week (ADR 39). */
	@GetMapping("/record/quiet")
	String quiet(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = regions.findOrFirstRoot(region, me.scope());
		LocalDate today = BusinessDay.today(clock);
		model.addAttribute("region", where);
		model.addAttribute("weekStart", QuietCadres.weekOf(today));
		model.addAttribute("cadres", quietCadres.page(where, today, page, 50, me));
		return "record/quiet";
	}

	@GetMapping("/record/me")
	String mine(@RequestParam(required = false) EntryKind kind, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request) {
		Long self = users.current().personId();
		if (self == null) {
			throw new NotFoundException(Messages.text("record.what.own-record"));
		}
		return profile(self, kind, page, model, request);
	}

	@PostMapping("/record/persons/{id}/accountability")
	String accountability(@PathVariable long id, @Valid @ModelAttribute("accountability") AccountabilityForm form,
			BindingResult binding, RedirectAttributes redirect) {
		try {
			refuse(binding);
			accountabilities.enter(id, form, users.current());
			redirect.addFlashAttribute("recorded", "accountability");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedDetail", binding.getFieldValue("detail"));
		}
		return "redirect:/record/persons/" + id + "#accountability";
	}

	@GetMapping("/record/worklog")
	String worklog(Model model) {
		CurrentUser me = users.current();
		model.addAttribute("today", BusinessDay.today(clock));
		model.addAttribute("earliest", BusinessDay.today(clock).minusDays(WorkLogs.MAX_AGE_DAYS));
		model.addAttribute("mayWrite", me.personId() != null && me.mayWriteLogs());
		model.addAttribute("mine", workLogs.mine(0, 30, me));
		model.addAttribute("witnessing", workLogs.witnessing(me));
		model.addAttribute("selfId", me.personId());
		return "record/worklog";
	}

	/**
	 * A work log as the page posts it: the witnesses typed as person ids separated by
	 * commas or spaces ("12, 34 56"), each part that is not an id named.
	 */
	record WorkLogPageForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, String text,
			String witnessIds) {

		WorkLogForm toForm() {
			List<Long> ids = new ArrayList<>();
			for (String part : witnessIds == null ? new String[0] : witnessIds.split("[,，\\s]+")) {
				if (!part.isBlank()) {
					if (!part.matches("\\d{1,18}")) {
						throw new InvalidInputException("witnessIds",
								Messages.text("record.error.not-a-person-id", part));
					}
					ids.add(Long.valueOf(part));
				}
			}
			return new WorkLogForm(day, text, ids);
		}
	}

	@PostMapping("/record/worklog")
	String write(@Valid @ModelAttribute("worklog") WorkLogPageForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			refuse(binding);
			workLogs.write(form.toForm(), users.current());
			redirect.addFlashAttribute("recorded", "worklog");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedText", binding.getFieldValue("text"));
			redirect.addFlashAttribute("typedWitnesses", binding.getFieldValue("witnessIds"));
		}
		return "redirect:/record/worklog";
	}

	/** A witness's answer: true unless the witness disputes the log; a note. */
	record WitnessForm(Boolean confirmed, @Size(max = 500, message = "{record.field.too-long}") String note) {

		boolean confirms() {
			return !Boolean.FALSE.equals(confirmed);
		}
	}

	@PostMapping("/record/worklog/{id}/witness")
	String witness(@PathVariable long id, @Valid @ModelAttribute("witness") WitnessForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			refuse(binding);
			workLogs.witness(id, form.confirms(), form.note(), users.current());
			redirect.addFlashAttribute("recorded", form.confirms() ? "confirmed" : "disputed");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/record/worklog";
	}

	@GetMapping("/record/worklog/review")
	String reviewList(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank()
				? regions.roots(me.scope()).stream().findFirst().orElse(null) : regions.find(region, me.scope());
		String chosen = status == null || status.isBlank() ? "SUBMITTED" : status;
		model.addAttribute("region", where);
		model.addAttribute("status", chosen);
		model.addAttribute("logs", workLogs.list(where == null ? null : where.path(), chosen, page, PAGE_SIZE, me));
		model.addAttribute("mayReview", where != null && access.mayReview(where.path(), me));
		return "record/review";
	}

	/** A reviewer's comment, and the region of the list to go back to. */
	record ReviewForm(@Size(max = 1000, message = "{record.field.too-long}") String comment,
			@Size(max = 20, message = "{record.field.too-long}") String region) {
	}

	@PostMapping("/record/worklog/{id}/review")
	String review(@PathVariable long id, @Valid @ModelAttribute("review") ReviewForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			refuse(binding);
			workLogs.review(id, form.comment(), users.current());
			redirect.addFlashAttribute("recorded", "reviewed");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		String region = form == null ? null : form.region();
		return "redirect:/record/worklog/review" + (region == null || region.isBlank() ? "" : "?region=" + region);
	}

	/**
	 * A form that did not bind or validate is refused like the service refuses one
	 * ("field: reason; …").
	 */
	private static void refuse(BindingResult binding) {
		if (binding.hasErrors()) {
			throw new InvalidInputException(PageForms.problems(binding));
		}
	}

	@InitBinder({ "accountability", "worklog", "witness", "review" })
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

}
