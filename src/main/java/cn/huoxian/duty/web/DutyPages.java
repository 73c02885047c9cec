package cn.huoxian.duty.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.duty.CheckpointKind;
import cn.huoxian.duty.Checkpoints;
import cn.huoxian.duty.DutyLedgers;
import cn.huoxian.duty.DutyLogs;
import cn.huoxian.duty.Rosters;
import cn.huoxian.duty.ShiftPattern;
import cn.huoxian.duty.Swaps;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty pages: my shifts and the swaps asked of me (phone), the checkpoints of a
 * region with a form to set one up, a checkpoint's week at a glance (days × shifts, gaps
 * in colour), a shift (who is on it, its duty log, a swap), and the gaps across the
 * region.
 */
@Controller
class DutyPages {

	private final Checkpoints checkpoints;

	private final Rosters rosters;

	private final Swaps swaps;

	private final DutyLogs logs;

	private final LedgerDownloads downloads;

	private final DutyLedgers.RosterLedger rosterLedger;

	private final DutyLedgers.LogLedger logLedger;

	private final CurrentUserProvider users;

	private final Clock clock;

	DutyPages(Checkpoints checkpoints, Rosters rosters, Swaps swaps, DutyLogs logs, LedgerDownloads downloads,
			DutyLedgers.RosterLedger rosterLedger, DutyLedgers.LogLedger logLedger, CurrentUserProvider users,
			Clock clock) {
		this.checkpoints = checkpoints;
		this.rosters = rosters;
		this.swaps = swaps;
		this.logs = logs;
		this.downloads = downloads;
		this.rosterLedger = rosterLedger;
		this.logLedger = logLedger;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/duty")
	String index(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		return index(region, page, model, Map.of(), Map.of(), null);
	}

	private String index(String region, int page, Model model, Map<String, String> errors, Map<String, String> typed,
			String error) {
		CurrentUser me = users.current();
		model.addAttribute("shifts", rosters.mine(me));
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("swaps", swaps.mine(me));
		boolean reads = !me.scope().regions().isEmpty() && !me.isSelfService();
		model.addAttribute("reads", reads);
		if (reads) {
			model.addAttribute("checkpoints", checkpoints.list(region, page, 50, me));
			model.addAttribute("gaps", rosters.gaps(region, today(), 0, 1, me).total());
		}
		model.addAttribute("region", region);
		model.addAttribute("mayManage", me.mayReportDaily());
		model.addAttribute("kinds", CheckpointKind.values());
		model.addAttribute("patterns", ShiftPattern.values());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		return "duty/index";
	}

	@PostMapping("/duty/checkpoints")
	String create(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
		List<Long> unitIds = new ArrayList<>();
		Map<String, String> numberProblems = new LinkedHashMap<>();
		for (String id : form.getOrDefault("unitIds", "").split(",")) {
			if (!id.isBlank()) {
				unitIds.add(number(id, "unitIds", numberProblems));
			}
		}
		Long organisation = blank(form.get("partyOrganisationId")) ? null
				: number(form.get("partyOrganisationId"), "partyOrganisationId", numberProblems);
		Long minStaff = number(form.getOrDefault("minStaff", ""), "minStaff", numberProblems);
		if (!numberProblems.isEmpty()) {
			return index(null, 0, model, numberProblems, form, null);
		}
		try {
			var made = checkpoints.create(
					new Checkpoints.CheckpointForm(form.get("name"), form.get("kind"), form.get("regionCode"),
							organisation, unitIds, minStaff == null ? null : minStaff.intValue(), form.get("pattern")),
					users.current());
			redirect.addFlashAttribute("done", "created");
			return "redirect:/duty/checkpoints/" + made.id();
		}
		catch (InvalidInputException ex) {
			return index(null, 0, model, ex.asMap(), form, null);
		}
		catch (RuleViolationException ex) {
			return index(null, 0, model, Map.of(), form, ex.getMessage());
		}
	}

	@GetMapping("/duty/checkpoints/{id}")
	String week(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			Model model) {
		CurrentUser me = users.current();
		Rosters.WeekView view = rosters.week(id, week == null ? today() : week, me);
		model.addAttribute("week", view);
		model.addAttribute("today", today());
		model.addAttribute("mayManage", me.mayReportDaily());
		return "duty/week";
	}

	@PostMapping("/duty/checkpoints/{id}/roster")
	String generate(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			RedirectAttributes redirect) {
		LocalDate day = week == null ? today() : week;
		try {
			rosters.generate(id, day, users.current());
			redirect.addFlashAttribute("done", "generated");
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/duty/checkpoints/" + id + "?week=" + Rosters.monday(day);
	}

	@GetMapping("/duty/checkpoints/{id}/roster.xlsx")
	void rosterLedger(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			HttpServletResponse response) throws java.io.IOException {
		CurrentUser me = users.current();
		downloads.send(rosterLedger, rosters.week(id, week == null ? today() : week, me), me.scope(), response);
	}

	@GetMapping("/duty/checkpoints/{id}/logs.xlsx")
	void logLedger(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			HttpServletResponse response) throws java.io.IOException {
		CurrentUser me = users.current();
		LocalDate day = week == null ? today() : week;
		downloads.send(logLedger, logs.ledger(id, day, me), me.scope(), response);
	}

	@GetMapping("/duty/gaps")
	String gaps(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate day = week == null ? today() : week;
		model.addAttribute("gaps", rosters.gaps(region, day, page, 50, users.current()));
		model.addAttribute("monday", Rosters.monday(day));
		model.addAttribute("region", region);
		return "duty/gaps";
	}

	@GetMapping("/duty/shifts/{id}")
	String shift(@PathVariable long id, Model model) {
		return shift(id, model, Map.of(), Map.of(), null);
	}

	private String shift(long id, Model model, Map<String, String> errors, Map<String, String> typed, String error) {
		CurrentUser me = users.current();
		Rosters.ShiftView shift = rosters.visibleShift(id, me);
		DutyLogs.LogView log = logs.find(id, me).orElse(null);
		model.addAttribute("log", log);
		// the form's values: the log's, else the shift's start and zeros
		model.addAttribute("onTime", hhmm(log == null ? shift.startsAt() : log.onDutyAt()));
		model.addAttribute("offTime", log == null || log.offDutyAt() == null ? "" : hhmm(log.offDutyAt()));
		model.addAttribute("counts",
				log == null ? Map.of("vehicles", 0, "people", 0, "turnedBack", 0, "temperatureReferred", 0)
						: Map.of("vehicles", log.vehicles(), "people", log.people(), "turnedBack", log.turnedBack(),
								"temperatureReferred", log.temperatureReferred()));
		model.addAttribute("shift", shift);
		Long self = me.scope().selfPersonId();
		boolean onIt = self != null && shift.staff().stream().anyMatch(p -> p.id() == self);
		model.addAttribute("onIt", onIt);
		model.addAttribute("mayManage", rosters.mayManage(id, me));
		boolean started = !shift.startsAt().isAfter(OffsetDateTime.now(clock));
		model.addAttribute("started", started);
		model.addAttribute("candidates", onIt && !started ? swaps.candidates(id, me) : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		return "duty/shift";
	}

	@PostMapping("/duty/shifts/{id}/staff")
	String assign(@PathVariable long id, @RequestParam(required = false) String personId, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long person = number(personId == null ? "" : personId, "personId", problems);
		if (!problems.isEmpty()) {
			return shift(id, model, problems, Map.of(), null);
		}
		return act(id, model, redirect, Map.of(), "assigned", () -> rosters.assign(id, person, null, users.current()));
	}

	@PostMapping("/duty/shifts/{id}/staff/{personId}/remove")
	String unassign(@PathVariable long id, @PathVariable long personId, Model model, RedirectAttributes redirect) {
		return act(id, model, redirect, Map.of(), "removed", () -> rosters.unassign(id, personId, users.current()));
	}

	@PostMapping("/duty/shifts/{id}/log")
	String log(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		Rosters.ShiftView shift = rosters.visibleShift(id, me);
		Map<String, String> problems = new LinkedHashMap<>();
		OffsetDateTime on = time(shift, form.get("onDutyAt"), "onDutyAt", problems, false);
		OffsetDateTime off = time(shift, form.get("offDutyAt"), "offDutyAt", problems, true);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String field : List.of("vehicles", "people", "turnedBack", "temperatureReferred")) {
			String value = form.getOrDefault(field, "");
			Long n = blank(value) ? Long.valueOf(0) : number(value, field, problems);
			counts.put(field, n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, n));
		}
		if (!problems.isEmpty()) {
			return shift(id, model, problems, form, null);
		}
		return act(id, model, redirect, form, "logged",
				() -> logs.write(id,
						new DutyLogs.LogForm(on, off, counts.get("vehicles"), counts.get("people"),
								counts.get("turnedBack"), counts.get("temperatureReferred"), form.get("handover")),
						me));
	}

	@PostMapping("/duty/shifts/{id}/swap")
	String ask(@PathVariable long id, @RequestParam long otherShiftId, @RequestParam long otherPersonId,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return act(id, model, redirect, Map.of(), "asked",
				() -> swaps.ask(id, otherShiftId, otherPersonId, note, users.current()));
	}

	@PostMapping("/duty/swaps/{swapId}/{answer}")
	String answer(@PathVariable long swapId, @PathVariable String answer, RedirectAttributes redirect) {
		CurrentUser me = users.current();
		try {
			switch (answer) {
				case "accept" -> swaps.accept(swapId, me);
				case "decline" -> swaps.decline(swapId, me);
				case "withdraw" -> swaps.withdraw(swapId, me);
				default -> throw new cn.huoxian.shared.NotFoundException(answer);
			}
			redirect.addFlashAttribute("done", "swap-" + answer);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/duty";
	}

	private String act(long id, Model model, RedirectAttributes redirect, Map<String, String> typed, String done,
			Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return shift(id, model, ex.asMap(), typed, null);
		}
		catch (RuleViolationException ex) {
			return shift(id, model, Map.of(), typed, ex.getMessage());
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:/duty/shifts/" + id;
	}

	/**
	 * A time of day typed on the shift's page, on the day that puts it nearest the
	 * shift's start (on duty) or end (off duty): 23:55 before a midnight shift is the day
	 * before.
	 */
	private static OffsetDateTime time(Rosters.ShiftView shift, String value, String field,
			Map<String, String> problems, boolean offDuty) {
		if (blank(value)) {
			if (!offDuty) {
				problems.put(field, Messages.text("problem.required"));
			}
			return null;
		}
		try {
			LocalTime time = LocalTime.parse(value.strip());
			OffsetDateTime anchor = offDuty ? shift.endsAt() : shift.startsAt();
			OffsetDateTime best = null;
			for (int d = -1; d <= 1; d++) {
				OffsetDateTime at = anchor.atZoneSameInstant(BusinessDay.ZONE)
					.toLocalDate()
					.plusDays(d)
					.atTime(time)
					.atZone(BusinessDay.ZONE)
					.toOffsetDateTime();
				if (best == null || java.time.Duration.between(at, anchor)
					.abs()
					.compareTo(java.time.Duration.between(best, anchor).abs()) < 0) {
					best = at;
				}
			}
			return best;
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.put(field, Messages.text("duty.problem.time"));
			return null;
		}
	}

	private static String hhmm(OffsetDateTime at) {
		var t = at.atZoneSameInstant(BusinessDay.ZONE);
		return String.format("%02d:%02d", t.getHour(), t.getMinute());
	}

	private static Long number(String value, String field, Map<String, String> problems) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.put(field, Messages.text("problem.field.not-a-number", value));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private LocalDate today() {
		return BusinessDay.today(clock);
	}

}
