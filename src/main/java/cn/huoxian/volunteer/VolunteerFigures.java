package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;
import static cn.huoxian.db.Tables.VOLUNTEER_REGISTRATION;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.HeadlineFigures;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 双报到 in the headline and in a community's daily report, counted from the records. */
final class VolunteerFigures {

	private VolunteerFigures() {
	}

	/**
	 * {@code volunteerHoursThisWeek}: the hours confirmed on needs of the day's week
	 * (Monday to Sunday) in communities under the region, in whole hours;
	 * {@code registeredPartyMembers}: the registrations in force on the day.
	 */
	@Component
	@Order(45)
	static class Headline implements HeadlineFigures {

		private final DSLContext db;

		Headline(DSLContext db) {
			this.db = db;
		}

		@Override
		public void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day) {
			LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			Long minutes = db.select(DSL.sum(VOLUNTEER_CLAIM.MINUTES))
				.from(VOLUNTEER_NEED)
				.join(VOLUNTEER_CLAIM)
				.on(VOLUNTEER_CLAIM.NEED_ID.eq(VOLUNTEER_NEED.ID))
				.where(DataScope.under(VOLUNTEER_NEED.COMMUNITY_PATH, regionPath),
						VOLUNTEER_NEED.SERVICE_DAY.between(monday, monday.plusDays(6)),
						VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()))
				.fetchOptional(0, Long.class)
				.orElse(null);
			figures.put("volunteerHoursThisWeek",
					Hours.of(minutes == null ? 0 : minutes).setScale(0, java.math.RoundingMode.HALF_UP).longValue());
			figures.put("registeredPartyMembers",
					(long) db.fetchCount(VOLUNTEER_REGISTRATION,
							DataScope.under(VOLUNTEER_REGISTRATION.COMMUNITY_PATH, regionPath)
								.and(VOLUNTEER_REGISTRATION.REGISTERED_ON.le(day))
								.and(VOLUNTEER_REGISTRATION.EXPIRES_ON.gt(day))));
		}

	}

	/**
	 * {@code volunteersServed}: confirmed services on the community's needs of the day
	 * (人次), a count the roll-up sums.
	 */
	@Component
	@Order(45)
	static class Report implements DailyReportFigures {

		private final DSLContext db;

		Report(DSLContext db) {
			this.db = db;
		}

		@Override
		public List<String> shownIn(RegionPath region) {
			return List.of("volunteersServed");
		}

		@Override
		public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
			figures.put("volunteersServed",
					(long) db.fetchCount(
							VOLUNTEER_CLAIM.join(VOLUNTEER_NEED).on(VOLUNTEER_NEED.ID.eq(VOLUNTEER_CLAIM.NEED_ID)),
							DataScope.under(VOLUNTEER_NEED.COMMUNITY_PATH, community)
								.and(VOLUNTEER_NEED.SERVICE_DAY.eq(day))
								.and(VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CONFIRMED.name()))));
		}

	}

}
