package cn.huoxian.isolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * Home isolation on the home page: under each of the user's regions, the cases whose
 * contact is not yet made today (overdue once the day's contact time passed, as the
 * overdue list counts them; bounded at {@value WorkbenchTile#COUNT_BOUND}: a city's
 * 50,000 active cases were 20 ms of the administrator's home page) and the needs not yet
 * delivered.
 */
@Component
class IsolationTiles implements WorkbenchTiles {

	private final Cases cases;

	private final Needs needs;

	private final Regions regions;

	private final Clock clock;

	IsolationTiles(Cases cases, Needs needs, Regions regions, Clock clock) {
		this.cases = cases;
		this.needs = needs;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		LocalDate today = BusinessDay.today(clock);
		for (RegionView root : regions.homeRoots(user.scope())) {
			long overdue = cases.overdueUpTo(root.path(), today, WorkbenchTile.COUNT_BOUND, user.scope());
			tiles.add(WorkbenchTile.dueUpTo(10, Messages.text("workbench.isolation.overdue"), root.name(), overdue,
					"/isolation/overdue?region=" + root.code()));
			long open = needs.open(root.path(), 0, 1, user.scope()).total();
			tiles.add(new WorkbenchTile(WorkbenchTile.TODAY, 30, Messages.text("workbench.isolation.needs"),
					root.name(), open, null, "/isolation?region=" + root.code(), false));
		}
		return tiles;
	}

}
