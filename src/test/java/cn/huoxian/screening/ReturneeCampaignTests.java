package cn.huoxian.screening;

import static cn.huoxian.db.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.huoxian.people.Returns;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign of returnees covers exactly the households of residents who returned since
 * its date.
 */
@SqlTest
class ReturneeCampaignTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	Visits visits;

	@Autowired
	Coverage coverage;

	@Autowired
	Recount recount;

	@Autowired
	Returns returns;

	@Autowired
	DSLContext db;

	private final CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Test
	void coversOnlyHouseholdsOfReturneesSinceTheDate() {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		// residents of three different households in 吴桥县 (130928), one of whom returned
		// too early
		var residents = db.select(PERSON.ID, PERSON.HOUSEHOLD_ID)
			.from(PERSON)
			.where(PERSON.PATH.like("/130900/130928/%"))
			.and(PERSON.HOUSEHOLD_ID.isNotNull())
			.orderBy(PERSON.HOUSEHOLD_ID.desc())
			.limit(60)
			.fetch();
		var distinct = residents.stream().map(r -> r.value2()).distinct().limit(3).toList();
		List<Long> people = distinct.stream()
			.map(h -> residents.stream().filter(r -> r.value2().equals(h)).findFirst().orElseThrow().value1())
			.toList();
		LocalDate since = today.minusDays(10);
		returns.record(people.get(0), since.plusDays(1), "武汉", admin);
		returns.record(people.get(1), since, "孝感", admin);
		returns.record(people.get(2), since.minusDays(1), "北京", admin);

		CampaignView campaign = campaigns.create(new CampaignForm("返乡人员排查", "130928", today.minusDays(1),
				today.plusDays(3), Set.of(), CampaignTarget.RETURNEES_SINCE, since), admin);
		Coverage.Figures county = coverage.coverage(campaign.id(), "130928", admin.scope()).region();
		assertThat(county.households()).isGreaterThanOrEqualTo(2);
		var spots = coverage.blindSpots(campaign.id(), "130928", 0, 100, admin.scope());
		assertThat(spots.items()).extracting(Coverage.BlindSpot::householdId)
			.contains(distinct.get(0), distinct.get(1))
			.doesNotContain(distinct.get(2));

		var visit = new VisitInput(UUID.randomUUID(), distinct.get(2), OffsetDateTime.now().minusMinutes(3),
				Outcome.NOBODY_HOME, List.of(), List.of());
		assertThatThrownBy(() -> visits.record(campaign.id(), List.of(visit), admin))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("visits[0].householdId")
			.hasMessageContaining(String.valueOf(distinct.get(2)));
		visits.record(campaign.id(), List.of(new VisitInput(UUID.randomUUID(), distinct.get(0),
				OffsetDateTime.now().minusMinutes(2), Outcome.NOBODY_HOME, List.of(), List.of())), admin);
		assertThat(coverage.coverage(campaign.id(), "130928", admin.scope()).region().visits()).isEqualTo(1);
		assertThat(recount.recount(campaign.id(), admin).clean()).isTrue();
	}

	@Test
	void requiresTheDateForAReturneeCampaign() {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		assertThatThrownBy(() -> campaigns.create(
				new CampaignForm("缺日期", "130928", today, today, Set.of(), CampaignTarget.RETURNEES_SINCE, null), admin))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("targetSince");
	}

}
