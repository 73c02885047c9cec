package cn.huoxian.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A day's roll-up as .xlsx in the layout offices use: one row per region below, a totals
 * row for the region itself, a status column; counts and figures as numbers.
 */
@Service
public class DailyRollupLedger implements Ledger<DailyRollups.Rollup> {

	/** The figures in the order offices read them; any other after them. */
	static final List<String> FIGURE_ORDER = List.of("householdsCoveredToday", "householdsCovered", "residentsFlagged",
			"isolationActive", "supplyRequestsOpen", "shortagesOpen", "isolationNotContacted", "newConfirmed",
			"newSuspected", "helpNeeded");

	private final MessageSource messages;

	DailyRollupLedger(MessageSource messages) {
		this.messages = messages;
	}

	/** {@code daily-report-<region>-<yyyymmdd>.xlsx}, dated the report's day. */
	@Override
	public String filename(DailyRollups.Rollup rollup) {
		return "daily-report-" + rollup.region() + "-" + rollup.date().toString().replace("-", "") + ".xlsx";
	}

	/** The figures a roll-up shows, in the offices' order. */
	public static List<String> figures(DailyRollups.Rollup rollup) {
		Set<String> present = new LinkedHashSet<>(rollup.totals().keySet());
		rollup.children().forEach(c -> present.addAll(c.totals().keySet()));
		List<String> ordered = new ArrayList<>(FIGURE_ORDER.stream().filter(present::contains).toList());
		present.stream().filter(f -> !FIGURE_ORDER.contains(f)).sorted().forEach(ordered::add);
		return ordered;
	}

	@Override
	public List<LedgerSheet.Part> parts(DailyRollups.Rollup rollup, DataScope scope, Locale locale) {
		List<String> figures = figures(rollup);
		List<String> headers = new ArrayList<>();
		for (String key : List.of("region.name", "report.expected", "report.submitted", "report.onTimeCount",
				"report.missing", "report.figure.zeroReports")) {
			headers.add(text(key, locale));
		}
		figures.forEach(f -> headers.add(text("report.figure." + f, locale)));
		headers.add(text("report.state", locale));
		String sheetName = text("report.daily", locale) + " " + rollup.date();
		return List.of(workbook -> {
			LedgerSheet sheet = new LedgerSheet(workbook, sheetName, headers);
			for (DailyRollups.RollupLine line : rollup.children()) {
				row(sheet, line, figures, locale, line.regionName());
			}
			DailyRollups.RollupLine own = new DailyRollups.RollupLine(rollup.region(), rollup.regionName(),
					rollup.level(), rollup.expected(), rollup.submitted(), rollup.onTime(), rollup.zeroReports(),
					rollup.totals());
			row(sheet, own, figures, locale, text("report.totalRow", locale, rollup.regionName()));
			sheet.finish();
		});
	}

	private void row(LedgerSheet sheet, DailyRollups.RollupLine line, List<String> figures, Locale locale, String name)
			throws java.io.IOException {
		int row = sheet.nextRow();
		Worksheet ws = sheet.sheet();
		int col = 0;
		ws.value(row, col++, name);
		ws.value(row, col++, line.expected());
		ws.value(row, col++, line.submitted());
		ws.value(row, col++, line.onTime());
		ws.value(row, col++, line.missing());
		ws.value(row, col++, line.zeroReports());
		for (String figure : figures) {
			ws.value(row, col++, line.totals().getOrDefault(figure, 0L));
		}
		ws.value(row, col, line.missing() == 0 ? text("report.allIn", locale)
				: text("report.stillMissing", locale, line.missing()));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
