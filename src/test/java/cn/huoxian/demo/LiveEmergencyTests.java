package cn.huoxian.demo;

import static cn.huoxian.db.Tables.ACCOUNT;
import static cn.huoxian.db.Tables.ACCOUNT_SCOPE;
import static cn.huoxian.db.Tables.ASSESSMENT_CADRE;
import static cn.huoxian.db.Tables.ASSESSMENT_ROUND;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static cn.huoxian.db.Tables.SCREENING_CAMPAIGN;
import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: the demo city the application generated on start holds an emergency that runs
 * now, on H2 and PostgreSQL: its days counted from the day of generation (the open
 * campaign began two days before it), every module with real-looking data.
 */
@SqlTest
class LiveEmergencyTests {

	@Autowired
	DSLContext db;

	/** The day the demo was generated: two days after its open campaign began. */
	private LocalDate generatedOn() {
		return db.select(SCREENING_CAMPAIGN.STARTS_ON)
			.from(SCREENING_CAMPAIGN)
			.where(SCREENING_CAMPAIGN.NAME.eq(LiveEmergency.CAMPAIGN_NAME))
			.orderBy(SCREENING_CAMPAIGN.ID)
			.limit(1)
			.fetchOne(SCREENING_CAMPAIGN.STARTS_ON)
			.plusDays(2);
	}

	@Test
	void theEmergencyBeganWeeksBeforeTheDayItWasGenerated() {
		LocalDate start = generatedOn().minusDays(DemoCalendar.EMERGENCY_DAYS);
		LocalDate firstPost = db.select(DSL.min(DEPLOYMENT.START_DATE))
			.from(DEPLOYMENT)
			.where(DEPLOYMENT.CREATED_BY.eq("demo"))
			.fetchOne()
			.value1();
		assertThat(firstPost).isBetween(start, start.plusDays(4));
	}

	@Test
	void theCitysCampaignIsOpenAndPartlyDoneWithResidentsFlagged() {
		var campaign = db.selectFrom(SCREENING_CAMPAIGN)
			.where(SCREENING_CAMPAIGN.NAME.eq(LiveEmergency.CAMPAIGN_NAME))
			.orderBy(SCREENING_CAMPAIGN.ID)
			.limit(1)
			.fetchOne();
		assertThat(campaign.getEndsOn()).isAfter(generatedOn());
		var city = db.selectFrom(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.getId()).and(SCREENING_COUNTER.PATH.eq("/130900/")))
			.fetchOne();
		assertThat(city.getCovered()).isPositive().isLessThan(city.getHouseholds() / 2);
		assertThat(db.fetchCount(SCREENING_FLAG, SCREENING_FLAG.CAMPAIGN_ID.eq(campaign.getId()))).isPositive();
	}

	@Test
	void isolationCasesHaveTheirContactsUpToTheDayWithSomeMissed() {
		LocalDate today = generatedOn();
		// the demo's cases: those opened from its campaign's flags before the day
		var cases = db.selectFrom(ISOLATION_CASE)
			.where(ISOLATION_CASE.FLAG_ID.in(DSL.select(SCREENING_FLAG.ID)
				.from(SCREENING_FLAG)
				.join(SCREENING_CAMPAIGN)
				.on(SCREENING_CAMPAIGN.ID.eq(SCREENING_FLAG.CAMPAIGN_ID))
				.where(SCREENING_CAMPAIGN.NAME.eq(LiveEmergency.CAMPAIGN_NAME))))
			// other tests open cases from its flags too, from today
			.and(ISOLATION_CASE.START_DATE.lt(today))
			.fetch();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(1);
		assertThat(cases)
			.allSatisfy(c -> assertThat(c.getStartDate()).isBetween(today.minusDays(12), today.minusDays(1)));
		// every fifth case missed yesterday's contact: overdue yesterday
		long missedYesterday = cases.stream()
			.filter(c -> !db.fetchExists(ISOLATION_CONTACT,
					ISOLATION_CONTACT.CASE_ID.eq(c.getId()).and(ISOLATION_CONTACT.BUSINESS_DAY.eq(today.minusDays(1)))))
			.count();
		assertThat(missedYesterday).isPositive().isLessThan(cases.size());
		assertThat(db.fetchCount(ISOLATION_CONTACT,
				ISOLATION_CONTACT.CASE_ID.in(cases.stream().map(c -> c.getId()).toList())))
			.isGreaterThan(cases.size());
	}

	/** The grid worker's first look: a case in their grid still to be contacted today. */
	@Test
	void theGridWorkersGridHasACaseToContactToday() {
		String grid = db.select(ACCOUNT_SCOPE.CODE)
			.from(ACCOUNT_SCOPE)
			.join(ACCOUNT)
			.on(ACCOUNT.ID.eq(ACCOUNT_SCOPE.ACCOUNT_ID))
			.where(ACCOUNT.USERNAME.eq("grid01"))
			.fetchOne(ACCOUNT_SCOPE.CODE);
		LocalDate today = generatedOn();
		var waiting = db.selectFrom(ISOLATION_CASE)
			.where(ISOLATION_CASE.PATH.like("%/" + grid + "/%"))
			.and(ISOLATION_CASE.START_DATE.lt(today))
			.and(DSL.notExists(DSL.selectOne()
				.from(ISOLATION_CONTACT)
				.where(ISOLATION_CONTACT.CASE_ID.eq(ISOLATION_CASE.ID))
				.and(ISOLATION_CONTACT.BUSINESS_DAY.eq(today))))
			.fetch();
		assertThat(waiting).isNotEmpty();
	}

	@Test
	void anAssessmentRoundHasSomeOfItsCadresScored() {
		long round = db.select(ASSESSMENT_ROUND.ID)
			.from(ASSESSMENT_ROUND)
			.where(ASSESSMENT_ROUND.NAME.eq(LiveEmergency.ROUND_NAME))
			.orderBy(ASSESSMENT_ROUND.ID)
			.limit(1)
			.fetchOne(ASSESSMENT_ROUND.ID);
		int cadres = db.fetchCount(ASSESSMENT_CADRE, ASSESSMENT_CADRE.ROUND_ID.eq(round));
		int scored = db.fetchCount(ASSESSMENT_CADRE,
				ASSESSMENT_CADRE.ROUND_ID.eq(round).and(ASSESSMENT_CADRE.TOTAL.isNotNull()));
		assertThat(scored).isPositive().isLessThan(cadres);
	}

	@Test
	void xinhuasCommunitiesReportedYesterdayAndTheRollUpAgreesWithThem() {
		LocalDate yesterday = generatedOn().minusDays(1);
		var reports = db.selectFrom(cn.huoxian.db.Tables.DAILY_REPORT)
			.where(cn.huoxian.db.Tables.DAILY_REPORT.REPORT_DAY.eq(yesterday))
			.fetch();
		// whether one is a zero report is a draw (70 %); the test city's 新华区 has a single
		// community, and how many draws the demo made before it depends on the time of
		// day
		// (a CI run at 01:45 in Shanghai drew a report with a suspected case)
		assertThat(reports).isNotEmpty().allMatch(r -> r.getPath().startsWith("/130900/130902/"));
		Long submitted = db.select(cn.huoxian.db.Tables.DAILY_REPORT_TALLY.TALLY)
			.from(cn.huoxian.db.Tables.DAILY_REPORT_TALLY)
			.where(cn.huoxian.db.Tables.DAILY_REPORT_TALLY.PATH.eq("/130900/")
				.and(cn.huoxian.db.Tables.DAILY_REPORT_TALLY.REPORT_DAY.eq(yesterday))
				.and(cn.huoxian.db.Tables.DAILY_REPORT_TALLY.FIGURE.eq("submitted")))
			.fetchOne(cn.huoxian.db.Tables.DAILY_REPORT_TALLY.TALLY);
		assertThat(submitted).isEqualTo(reports.size());
	}

	@Test
	void xinhuaHoldsSuppliesAndItsCommunitiesHaveAsked() {
		var requests = db.selectFrom(cn.huoxian.db.Tables.SUPPLY_REQUEST)
			.where(cn.huoxian.db.Tables.SUPPLY_REQUEST.PATH.like("/130900/130902/%"))
			.fetch();
		assertThat(requests).extracting(r -> r.getStatus()).contains("DELIVERED");
		assertThat(db.fetchCount(cn.huoxian.db.Tables.SUPPLY_STOCK,
				cn.huoxian.db.Tables.SUPPLY_STOCK.PATH.like("/130900/130902/%")
					.and(cn.huoxian.db.Tables.SUPPLY_STOCK.QUANTITY.gt(0L))))
			.isGreaterThan(4);
	}

}
