package cn.huoxian.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.reporting.DailyReports;
import cn.huoxian.reporting.DailyRollupLedger;
import cn.huoxian.reporting.DailyRollups;
import cn.huoxian.reporting.ReportForm;
import cn.huoxian.reporting.ReportView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Daily report pages: a community's report on a phone (a zero report in one tap, or the
 * prefilled figures corrected with a note and the entered ones), the roll-up of a
 * township, county or city with each region below, and the list of those not yet
 * reported.
 */
@Controller
class DailyReportPages {

	private final DailyReports reports;

	private final DailyRollups rollups;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final DailyRollupLedger ledger;

	private final cn.huoxian.shared.web.LedgerDownloads downloads;

	DailyReportPages(DailyReports reports, DailyRollups rollups, Regions regions, CurrentUserProvider users,
			Clock clock, DailyRollupLedger ledger, cn.huoxian.shared.web.LedgerDownloads downloads) {
		this.ledger = ledger;
		this.downloads = downloads;
		this.reports = reports;
		this.rollups = rollups;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/reports/daily")
	String daily(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = regions.findOrFirstRoot(region, me.scope());
		LocalDate day = date == null ? BusinessDay.today(clock) : date;
		if (where.level() == RegionLevel.VILLAGE) {
			return reportPage(where, day, model, null, Map.of(), null);
		}
		rollupModel(where, day, model);
		return "reporting/daily-rollup";
	}

	/** The roll-up's figures alone, for the open page to refresh itself. */
	@GetMapping("/reports/daily/live")
	String live(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		RegionView where = regions.findOrFirstRoot(region, users.current().scope());
		rollupModel(where, date == null ? BusinessDay.today(clock) : date, model);
		return "reporting/daily-rollup :: live";
	}

	private void rollupModel(RegionView where, LocalDate day, Model model) {
		model.addAttribute("rollup", rollups.rollup(where.code(), day, users.current()));
		model.addAttribute("region", where);
		model.addAttribute("day", day);
		model.addAttribute("today", BusinessDay.today(clock));
		model.addAttribute("deadline", reports.deadline(day));
		model.addAttribute("updatedAt", java.time.OffsetDateTime.now(clock));
	}

	@GetMapping("/reports/daily/rollup.xlsx")
	void rollupLedger(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		CurrentUser me = users.current();
		// the region is found in scope (404) before anything is written
		downloads.send(ledger, rollups.rollup(region, date == null ? BusinessDay.today(clock) : date, me), me.scope(),
				response);
	}

	/** The roll-up on an A4 sheet: one row per region below and a totals row. */
	@GetMapping("/reports/daily/print")
	String print(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		LocalDate day = date == null ? BusinessDay.today(clock) : date;
		DailyRollups.Rollup rollup = rollups.rollup(region, day, users.current());
		model.addAttribute("rollup", rollup);
		model.addAttribute("figures", DailyRollupLedger.figures(rollup));
		model.addAttribute("deadline", reports.deadline(day));
		model.addAttribute("printedAt", java.time.OffsetDateTime.now(clock));
		return "reporting/daily-print";
	}

	@GetMapping("/reports/daily/missing")
	String missing(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = regions.findOrFirstRoot(region, me.scope());
		LocalDate day = date == null ? BusinessDay.today(clock) : date;
		model.addAttribute("region", where);
		model.addAttribute("day", day);
		model.addAttribute("missing", rollups.missing(where.code(), day, page, 50, me));
		// the reminder a township pastes into its work group: every community still
		// missing
		var all = rollups.missing(where.code(), day, 0, cn.huoxian.shared.PageResult.MAX_SIZE, me);
		model.addAttribute("reminderNames",
				String.join("、", all.items().stream().map(DailyRollups.Missing::regionName).toList())
						+ (all.total() > all.items().size() ? "……" : ""));
		model.addAttribute("reminderCount", all.total());
		model.addAttribute("deadline", reports.deadline(day).toLocalTime());
		return "reporting/daily-missing";
	}

	@PostMapping("/reports/daily/{code}/{date}/zero")
	String zero(@PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model, RedirectAttributes redirect) {
		return submitted(code, date, ReportForm.zeroReport(), Map.of(), model, redirect);
	}

	@PostMapping("/reports/daily/{code}/{date}")
	String submit(@PathVariable String code,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Map<String, String> typed = new HashMap<>(params.toSingleValueMap());
		Map<String, ReportForm.FigureInput> figures = new LinkedHashMap<>();
		Map<String, String> numberProblems = new LinkedHashMap<>();
		typed.forEach((name, value) -> {
			if (name.startsWith("value.")) {
				String figure = name.substring("value.".length());
				Long number = number(value);
				if (number == null && value != null && !value.isBlank()) {
					numberProblems.put("figures." + figure,
							cn.huoxian.shared.Messages.text("problem.field.not-a-number", value));
				}
				figures.put(figure, new ReportForm.FigureInput(number, typed.get("note." + figure)));
			}
		});
		Long confirmed = number(typed.get("newConfirmed"));
		Long suspected = number(typed.get("newSuspected"));
		ReportForm form = new ReportForm(false, figures, confirmed == null ? null : confirmed.intValue(),
				suspected == null ? null : suspected.intValue(), typed.get("helpNeeded"), typed.get("remarks"));
		if (!numberProblems.isEmpty()) {
			return reportPage(regions.find(code, users.current().scope()), date, model, null, numberProblems, typed);
		}
		return submitted(code, date, form, typed, model, redirect);
	}

	@PostMapping("/reports/daily/{code}/{date}/reopen")
	String reopen(@PathVariable String code,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		try {
			reports.reopen(code, date, reason, users.current());
		}
		catch (InvalidInputException ex) {
			return reportPage(regions.find(code, users.current().scope()), date, model, null, ex.asMap(),
					Map.of("reason", reason == null ? "" : reason));
		}
		redirect.addFlashAttribute("done", "reopened");
		return "redirect:/reports/daily?region=" + code + "&date=" + date;
	}

	private String submitted(String code, LocalDate date, ReportForm form, Map<String, String> typed, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		try {
			reports.submit(code, date, form, me);
		}
		catch (InvalidInputException ex) {
			return reportPage(regions.find(code, me.scope()), date, model, null, ex.asMap(), typed);
		}
		catch (RuleViolationException ex) {
			return reportPage(regions.find(code, me.scope()), date, model, ex.getMessage(), Map.of(), typed);
		}
		redirect.addFlashAttribute("done", "submitted");
		return "redirect:/reports/daily?region=" + code + "&date=" + date;
	}

	/**
	 * The community's report page; after an error with what was typed, each field's
	 * problem beside it.
	 */
	private String reportPage(RegionView community, LocalDate day, Model model, String error,
			Map<String, String> errors, Map<String, String> typed) {
		CurrentUser me = users.current();
		ReportView report = reports.find(community.code(), day, me);
		RegionPath above = community.path().parent();
		model.addAttribute("report", report);
		model.addAttribute("region", community);
		model.addAttribute("day", day);
		model.addAttribute("today", BusinessDay.today(clock));
		model.addAttribute("error", error);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed == null ? Map.of() : typed);
		model.addAttribute("mayReport", me.mayReportDaily() && !day.isAfter(BusinessDay.today(clock))
				&& (!report.locked() || "REOPENED".equals(report.status())));
		model.addAttribute("mayReopen", me.mayReportDaily() && above != null && me.scope().coversRegion(above)
				&& "SUBMITTED".equals(report.status()));
		return "reporting/daily-report";
	}

	private static Long number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
