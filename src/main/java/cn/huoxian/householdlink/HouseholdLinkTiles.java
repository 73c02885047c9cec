package cn.huoxian.householdlink;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/** A party member's own 1+10 households (党员联户) on their home page. */
@Component
class HouseholdLinkTiles implements WorkbenchTiles {

	private final HouseholdLinks links;

	private final Regions regions;

	HouseholdLinkTiles(HouseholdLinks links, Regions regions) {
		this.links = links;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (user.personId() == null) {
			return tiles;
		}
		long mine = 0;
		for (RegionView root : regions.homeRoots(user.scope())) {
			mine += links.list(root.path(), user.personId(), 0, 1, user.scope()).total();
		}
		if (mine > 0) {
			tiles.add(new WorkbenchTile(WorkbenchTile.TODAY, 70, Messages.text("workbench.householdlink.mine"), null,
					mine, null, "/deployment/household-links", false));
		}
		return tiles;
	}

}
