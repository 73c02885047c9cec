package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Screening in a community's daily report: households covered on the day in each campaign
 * open over it (its counter less the counter at the day's start; one figure per campaign,
 * named {@code householdsCoveredToday-<campaign id>} and labelled with the campaign's
 * name), households covered so far in them all, and residents flagged on the day.
 */
@Component
@Order(10)
class ScreeningReportFigures implements DailyReportFigures {

	/** A per-campaign figure's name: this, then the campaign's id. */
	static final String COVERED_TODAY_IN = "householdsCoveredToday-";

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
		Long regionId = regions.byCode(community.code()).map(r -> r.id()).orElse(null);
		for (CampaignView campaign : campaigns.openFor(community)) {
			long now = db.select(SCREENING_COUNTER.COVERED)
				.from(SCREENING_COUNTER)
				.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()), SCREENING_COUNTER.REGION_ID.eq(regionId))
				.fetchOptional(SCREENING_COUNTER.COVERED)
				.orElse(0L);
			covered += now;
			figures.put(COVERED_TODAY_IN + campaign.id(),
					regionId == null ? 0 : dayStart.coveredSince(campaign, regionId, day, now));
		}
		figures.put("householdsCovered", covered);
		figures.put("residentsFlagged",
				(long) db.fetchCount(SCREENING_FLAG,
						DataScope.under(SCREENING_FLAG.PATH, community)
							.and(SCREENING_FLAG.RAISED_AT.ge(BusinessDay.startOf(day)))
							.and(SCREENING_FLAG.RAISED_AT.lt(BusinessDay.startOf(day.plusDays(1))))));
	}

	/** Households screened today in each campaign open at or under the region. */
	@Override
	public List<String> shownIn(RegionPath region) {
		return campaigns.all()
			.stream()
			.filter(c -> c.open() && (region.isWithin(c.rootPath()) || c.rootPath().isWithin(region)))
			.sorted(java.util.Comparator.comparingLong(CampaignView::id))
			.map(c -> COVERED_TODAY_IN + c.id())
			.toList();
	}

	@Override
	public Optional<String> label(String figure, Locale locale) {
		if (!figure.startsWith(COVERED_TODAY_IN)) {
			return Optional.empty();
		}
		String id = figure.substring(COVERED_TODAY_IN.length());
		Optional<String> name = id.matches("\\d{1,18}") ? campaigns.nameOf(Long.parseLong(id)) : Optional.empty();
		return Optional.of(name.map(n -> Messages.text(locale, "report.figure.householdsCoveredTodayIn", n))
			.orElseGet(() -> Messages.text(locale, "report.figure.householdsCoveredToday")));
	}

}
