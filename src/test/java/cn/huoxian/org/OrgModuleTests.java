package cn.huoxian.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;

/**
 * The organisation network on its own (with shared and the jOOQ classes): regions are
 * created level by level, listed as children and keep their counters, without the rest of
 * the application or the demo city.
 */
@ModuleTest
class OrgModuleTests {

	static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Autowired
	Regions regions;

	@Autowired
	Households households;

	@Test
	void createsTownshipVillageAndGridAndListsThemAsChildren(PublishedEvents events) {
		String township = FreeCodes.township("130902", code -> regions.byCode(code).isPresent());
		String village = township.substring(0, 9) + "001";

		RegionView created = regions.create(new RegionForm(township, " 测试街道 ", "130902"), ADMIN);
		regions.create(new RegionForm(village.substring(0, 9) + "002", "二社区", township), ADMIN);
		regions.create(new RegionForm(village, "一社区", township), ADMIN);
		RegionView grid = regions.create(new RegionForm(village + "001", "第1网格", village), ADMIN);

		assertThat(created.level()).isEqualTo(RegionLevel.TOWNSHIP);
		assertThat(created.name()).isEqualTo("测试街道");
		assertThat(created.path().value()).isEqualTo("/130900/130902/" + township + "/");
		assertThat(created.parentCode()).isEqualTo("130902");
		assertThat(created.counts()).isEqualTo(new RegionView.Counts(0, 0, 0, 0));
		assertThat(grid.level()).isEqualTo(RegionLevel.GRID);
		assertThat(grid.path().value())
			.isEqualTo("/130900/130902/" + township + "/" + village + "/" + village + "001/");
		assertThat(regions.children(township, ADMIN.scope())).extracting(RegionView::code)
			.containsExactly(village, village.substring(0, 9) + "002");
		assertThat(regions.breadcrumbs(grid.code(), ADMIN.scope())).extracting(RegionView::code)
			.containsExactly("130900", "130902", township, village, grid.code());
		assertThat(events.ofType(RegionCreated.class).matching(RegionCreated::code, grid.code())).singleElement()
			.extracting(RegionCreated::path)
			.isEqualTo(grid.path());
	}

	@Test
	void householdsAndPeopleCountAtTheirGridAndEveryRegionAbove() {
		String township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		String village = township.substring(0, 9) + "001";
		String grid = village + "001";
		regions.create(new RegionForm(township, "计数街道", "130903"), ADMIN);
		regions.create(new RegionForm(village, "计数社区", township), ADMIN);
		regions.create(new RegionForm(village.substring(0, 9) + "002", "旁边社区", township), ADMIN);
		regions.create(new RegionForm(grid, "计数网格", village), ADMIN);
		RegionView.Counts cityBefore = counts("130900");
		RegionView.Counts countyBefore = counts("130903");
		RegionView.Counts otherCountyBefore = counts("130902");

		households.create(new HouseholdForm(grid, "1号楼", "计数路1号", "101"), ADMIN);
		HouseholdView second = households.create(new HouseholdForm(grid, "1号楼", "计数路1号", "102"), ADMIN);
		households.adjustResidents(second.id(), second.path(), 3, 1, 1);

		for (String code : List.of(grid, village, township)) {
			assertThat(counts(code)).as(code).isEqualTo(new RegionView.Counts(2, 3, 1, 1));
		}
		assertThat(counts("130903")).isEqualTo(plus(countyBefore, 2, 3, 1, 1));
		assertThat(counts("130900")).isEqualTo(plus(cityBefore, 2, 3, 1, 1));
		assertThat(counts(village.substring(0, 9) + "002")).isEqualTo(new RegionView.Counts(0, 0, 0, 0));
		assertThat(counts("130902")).isEqualTo(otherCountyBefore);
	}

	@Test
	void refusesRegionsThatDoNotFitTheNetworkOrTheUser() {
		String township = FreeCodes.township("130921", code -> regions.byCode(code).isPresent());
		String village = township.substring(0, 9) + "001";
		regions.create(new RegionForm(township, "规则街道", "130921"), ADMIN);
		regions.create(new RegionForm(village, "规则社区", township), ADMIN);
		regions.create(new RegionForm(village + "001", "规则网格", village), ADMIN);

		assertThatThrownBy(() -> regions.create(new RegionForm(village + "001001", "x", village + "001"), ADMIN))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("网格下不设下级区域，请在网格中登记楼栋和住户");
		assertThatThrownBy(() -> regions.create(new RegionForm("130903998000", "x", "130921"), ADMIN))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.asMap()).containsOnlyKeys("code"));
		assertThatThrownBy(() -> regions.create(new RegionForm(village, "x", township), ADMIN)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.asMap()).containsEntry("code", "已被其他区域使用"));
		CurrentUser otherCounty = new CurrentUser("yunhe", null, Role.REGION_STAFF,
				DataScope.ofRegions(new RegionPath("/130900/130903/")));
		assertThatThrownBy(
				() -> regions.create(new RegionForm(township.substring(0, 9) + "002", "x", township), otherCounty))
			.isInstanceOfSatisfying(ReferenceNotFoundException.class,
					e -> assertThat(e.field()).isEqualTo("parentCode"));
		CurrentUser gridWorker = new CurrentUser("grid", null, Role.GRID_WORKER,
				DataScope.ofRegions(new RegionPath("/130900/130921/")));
		assertThatThrownBy(
				() -> regions.create(new RegionForm(village.substring(0, 9) + "002", "x", township), gridWorker))
			.isInstanceOf(ForbiddenException.class)
			.hasMessage("网格员不能修改组织网络");
		assertThat(regions.children(township, ADMIN.scope())).extracting(RegionView::code).containsExactly(village);
	}

	private RegionView.Counts counts(String code) {
		return regions.byCode(code).orElseThrow().counts();
	}

	private static RegionView.Counts plus(RegionView.Counts before, long households, long residents, long partyMembers,
			long cadres) {
		return new RegionView.Counts(before.households() + households, before.residents() + residents,
				before.partyMembers() + partyMembers, before.cadres() + cadres);
	}

}
