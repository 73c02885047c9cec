package cn.huoxian.supplies;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/** Supply requests waiting for an answer under each of the user's regions. */
@Component
class SupplyTiles implements WorkbenchTiles {

	private final Supplies supplies;

	private final Regions regions;

	SupplyTiles(Supplies supplies, Regions regions) {
		this.supplies = supplies;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (!user.mayReportDaily()) {
			return tiles;
		}
		for (RegionView root : regions.homeRoots(user.scope())) {
			tiles.add(WorkbenchTile.due(45, Messages.text("workbench.supplies.open"), root.name(),
					supplies.openUnder(root.path()), "/supplies?region=" + root.code() + "&status=OPEN"));
		}
		return tiles;
	}

}
