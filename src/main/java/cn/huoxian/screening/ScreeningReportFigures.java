package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Screening in a community's daily report: households covered on the day and so far in
 * the campaigns open over it (their counters, and the counters at the day's start) and
 * residents flagged on the day.
 */
@Component
@Order(10)
class ScreeningReportFigures implements DailyReportFigures {

	private final DSLContext db;

	private final Campaigns campaigns;

	private final Regions regions;

	private final DayStart dayStart;

	ScreeningReportFigures(DSLContext db, Campaigns campaigns, Regions regions, DayStart dayStart) {
		this.dayStart = dayStart;
		this.db = db;
		this.campaigns = campaigns;
		this.regions = regions;
	}

	@Override
	public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
		long covered = 0;
		long coveredToday = 0;
		Long regionId = regions.byCode(community.code()).map(r -> r.id()).orElse(null);
		for (CampaignView campaign : campaigns.openFor(community)) {
			long now = db.select(SCREENING_COUNTER.COVERED)
				.from(SCREENING_COUNTER)
				.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()), SCREENING_COUNTER.REGION_ID.eq(regionId))
				.fetchOptional(SCREENING_COUNTER.COVERED)
				.orElse(0L);
			covered += now;
			coveredToday += regionId == null ? 0 : dayStart.coveredSince(campaign, regionId, day, now);
		}
		figures.put("householdsCoveredToday", coveredToday);
		figures.put("householdsCovered", covered);
		figures.put("residentsFlagged",
				(long) db.fetchCount(SCREENING_FLAG,
						DataScope.under(SCREENING_FLAG.PATH, community)
							.and(SCREENING_FLAG.RAISED_AT.ge(BusinessDay.startOf(day)))
							.and(SCREENING_FLAG.RAISED_AT.lt(BusinessDay.startOf(day.plusDays(1))))));
	}

}
