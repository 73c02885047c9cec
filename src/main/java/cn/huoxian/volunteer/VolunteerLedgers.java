package cn.huoxian.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import cn.huoxian.shared.Messages;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The 双报到 ledgers as .xlsx: a community's service ledger (every claim on the needs of a
 * period: day, time, kind, need, member, unit, state, hours) and a unit's member hours
 * (each in-service party member, where registered, hours by kind).
 */
public final class VolunteerLedgers {

	private VolunteerLedgers() {
	}

	/** {@code service-<community>-<from>-<to>.xlsx}. */
	@Component
	public static class CommunityLedger implements Ledger<ServiceRecords.CommunityLedger> {

		@Override
		public String filename(ServiceRecords.CommunityLedger ledger) {
			return "service-" + ledger.code() + "-" + compact(ledger.period()) + ".xlsx";
		}

		@Override
		public List<LedgerSheet.Part> parts(ServiceRecords.CommunityLedger ledger, DataScope scope, Locale locale) {
			List<String> headers = List.of(Messages.text(locale, "volunteer.day"),
					Messages.text(locale, "volunteer.slot"), Messages.text(locale, "volunteer.kind"),
					Messages.text(locale, "volunteer.need"), Messages.text(locale, "volunteer.member"),
					Messages.text(locale, "volunteer.unit"), Messages.text(locale, "volunteer.state"),
					Messages.text(locale, "volunteer.hours"), Messages.text(locale, "volunteer.confirmedBy"));
			return List.of(workbook -> {
				LedgerSheet sheet = new LedgerSheet(workbook,
						Messages.text(locale, "volunteer.ledger.community", ledger.name()), headers);
				for (ServiceRecords.LedgerLine line : ledger.lines()) {
					int row = sheet.nextRow();
					Worksheet ws = sheet.sheet();
					ws.value(row, 0, line.day().toString());
					ws.value(row, 1, line.slot());
					ws.value(row, 2, Messages.text(locale, "volunteer.kind." + line.kind()));
					ws.value(row, 3, line.title());
					ws.value(row, 4, line.name());
					ws.value(row, 5, line.unitName() == null ? "" : line.unitName());
					ws.value(row, 6, Messages.text(locale, "volunteer.claim." + line.status()));
					if (line.hours() != null) {
						ws.value(row, 7, line.hours());
					}
					ws.value(row, 8, line.confirmedBy() == null ? "" : line.confirmedBy());
				}
				sheet.finish();
			});
		}

	}

	/** {@code member-hours-<unit>-<from>-<to>.xlsx}. */
	@Component
	public static class UnitLedger implements Ledger<ServiceRecords.UnitHours> {

		@Override
		public String filename(ServiceRecords.UnitHours hours) {
			return "member-hours-" + hours.unitId() + "-" + compact(hours.period()) + ".xlsx";
		}

		@Override
		public List<LedgerSheet.Part> parts(ServiceRecords.UnitHours hours, DataScope scope, Locale locale) {
			List<String> headers = new ArrayList<>(List.of(Messages.text(locale, "volunteer.member"),
					Messages.text(locale, "volunteer.community"), Messages.text(locale, "volunteer.registration")));
			for (ServiceKind kind : ServiceKind.values()) {
				headers.add(Messages.text(locale, "volunteer.kind." + kind));
			}
			headers.add(Messages.text(locale, "volunteer.total"));
			return List.of(workbook -> {
				LedgerSheet sheet = new LedgerSheet(workbook,
						Messages.text(locale, "volunteer.ledger.unit", hours.unitName()), headers);
				for (ServiceRecords.MemberHours m : hours.members()) {
					int row = sheet.nextRow();
					Worksheet ws = sheet.sheet();
					ws.value(row, 0, m.name());
					ws.value(row, 1, m.communityName() == null ? "" : m.communityName());
					ws.value(row, 2, m.registered() ? Messages.text(locale, "volunteer.until", m.expiresOn()) : Messages
						.text(locale, m.expiresOn() == null ? "volunteer.notRegistered" : "volunteer.lapsed"));
					int col = 3;
					for (ServiceKind kind : ServiceKind.values()) {
						ws.value(row, col++, m.byKind().getOrDefault(kind, java.math.BigDecimal.ZERO));
					}
					ws.value(row, col, m.total());
				}
				sheet.finish();
			});
		}

	}

	private static String compact(ServiceRecords.ServicePeriod period) {
		return period.from().toString().replace("-", "") + "-" + period.to().toString().replace("-", "");
	}

}
