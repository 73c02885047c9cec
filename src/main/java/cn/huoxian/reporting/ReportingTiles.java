package cn.huoxian.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * Today's daily reports on the home page of those who report: for a community, whether
 * its report is in (due until it is); above it, how many of the villages and communities
 * below have reported, as progress towards all of them.
 */
@Component
class ReportingTiles implements WorkbenchTiles {

	private final DailyRollups rollups;

	private final Regions regions;

	private final Clock clock;

	ReportingTiles(DailyRollups rollups, Regions regions, Clock clock) {
		this.rollups = rollups;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (!user.mayReportDaily()) {
			return tiles;
		}
		LocalDate today = BusinessDay.today(clock);
		for (RegionView root : regions.homeRoots(user.scope())) {
			DailyRollups.RollupLine line = rollups.line(root, today);
			String href = "/reports/daily?region=" + root.code();
			if (root.level() == RegionLevel.VILLAGE) {
				tiles.add(WorkbenchTile.due(5, Messages.text("workbench.reports.own"), root.name(), line.missing(),
						href));
			}
			else if (root.level() != RegionLevel.GRID) {
				tiles.add(new WorkbenchTile(WorkbenchTile.PROGRESS, 20, Messages.text("workbench.reports.rollup"),
						root.name(), line.submitted(), line.expected(), href, false));
			}
		}
		return tiles;
	}

}
