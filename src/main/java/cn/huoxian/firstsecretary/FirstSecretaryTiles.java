package cn.huoxian.firstsecretary;

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
 * First secretaries' support requests still open, on the home page of region staff, unit
 * staff (their dispatching unit's), evaluators and administrators.
 */
@Component
class FirstSecretaryTiles implements WorkbenchTiles {

	private final SupportRequests requests;

	private final Regions regions;

	FirstSecretaryTiles(SupportRequests requests, Regions regions) {
		this.requests = requests;
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
			tiles.add(tile(requests.list(null, "OPEN", null, 0, 1, user.scope()).total(), null));
		}
		for (RegionView root : roots) {
			tiles.add(tile(requests.list(root.path(), "OPEN", null, 0, 1, user.scope()).total(), root.name()));
		}
		return tiles;
	}

	private static WorkbenchTile tile(long open, String where) {
		return new WorkbenchTile(WorkbenchTile.TODAY, 60, Messages.text("workbench.firstsecretary.requests"), where,
				open, null, "/deployment/support-requests?status=OPEN", open > 0);
	}

}
