package cn.huoxian.duty;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import cn.huoxian.shared.Messages;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The duty ledgers as .xlsx: a checkpoint's roster for a week (one row per shift: day,
 * time, who, count against the minimum, a status) and its duty logs.
 */
public final class DutyLedgers {

	private DutyLedgers() {
	}

	/** {@code roster-<checkpoint>-<monday>.xlsx}. */
	@Component
	public static class RosterLedger implements Ledger<Rosters.WeekView> {

		@Override
		public String filename(Rosters.WeekView week) {
			return "roster-" + week.checkpoint().id() + "-" + week.monday().toString().replace("-", "") + ".xlsx";
		}

		@Override
		public List<LedgerSheet.Part> parts(Rosters.WeekView week, DataScope scope, Locale locale) {
			List<String> headers = List.of(Messages.text(locale, "duty.day"), Messages.text(locale, "duty.shift"),
					Messages.text(locale, "duty.staff"), Messages.text(locale, "duty.staffCount"),
					Messages.text(locale, "duty.minStaff"), Messages.text(locale, "duty.state"));
			return List.of(workbook -> {
				LedgerSheet sheet = new LedgerSheet(workbook,
						Messages.text(locale, "duty.roster") + " " + week.monday(), headers);
				for (List<Rosters.ShiftView> day : week.grid()) {
					for (Rosters.ShiftView shift : day) {
						if (shift == null) {
							continue;
						}
						int row = sheet.nextRow();
						Worksheet ws = sheet.sheet();
						ws.value(row, 0, shift.day().toString());
						ws.value(row, 1, shift.slot());
						ws.value(row, 2,
								shift.staff().stream().map(Rosters.Person::name).collect(Collectors.joining("、")));
						ws.value(row, 3, shift.staff().size());
						ws.value(row, 4, shift.minStaff());
						ws.value(row, 5, Messages.text(locale, shift.gap() ? "duty.gap" : "duty.staffed"));
					}
				}
				sheet.finish();
			});
		}

	}

	/** A week's logs of a checkpoint. */
	public record LogCover(Rosters.WeekView week, List<DutyLogs.LogView> logs) {
	}

	/** {@code duty-logs-<checkpoint>-<monday>.xlsx}. */
	@Component
	public static class LogLedger implements Ledger<LogCover> {

		@Override
		public String filename(LogCover cover) {
			return "duty-logs-" + cover.week().checkpoint().id() + "-"
					+ cover.week().monday().toString().replace("-", "") + ".xlsx";
		}

		@Override
		public List<LedgerSheet.Part> parts(LogCover cover, DataScope scope, Locale locale) {
			List<String> headers = List.of(Messages.text(locale, "duty.shift"), Messages.text(locale, "duty.staff"),
					Messages.text(locale, "duty.log.onDutyAt"), Messages.text(locale, "duty.log.offDutyAt"),
					Messages.text(locale, "duty.log.vehicles"), Messages.text(locale, "duty.log.people"),
					Messages.text(locale, "duty.log.turnedBack"), Messages.text(locale, "duty.log.temperatureReferred"),
					Messages.text(locale, "duty.log.handover"));
			return List.of(workbook -> {
				LedgerSheet sheet = new LedgerSheet(workbook,
						Messages.text(locale, "duty.logs") + " " + cover.week().monday(), headers);
				for (DutyLogs.LogView log : cover.logs()) {
					int row = sheet.nextRow();
					Worksheet ws = sheet.sheet();
					ws.value(row, 0, log.shift());
					ws.value(row, 1, log.staff().stream().map(Rosters.Person::name).collect(Collectors.joining("、")));
					ws.value(row, 2, Rosters.clock(log.onDutyAt()));
					ws.value(row, 3, log.offDutyAt() == null ? "" : Rosters.clock(log.offDutyAt()));
					ws.value(row, 4, log.vehicles());
					ws.value(row, 5, log.people());
					ws.value(row, 6, log.turnedBack());
					ws.value(row, 7, log.temperatureReferred());
					ws.value(row, 8, log.handover() == null ? "" : log.handover());
				}
				sheet.finish();
			});
		}

	}

}
