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

	/**
	 * The figures a roll-up shows even where none was reported; households screened today
	 * is per campaign ({@code householdsCoveredToday-<campaign>}), its total only in
	 * reports submitted before that.
	 */
	static final List<String> ALWAYS_SHOWN = FIGURE_ORDER.stream()
		.filter(f -> !f.equals("householdsCoveredToday"))
		.toList();

	private final MessageSource messages;

	private final FigureLabels labels;

	DailyRollupLedger(MessageSource messages, FigureLabels labels) {
		this.messages = messages;
		this.labels = labels;
	}

	/** {@code daily-report-<region>-<yyyymmdd>.xlsx}, dated the report's day. */
	@Override
	public String filename(DailyRollups.Rollup rollup) {
		return "daily-report-" + rollup.region() + "-" + rollup.date().toString().replace("-", "") + ".xlsx";
	}

	/**
	 * The figures a roll-up shows, in the offices' order; a figure of a kind
	 * ({@code householdsCoveredToday-<campaign>}) right after its kind's place.
	 */
	public static List<String> figures(DailyRollups.Rollup rollup) {
		Set<String> present = new LinkedHashSet<>(rollup.totals().keySet());
		rollup.children().forEach(c -> present.addAll(c.totals().keySet()));
		return ordered(present);
	}

	static List<String> ordered(java.util.Collection<String> present) {
		return present.stream()
			.sorted(java.util.Comparator.comparingInt(DailyRollupLedger::place)
				.thenComparingLong(DailyRollupLedger::instance)
				.thenComparing(f -> f))
			.toList();
	}

	private static int place(String figure) {
		int place = FIGURE_ORDER.indexOf(kind(figure));
		return place < 0 ? FIGURE_ORDER.size() : place;
	}

	private static String kind(String figure) {
		int dash = figure.indexOf('-');
		return dash < 0 ? figure : figure.substring(0, dash);
	}

	/**
	 * The number after a kind's dash (a campaign's id: older first), 0 for the kind
	 * itself.
	 */
	private static long instance(String figure) {
		String rest = figure.substring(kind(figure).length());
		return rest.matches("-\\d{1,18}") ? Long.parseLong(rest.substring(1)) : 0;
	}

	@Override
	public List<LedgerSheet.Part> parts(DailyRollups.Rollup rollup, DataScope scope, Locale locale) {
		List<String> figures = figures(rollup);
		List<String> headers = new ArrayList<>();
		for (String key : List.of("region.name", "report.expected", "report.submitted", "report.onTimeCount",
				"report.missing", "report.figure.zeroReports")) {
			headers.add(text(key, locale));
		}
		figures.forEach(f -> headers.add(labels.of(f, locale)));
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
