package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_DAY_START;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.BusinessDay;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open campaigns' coverage counters as the business day began (ADR 43): copied at
 * midnight Asia/Shanghai, and at start-up when the day has not been copied yet (then the
 * day's start is the start-up's values: the day's coverage so far counts from there). A
 * community's households covered today are its counter now less its counter then.
 */
@Component
class DayStart {

	private static final Logger log = LoggerFactory.getLogger(DayStart.class);

	private final DSLContext db;

	private final Campaigns campaigns;

	private final Clock clock;

	DayStart(DSLContext db, Campaigns campaigns, Clock clock) {
		this.db = db;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Scheduled(cron = "0 0 0 * * *", zone = "Asia/Shanghai")
	@EventListener(ApplicationReadyEvent.class)
	void copyToday() {
		try {
			int copied = copy(BusinessDay.today(clock));
			log.debug("Screening counters at the day's start: {} copied", copied);
		}
		catch (RuntimeException ex) {
			// the day's report then counts today's coverage from the first copy
			log.warn("Copying the screening counters at the day's start failed: {}", ex.toString());
		}
	}

	/**
	 * Copies the open campaigns' counters as the start of a day, once (a campaign already
	 * copied for the day is left as it was); the rows copied.
	 */
	@Transactional
	int copy(LocalDate day) {
		List<Long> open = campaigns.all().stream().filter(CampaignView::open).map(CampaignView::id).toList();
		if (open.isEmpty()) {
			return 0;
		}
		return db
			.insertInto(SCREENING_DAY_START, SCREENING_DAY_START.CAMPAIGN_ID, SCREENING_DAY_START.REGION_ID,
					SCREENING_DAY_START.START_DAY, SCREENING_DAY_START.COVERED)
			.select(DSL
				.select(SCREENING_COUNTER.CAMPAIGN_ID, SCREENING_COUNTER.REGION_ID, DSL.val(day),
						SCREENING_COUNTER.COVERED)
				.from(SCREENING_COUNTER)
				.where(SCREENING_COUNTER.CAMPAIGN_ID.in(open))
				.and(SCREENING_COUNTER.CAMPAIGN_ID.notIn(DSL.select(SCREENING_DAY_START.CAMPAIGN_ID)
					.from(SCREENING_DAY_START)
					.where(SCREENING_DAY_START.START_DAY.eq(day)))))
			.execute();
	}

	/**
	 * Households a campaign covered at a region since the day began: its counter now less
	 * its counter then (zero before the campaign's first day: it began at nothing).
	 */
	long coveredSince(CampaignView campaign, long regionId, LocalDate day, long coveredNow) {
		Long atStart = db.select(SCREENING_DAY_START.COVERED)
			.from(SCREENING_DAY_START)
			.where(SCREENING_DAY_START.CAMPAIGN_ID.eq(campaign.id()), SCREENING_DAY_START.START_DAY.eq(day),
					SCREENING_DAY_START.REGION_ID.eq(regionId))
			.fetchOne(SCREENING_DAY_START.COVERED);
		if (atStart == null) {
			// not copied: a campaign opened today started at zero; otherwise nothing is
			// known
			return campaign.startsOn().isBefore(day) ? 0 : coveredNow;
		}
		return Math.max(0, coveredNow - atStart);
	}

}
