package cn.huoxian.firstsecretary;

import java.util.List;

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

	private static final String HREF = "/deployment/support-requests?status=OPEN";

	private final SupportRequests requests;

	private final Regions regions;

	FirstSecretaryTiles(SupportRequests requests, Regions regions) {
		this.requests = requests;
		this.regions = regions;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		if (!user.overseesRegions()) {
			return List.of();
		}
		String label = Messages.text("workbench.firstsecretary.requests");
		if (user.scope().regions().isEmpty()) {
			return List.of(WorkbenchTile.due(60, label, null,
					requests.list(null, "OPEN", null, 0, 1, user.scope()).total(), HREF));
		}
		return regions.homeRoots(user.scope())
			.stream()
			.map(root -> WorkbenchTile.due(60, label, root.name(),
					requests.list(root.path(), "OPEN", null, 0, 1, user.scope()).total(), HREF))
			.toList();
	}

}
