package cn.huoxian.screening;

import static cn.huoxian.db.Tables.BUILDING;
import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
 * Coverage and blind spots read regions and households through their owner's fragments
 * (issue 12); the rows are those of the plain joins over org's tables.
 */
@SqlTest
class CoverageRowsTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	Coverage coverage;

	@Autowired
	DSLContext db;

	private final CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Test
	void childrenAndBlindSpotsAreThoseOfThePlainJoins() {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CampaignView campaign = campaigns
			.create(new CampaignForm("覆盖行", "130902", today.minusDays(1), today.plusDays(1), Set.of()), admin);
		assertThat(campaign.rootRegion()).isEqualTo("130902");
		assertThat(campaign.rootName())
			.isEqualTo(db.select(REGION.NAME).from(REGION).where(REGION.CODE.eq("130902")).fetchOne(REGION.NAME));

		Coverage.View view = coverage.coverage(campaign.id(), "130902", admin.scope());
		assertThat(view.region().code()).isEqualTo("130902");
		assertThat(view.region().level()).isEqualTo(db.select(REGION.REGION_LEVEL)
			.from(REGION)
			.where(REGION.CODE.eq("130902"))
			.fetchOne(REGION.REGION_LEVEL));
		var county = REGION.as("county");
		List<String> children = db.select(REGION.CODE, REGION.NAME, REGION.REGION_LEVEL)
			.from(REGION)
			.join(county)
			.on(county.ID.eq(REGION.PARENT_ID))
			.where(county.CODE.eq("130902"))
			.orderBy(REGION.CODE)
			.fetch(r -> r.value1() + " " + r.value2() + " " + r.value3());
		assertThat(children).isNotEmpty();
		assertThat(view.children()).extracting(f -> f.code() + " " + f.name() + " " + f.level())
			.containsExactlyElementsOf(children);

		List<String> expected = db
			.select(HOUSEHOLD.ID, REGION.CODE, REGION.NAME, BUILDING.NAME, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR,
					HOUSEHOLD.RESIDENTS)
			.from(HOUSEHOLD)
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.where(HOUSEHOLD.PATH.like("/130900/130902/%"))
			.orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID)
			.limit(40)
			.fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4() + " " + r.value5() + " "
					+ r.value6() + " " + r.value7());
		assertThat(expected).hasSize(40);
		List<Coverage.BlindSpot> page = coverage.blindSpots(campaign.id(), "130902", 0, 40, admin.scope()).items();
		assertThat(page)
			.extracting(b -> b.householdId() + " " + b.gridCode() + " " + b.gridName() + " " + b.building() + " "
					+ b.address() + " " + b.door() + " " + b.residents())
			.containsExactlyElementsOf(expected);
	}

}
