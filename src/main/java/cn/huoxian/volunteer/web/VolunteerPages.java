package cn.huoxian.volunteer.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import cn.huoxian.volunteer.Claims;
import cn.huoxian.volunteer.Needs;
import cn.huoxian.volunteer.Registrations;
import cn.huoxian.volunteer.ServiceKind;
import cn.huoxian.volunteer.ServiceRecords;
import cn.huoxian.volunteer.UnitReports;
import cn.huoxian.volunteer.VolunteerLedgers;
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
 * The 双报到 pages: a member's registration, their community's needs to claim and their
 * claims (phone); a community's needs with a form to publish one, the claims whose hours
 * are to confirm and the units waiting for a receipt; a unit's report-in form; a need
 * (claims, confirming hours); a unit's members and their hours; who serves a community.
 */
@Controller
class VolunteerPages {

	private final UnitReports unitReports;

	private final Registrations registrations;

	private final Needs needs;

	private final Claims claims;

	private final ServiceRecords records;

	private final Regions regions;

	private final Units units;

	private final LedgerDownloads downloads;

	private final VolunteerLedgers.CommunityLedger communityLedger;

	private final VolunteerLedgers.UnitLedger unitLedger;

	private final CurrentUserProvider users;

	private final Clock clock;

	VolunteerPages(UnitReports unitReports, Registrations registrations, Needs needs, Claims claims,
			ServiceRecords records, Regions regions, Units units, LedgerDownloads downloads,
			VolunteerLedgers.CommunityLedger communityLedger, VolunteerLedgers.UnitLedger unitLedger,
			CurrentUserProvider users, Clock clock) {
		this.unitReports = unitReports;
		this.registrations = registrations;
		this.needs = needs;
		this.claims = claims;
		this.records = records;
		this.regions = regions;
		this.units = units;
		this.downloads = downloads;
		this.communityLedger = communityLedger;
		this.unitLedger = unitLedger;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/volunteer")
	String index(@RequestParam(required = false) String community, Model model) {
		return index(community, model, Map.of(), Map.of());
	}

	private String index(String community, Model model, Map<String, String> errors, Map<String, String> typed) {
		CurrentUser me = users.current();
		var registration = registrations.mine(me).orElse(null);
		model.addAttribute("registration", registration);
		model.addAttribute("mayRegister", me.scope().selfPersonId() != null && me.mayWriteLogs());
		model.addAttribute("mine", claims.mine(me));
		model.addAttribute("openNeeds", registration != null && registration.active()
				? needs.ofCommunity(registration.communityCode(), null, 0, 50, me).items() : List.of());
		boolean staff = me.mayReportDaily() && !me.scope().regions().isEmpty();
		model.addAttribute("staff", staff);
		if (staff) {
			model.addAttribute("toConfirm", claims.toConfirm(me, 50));
			model.addAttribute("awaiting", unitReports.awaitingReceipt(me));
			RegionView chosen = community == null || community.isBlank() ? null : regions.find(community, me.scope());
			model.addAttribute("community", chosen);
			if (chosen != null && chosen.level() == RegionLevel.VILLAGE) {
				model.addAttribute("needs",
						needs.ofCommunity(chosen.code(), BusinessDay.today(clock).minusDays(7), 0, 100, me).items());
			}
		}
		List<UnitView> myUnits = me.isUnitStaff()
				? me.scope().unitIds().stream().map(id -> units.fetch(id).orElse(null)).filter(u -> u != null).toList()
				: List.of();
		model.addAttribute("myUnits", myUnits);
		model.addAttribute("kinds", ServiceKind.values());
		model.addAttribute("now", OffsetDateTime.now(clock));
		model.addAttribute("today", BusinessDay.today(clock));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "volunteer/index";
	}

	@PostMapping("/volunteer/register")
	String register(RedirectAttributes redirect) {
		return done(redirect, "registered", "redirect:/volunteer", () -> registrations.register(null, users.current()));
	}

	@PostMapping("/volunteer/needs")
	String publish(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate day = date(form.get("day"), "day", problems);
		LocalTime from = time(form.get("from"), "from", problems);
		LocalTime to = time(form.get("to"), "to", problems);
		Integer people = number(form.get("people"), "people", problems);
		String community = form.get("communityCode");
		if (!problems.isEmpty()) {
			return index(community, model, problems, form);
		}
		OffsetDateTime startsAt = day.atTime(from).atZone(BusinessDay.ZONE).toOffsetDateTime();
		// an end at or before the start is the next morning's (a night slot)
		LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
		OffsetDateTime endsAt = endDay.atTime(to).atZone(BusinessDay.ZONE).toOffsetDateTime();
		try {
			Needs.ServiceNeed need = needs.publish(new Needs.ServiceNeedForm(community, form.get("kind"),
					form.get("title"), form.get("place"), startsAt, endsAt, people), users.current());
			redirect.addFlashAttribute("done", "published");
			return "redirect:/volunteer/needs/" + need.id();
		}
		catch (InvalidInputException ex) {
			Map<String, String> named = new LinkedHashMap<>(ex.asMap());
			// the form asks for a day and times, not instants
			if (named.containsKey("startsAt")) {
				named.put("day", named.remove("startsAt"));
			}
			if (named.containsKey("endsAt")) {
				named.put("to", named.remove("endsAt"));
			}
			return index(community, model, named, form);
		}
	}

	@GetMapping("/volunteer/needs/{id}")
	String need(@PathVariable long id, Model model) {
		return need(id, model, Map.of());
	}

	private String need(long id, Model model, Map<String, String> errors) {
		CurrentUser me = users.current();
		Needs.ServiceNeed need = needs.find(id, me);
		boolean manage = needs.mayManage(need, me);
		List<Claims.ClaimView> all = claims.ofNeed(id, me);
		Long self = me.scope().selfPersonId();
		model.addAttribute("need", need);
		model.addAttribute("mayManage", manage);
		model.addAttribute("claims", manage ? all : List.of());
		model.addAttribute("myClaim",
				self == null ? null : all.stream().filter(c -> c.personId() == self).findFirst().orElse(null));
		var registration = registrations.mine(me).orElse(null);
		model.addAttribute("mayClaim", registration != null && registration.active()
				&& registration.communityCode().equals(need.communityCode()) && need.claimable());
		model.addAttribute("errors", errors);
		return "volunteer/need";
	}

	@PostMapping("/volunteer/needs/{id}/claim")
	String claim(@PathVariable long id, @RequestParam(defaultValue = "need") String back, RedirectAttributes redirect) {
		String to = "index".equals(back) ? "redirect:/volunteer" : "redirect:/volunteer/needs/" + id;
		return done(redirect, "claimed", to, () -> claims.claim(id, users.current()));
	}

	@PostMapping("/volunteer/needs/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return done(redirect, "cancelled", "redirect:/volunteer/needs/" + id, () -> needs.cancel(id, users.current()));
	}

	@PostMapping("/volunteer/claims/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return done(redirect, "withdrawn", "redirect:/volunteer", () -> claims.withdraw(id, users.current()));
	}

	@PostMapping("/volunteer/claims/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam long needId, @RequestParam(required = false) String hours,
			Model model, RedirectAttributes redirect) {
		BigDecimal value;
		try {
			value = new BigDecimal(hours == null ? "" : hours.strip());
		}
		catch (NumberFormatException ex) {
			return need(needId, model, Map.of("hours-" + id, Messages.text("problem.field.not-a-number", hours)));
		}
		try {
			claims.confirm(id, value, users.current());
		}
		catch (InvalidInputException ex) {
			return need(needId, model, Map.of("hours-" + id, ex.asMap().values().iterator().next()));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/volunteer/needs/" + needId;
		}
		redirect.addFlashAttribute("done", "confirmed");
		return "redirect:/volunteer/needs/" + needId;
	}

	@PostMapping("/volunteer/claims/{id}/absent")
	String absent(@PathVariable long id, @RequestParam long needId, RedirectAttributes redirect) {
		return done(redirect, "absent", "redirect:/volunteer/needs/" + needId,
				() -> claims.absent(id, users.current()));
	}

	@PostMapping("/volunteer/unit-reports")
	String report(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		Integer unit = number(form.get("unitId"), "unitId", problems);
		if (!problems.isEmpty()) {
			return index(null, model, problems, form);
		}
		try {
			unitReports.report(unit.longValue(), form.get("communityCode"), form.get("note"), users.current());
		}
		catch (InvalidInputException ex) {
			return index(null, model, ex.asMap(), form);
		}
		catch (NotFoundException ex) {
			return index(null, model, Map.of("communityCode", Messages.text("volunteer.problem.community-pick")), form);
		}
		catch (DuplicateException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/volunteer";
		}
		redirect.addFlashAttribute("done", "reported");
		return "redirect:/volunteer";
	}

	@PostMapping("/volunteer/unit-reports/{id}/receipt")
	String receive(@PathVariable long id, @RequestParam(required = false) String community,
			RedirectAttributes redirect) {
		String to = community == null || community.isBlank() ? "redirect:/volunteer"
				: "redirect:/volunteer/communities/" + community;
		return done(redirect, "received", to, () -> unitReports.receive(id, users.current()));
	}

	@GetMapping("/volunteer/units/{id}")
	String unit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean unregistered, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("hours", records.unit(id, records.period(from, to), unregistered, me));
		model.addAttribute("reports", unitReports.ofUnit(id, me));
		model.addAttribute("unregistered", unregistered);
		model.addAttribute("kinds", ServiceKind.values());
		return "volunteer/unit";
	}

	@GetMapping("/volunteer/units/{id}/members.xlsx")
	void unitLedger(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws java.io.IOException {
		CurrentUser me = users.current();
		downloads.send(unitLedger, records.unit(id, records.period(from, to), false, me), me.scope(), response);
	}

	@GetMapping("/volunteer/communities/{code}")
	String community(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("service", records.community(code, records.period(from, to), page, 50, me));
		model.addAttribute("mayReceive", me.mayReportDaily());
		return "volunteer/community";
	}

	@GetMapping("/volunteer/communities/{code}/ledger.xlsx")
	void communityLedger(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws java.io.IOException {
		CurrentUser me = users.current();
		downloads.send(communityLedger, records.ledger(code, records.period(from, to), me), me.scope(), response);
	}

	/** Runs an action; a rule it breaks comes back as the page's error, in words. */
	private static String done(RedirectAttributes redirect, String done, String to, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (RuleViolationException | DuplicateException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return to;
	}

	/**
	 * A form field read with a parser: blank is "required", anything the parser refuses
	 * is the problem {@code wrong} gives for the typed value; either way null and the
	 * field named in {@code problems}.
	 */
	private static <T> T parsed(String value, String field, Map<String, String> problems,
			java.util.function.Function<String, T> parser, java.util.function.Function<String, String> wrong) {
		if (value == null || value.isBlank()) {
			problems.put(field, Messages.text("problem.required"));
			return null;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (RuntimeException ex) {
			problems.put(field, wrong.apply(value));
			return null;
		}
	}

	private static LocalDate date(String value, String field, Map<String, String> problems) {
		return parsed(value, field, problems, LocalDate::parse, v -> Messages.text("volunteer.problem.date"));
	}

	private static LocalTime time(String value, String field, Map<String, String> problems) {
		return parsed(value, field, problems, LocalTime::parse, v -> Messages.text("volunteer.problem.time"));
	}

	private static Integer number(String value, String field, Map<String, String> problems) {
		return parsed(value, field, problems, Integer::valueOf, v -> Messages.text("problem.field.not-a-number", v));
	}

}
