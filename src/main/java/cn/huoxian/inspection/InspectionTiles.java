package cn.huoxian.inspection;

import java.util.List;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * Rectifications past their deadline on the home page of region staff, evaluators and
 * administrators (a grid worker owns none).
 */
@Component
class InspectionTiles implements WorkbenchTiles {

	private final Rectifications rectifications;

	private final Regions regions;

	InspectionTiles(Rectifications rectifications, Regions regions) {
		this.rectifications = rectifications;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		if (!user.overseesRegions()) {
			return List.of();
		}
		return regions.homeRoots(user.scope())
			.stream()
			.map(root -> WorkbenchTile.due(40, Messages.text("workbench.inspection.overdue"), root.name(),
					rectifications.list(root.path(), Rectifications.OPEN, true, 0, 1, user.scope()).total(),
					"/deployment/rectifications?overdue=true&region=" + root.code()))
			.toList();
	}

}
