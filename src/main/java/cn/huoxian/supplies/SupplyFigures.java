package cn.huoxian.supplies;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.HeadlineFigures;
import cn.huoxian.shared.RegionPath;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Supplies in the headline and in a community's daily report: the requests not yet
 * answered under the region.
 */
final class SupplyFigures {

	private SupplyFigures() {
	}

	@Component
	@Order(30)
	static class Headline implements HeadlineFigures {

		private final Supplies supplies;

		Headline(Supplies supplies) {
			this.supplies = supplies;
		}

		@Override
		public void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day) {
			figures.put("supplyRequestsOpen", supplies.openUnder(regionPath));
		}

	}

	@Component
	@Order(30)
	static class Report implements DailyReportFigures {

		private final Supplies supplies;

		Report(Supplies supplies) {
			this.supplies = supplies;
		}

		@Override
		public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
			figures.put("supplyRequestsOpen", supplies.openUnder(community));
		}

	}

	/**
	 * Requests open at the end of past days: raised by then, and neither allocated nor
	 * refused by then (one read of the region's requests for all the days).
	 */
	@Component
	static class Past implements cn.huoxian.shared.PastFigures {

		private final org.jooq.DSLContext db;

		Past(org.jooq.DSLContext db) {
			this.db = db;
		}

		@Override
		public Map<LocalDate, Map<String, Long>> asOf(RegionPath region, LocalDate from, LocalDate to) {
			var r = cn.huoxian.db.Tables.SUPPLY_REQUEST;
			var requests = db.select(r.RAISED_AT, r.ALLOCATED_AT, r.REJECTED_AT)
				.from(r)
				.where(cn.huoxian.shared.DataScope.under(r.PATH, region))
				.and(r.RAISED_AT.lt(cn.huoxian.shared.BusinessDay.startOf(to.plusDays(1))))
				.fetch();
			Map<LocalDate, Map<String, Long>> days = new java.util.TreeMap<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				java.time.OffsetDateTime end = cn.huoxian.shared.BusinessDay.startOf(day.plusDays(1));
				long open = requests.stream()
					.filter(q -> q.value1().isBefore(end) && (q.value2() == null || !q.value2().isBefore(end))
							&& (q.value3() == null || !q.value3().isBefore(end)))
					.count();
				days.put(day, Map.of("supplyRequestsOpen", open));
			}
			return days;
		}

	}

}
