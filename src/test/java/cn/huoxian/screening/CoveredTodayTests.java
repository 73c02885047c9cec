package cn.huoxian.screening;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Households covered today" in a community's daily report: the campaigns' counters now
 * less their copy at the day's start; the day's copy is taken once.
 */
@SqlTest
class CoveredTodayTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Autowired
	Campaigns campaigns;

	@Autowired
	Visits visits;

	@Autowired
	DayStart dayStart;

	@Autowired
	ScreeningReportFigures figures;

	@Autowired
	DSLContext db;

	private VisitInput covered(long household, OffsetDateTime at) {
		List<VisitInput.ResidentCheck> checks = db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.HOUSEHOLD_ID.eq(household))
			.fetch(PERSON.ID)
			.stream()
			.map(p -> new VisitInput.ResidentCheck(p, ResidentStatus.PRESENT, null, new BigDecimal("36.5"), Set.of()))
			.toList();
		return new VisitInput(UUID.randomUUID(), household, at, Outcome.COVERED, checks, List.of());
	}

	private Map<String, Long> report(RegionPath community, LocalDate day) {
		Map<String, Long> values = new HashMap<>();
		figures.addTo(values, community, day);
		return values;
	}

	@Test
	void coveredTodayCountsFromTheDaysStart() {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CampaignView campaign = campaigns
			.create(new CampaignForm("今日排查", "130902", today.minusDays(2), today.plusDays(1), Set.of()), ADMIN);
		String path = db.select(HOUSEHOLD.PATH)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.PATH.like("/130900/130902/%"))
			// the demo's first household: its community has many (a test's may have one)
			.orderBy(HOUSEHOLD.ID.asc())
			.limit(1)
			.fetchOne(HOUSEHOLD.PATH);
		RegionPath community = RegionPath.of(path).parent();
		List<Long> households = db.select(HOUSEHOLD.ID)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.PATH.like(community.value() + "%"))
			.orderBy(HOUSEHOLD.ID)
			.limit(5)
			.fetch(HOUSEHOLD.ID);
		assertThat(households).hasSize(5);
		OffsetDateTime now = OffsetDateTime.now().minusMinutes(5);
		// before the day's copy: three households
		visits.record(campaign.id(), households.subList(0, 3).stream().map(h -> covered(h, now)).toList(), ADMIN);
		assertThat(dayStart.copy(today)).isPositive();
		assertThat(dayStart.copy(today)).as("once a day").isZero();
		Map<String, Long> before = report(community, today);
		String figure = ScreeningReportFigures.COVERED_TODAY_IN + campaign.id();

		visits.record(campaign.id(), households.subList(3, 5).stream().map(h -> covered(h, now)).toList(), ADMIN);
		Map<String, Long> after = report(community, today);
		assertThat(after.get(figure) - before.get(figure)).isEqualTo(2);
		assertThat(after.get("householdsCovered") - before.get("householdsCovered")).isEqualTo(2);
		// a revisit covers no new household
		visits.record(campaign.id(), List.of(covered(households.get(0), now.plusMinutes(1))), ADMIN);
		assertThat(report(community, today).get(figure)).isEqualTo(after.get(figure));

		// a second campaign open over the community has its own figure, from its own
		// counter
		CampaignView second = campaigns
			.create(new CampaignForm("复查", community.parent().code(), today, today.plusDays(1), Set.of()), ADMIN);
		String secondFigure = ScreeningReportFigures.COVERED_TODAY_IN + second.id();
		visits.record(second.id(), List.of(covered(households.get(0), now.plusMinutes(2))), ADMIN);
		Map<String, Long> both = report(community, today);
		assertThat(both.get(secondFigure)).as("opened today: it started from zero").isEqualTo(1);
		assertThat(both.get(figure)).as("the first campaign is unchanged").isEqualTo(after.get(figure));
		assertThat(both).doesNotContainKey("householdsCoveredToday");
	}

	@Test
	void aPerCampaignFigureIsLabelledWithTheCampaignsName() {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CampaignView campaign = campaigns
			.create(new CampaignForm("第三轮排查", "130902", today, today.plusDays(1), Set.of()), ADMIN);
		String figure = ScreeningReportFigures.COVERED_TODAY_IN + campaign.id();
		assertThat(figures.label(figure, Locale.SIMPLIFIED_CHINESE)).contains("今日排查户数（第三轮排查）");
		assertThat(figures.label(figure, Locale.ENGLISH)).contains("Households screened today (第三轮排查)");
		assertThat(figures.label(ScreeningReportFigures.COVERED_TODAY_IN + "999999999", Locale.SIMPLIFIED_CHINESE))
			.as("a campaign gone: the kind's label")
			.contains("今日排查户数");
		assertThat(figures.label("householdsCovered", Locale.SIMPLIFIED_CHINESE)).as("fixed names: the bundles")
			.isEmpty();
	}

}
