package cn.huoxian.liaison;

import java.util.List;

import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * Communities' shortages not yet resolved (五个一 pairings) on the home page of region
 * staff, unit staff (their unit's pairings), evaluators and administrators.
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
		if (!user.overseesRegions()) {
			return List.of();
		}
		String label = Messages.text("workbench.liaison.shortages");
		if (user.scope().regions().isEmpty()) {
			// a unit's staff: the shortages their unit is paired to answer
			return List.of(WorkbenchTile.due(50, label, null,
					shortages.list(null, "OPEN", null, 0, 1, user.scope()).total(), "/deployment/shortages"));
		}
		return regions.homeRoots(user.scope())
			.stream()
			.map(root -> WorkbenchTile.due(50, label, root.name(),
					shortages.list(root.path(), "OPEN", null, 0, 1, user.scope()).total(),
					"/deployment/shortages?region=" + root.code()))
			.toList();
	}

}
