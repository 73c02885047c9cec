package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_VISIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.PastFigures;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The open campaigns' households covered at the end of past days, recounted from the
 * visits: a household is covered when its latest visit by then found it covered (the
 * counters' rule). One ordered read of a campaign's visits under the region for all the
 * days, each household's latest outcome kept as the days pass.
 */
@Component
class ScreeningPastFigures implements PastFigures {

	private final DSLContext db;

	private final Campaigns campaigns;

	ScreeningPastFigures(DSLContext db, Campaigns campaigns) {
		this.db = db;
		this.campaigns = campaigns;
	}

	@Override
	public Map<LocalDate, Map<String, Long>> asOf(RegionPath region, LocalDate from, LocalDate to) {
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, new HashMap<>());
		}
		for (CampaignView campaign : campaigns.all()) {
			boolean reaches = region.isWithin(campaign.rootPath()) || campaign.rootPath().isWithin(region);
			if (campaign.open() && reaches) {
				covered(campaign, region, from, to)
					.forEach((day, covered) -> days.get(day).put("campaignCovered_" + campaign.id(), covered));
			}
		}
		return days;
	}

	private Map<LocalDate, Long> covered(CampaignView campaign, RegionPath region, LocalDate from, LocalDate to) {
		Map<Long, Boolean> latest = new HashMap<>();
		Map<LocalDate, Long> byDay = new TreeMap<>();
		long covered = 0;
		LocalDate day = from;
		try (var visits = db.select(SCREENING_VISIT.HOUSEHOLD_ID, SCREENING_VISIT.VISITED_AT, SCREENING_VISIT.OUTCOME)
			.from(SCREENING_VISIT)
			.where(SCREENING_VISIT.CAMPAIGN_ID.eq(campaign.id()))
			.and(DataScope.under(SCREENING_VISIT.PATH, region))
			.and(SCREENING_VISIT.VISITED_AT.lt(BusinessDay.startOf(to.plusDays(1))))
			.orderBy(SCREENING_VISIT.VISITED_AT, SCREENING_VISIT.VISIT_ID)
			.fetchSize(5_000)
			.fetchLazy()) {
			for (var visit : visits) {
				OffsetDateTime at = visit.value2();
				// close the days that ended before this visit
				while (!day.isAfter(to) && !at.isBefore(BusinessDay.startOf(day.plusDays(1)))) {
					byDay.put(day, covered);
					day = day.plusDays(1);
				}
				boolean now = Outcome.COVERED.name().equals(visit.value3());
				Boolean before = latest.put(visit.value1(), now);
				covered += (now ? 1 : 0) - (Boolean.TRUE.equals(before) ? 1 : 0);
			}
		}
		for (; !day.isAfter(to); day = day.plusDays(1)) {
			byDay.put(day, covered);
		}
		return byDay;
	}

}
