package cn.huoxian.record.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	RecordPages(Records records, Accountabilities accountabilities, WorkLogs workLogs, RecordAccess access,
			Regions regions, CurrentUserProvider users, Clock clock) {
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
	String accountability(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String occurredOn, @RequestParam(required = false) String decidedLevel,
			@RequestParam(required = false) String detail, RedirectAttributes redirect) {
		try {
			accountabilities.enter(id, new AccountabilityForm(parse(AccountabilityKind.class, kind),
					date(occurredOn, "occurredOn"), parse(AccountabilityLevel.class, decidedLevel), detail),
					users.current());
			redirect.addFlashAttribute("recorded", "accountability");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedDetail", detail);
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

	@PostMapping("/record/worklog")
	String write(@RequestParam(required = false) String day, @RequestParam(required = false) String text,
			@RequestParam(required = false) String witnessIds, RedirectAttributes redirect) {
		try {
			workLogs.write(new WorkLogForm(date(day, "day"), text, ids(witnessIds)), users.current());
			redirect.addFlashAttribute("recorded", "worklog");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedText", text);
			redirect.addFlashAttribute("typedWitnesses", witnessIds);
		}
		return "redirect:/record/worklog";
	}

	@PostMapping("/record/worklog/{id}/witness")
	String witness(@PathVariable long id, @RequestParam(defaultValue = "true") boolean confirmed,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			workLogs.witness(id, confirmed, note, users.current());
			redirect.addFlashAttribute("recorded", confirmed ? "confirmed" : "disputed");
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

	@PostMapping("/record/worklog/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String region, RedirectAttributes redirect) {
		try {
			workLogs.review(id, comment, users.current());
			redirect.addFlashAttribute("recorded", "reviewed");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/record/worklog/review" + (region == null || region.isBlank() ? "" : "?region=" + region);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field,
					Messages.text("problem.wrong-type-expected", Messages.text("problem.expect.date")));
		}
	}

	/** Person ids typed as "12, 34 56". */
	private static List<Long> ids(String value) {
		List<Long> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		for (String part : value.split("[,，\\s]+")) {
			if (!part.isBlank()) {
				try {
					ids.add(Long.parseLong(part));
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("witnessIds", Messages.text("record.error.not-a-person-id", part));
				}
			}
		}
		return ids;
	}

}
