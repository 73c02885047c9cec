package cn.huoxian.liaison;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * Communities' shortages not yet resolved (五个一 pairings) on the home page of region
 * staff, unit staff, evaluators and administrators.
 */
@Component
class LiaisonTiles implements WorkbenchTiles {

	private final Shortages shortages;

	private final Regions regions;

	LiaisonTiles(Shortages shortages, Regions regions) {
		this.shortages = shortages;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (user.isGridWorker() || user.isSelfService()) {
			return tiles;
		}
		List<RegionView> roots = regions.roots(user.scope()).stream().limit(3).toList();
		if (roots.isEmpty()) {
			// a unit's staff: the shortages their unit is paired to answer
			long open = shortages.list(null, "OPEN", null, 0, 1, user.scope()).total();
			tiles.add(tile(open, null, "/deployment/shortages"));
		}
		for (RegionView root : roots) {
			long open = shortages.list(root.path(), "OPEN", null, 0, 1, user.scope()).total();
			tiles.add(tile(open, root.name(), "/deployment/shortages?region=" + root.code()));
		}
		return tiles;
	}

	private static WorkbenchTile tile(long open, String where, String href) {
		return new WorkbenchTile(WorkbenchTile.TODAY, 50, Messages.text("workbench.liaison.shortages"), where, open,
				null, href, open > 0);
	}

}
