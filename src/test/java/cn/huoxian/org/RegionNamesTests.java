package cn.huoxian.org;

import static cn.huoxian.db.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: places read by name: a grid with its community (every community has a
 * "第1网格"), a ledger row's county, township, community and grid.
 */
@SqlTest
class RegionNamesTests {

	@Autowired
	RegionNames names;

	@Autowired
	DSLContext db;

	@Test
	void aGridReadsWithItsCommunityAndALedgerRowWithItsWholePlace() {
		var grid = db.selectFrom(REGION)
			.where(REGION.REGION_LEVEL.eq("GRID").and(REGION.PATH.like("/130900/130902/%")))
			.orderBy(REGION.PATH)
			.limit(1)
			.fetchOne();
		var community = db.selectFrom(REGION).where(REGION.ID.eq(grid.getParentId())).fetchOne();
		var township = db.selectFrom(REGION).where(REGION.ID.eq(community.getParentId())).fetchOne();

		assertThat(names.withCommunity(grid.getCode())).isEqualTo(community.getName() + " " + grid.getName());
		assertThat(names.withCommunity("130902")).isEqualTo("新华区");
		assertThat(names.place(grid.getCode())).containsExactly("新华区", township.getName(), community.getName(),
				grid.getName());
		assertThat(names.place(township.getCode())).containsExactly("新华区", township.getName(), "", "");
	}

}
