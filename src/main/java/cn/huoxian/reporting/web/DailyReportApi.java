package cn.huoxian.reporting.web;

import java.time.LocalDate;

import cn.huoxian.reporting.DailyReports;
import cn.huoxian.reporting.DailyRollups;
import cn.huoxian.reporting.ReportForm;
import cn.huoxian.reporting.ReportView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily situation reports: a community's report for a day (read as a prefilled draft
 * until submitted), the roll-up at any level and the list of those not yet reported.
 */
@RestController
@RequestMapping("/api/v1/reports/daily")
class DailyReportApi {

	private final DailyReports reports;

	private final DailyRollups rollups;

	private final CurrentUserProvider users;

	private final java.time.Clock clock;

	private final cn.huoxian.reporting.DailyRollupLedger ledger;

	private final cn.huoxian.shared.web.LedgerDownloads downloads;

	DailyReportApi(DailyReports reports, DailyRollups rollups, CurrentUserProvider users, java.time.Clock clock,
			cn.huoxian.reporting.DailyRollupLedger ledger, cn.huoxian.shared.web.LedgerDownloads downloads) {
		this.ledger = ledger;
		this.downloads = downloads;
		this.reports = reports;
		this.rollups = rollups;
		this.users = users;
		this.clock = clock;
	}

	/** What a reopen asks for. */
	record ReopenBody(@jakarta.validation.constraints.Size(max = 500) String reason) {
	}

	@Operation(summary = "A village's or community's daily report (a prefilled draft until submitted)")
	@GetMapping("/{regionCode}/{date}")
	ReportView find(@PathVariable String regionCode,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return reports.find(regionCode, date, users.current());
	}

	@Operation(summary = "Submit or resubmit a daily report (the same content again changes nothing)")
	@PutMapping("/{regionCode}/{date}")
	ReportView submit(@PathVariable String regionCode,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody ReportForm form) {
		return reports.submit(regionCode, date, form, users.current());
	}

	@Operation(summary = "Reopen a submitted report so the community may submit it again (the level above)")
	@PostMapping("/{regionCode}/{date}/reopen")
	ReportView reopen(@PathVariable String regionCode,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody ReopenBody body) {
		return reports.reopen(regionCode, date, body.reason(), users.current());
	}

	@Operation(summary = "The roll-up at a region: expected, submitted, on time, totals, and each region below")
	@GetMapping("/rollup")
	DailyRollups.Rollup rollup(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return rollups.rollup(region, date == null ? BusinessDay.today(clock) : date, users.current());
	}

	@Operation(summary = "The roll-up as .xlsx: one row per region below, a totals row, a status column")
	@GetMapping("/rollup.xlsx")
	void rollupLedger(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		var me = users.current();
		downloads.send(ledger, rollups.rollup(region, date == null ? BusinessDay.today(clock) : date, me), me.scope(),
				response);
	}

	@Operation(summary = "The villages and communities under a region that have not reported for the day")
	@GetMapping("/missing")
	PageResult<DailyRollups.Missing> missing(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return rollups.missing(region, date == null ? BusinessDay.today(clock) : date, page, size, users.current());
	}

}
