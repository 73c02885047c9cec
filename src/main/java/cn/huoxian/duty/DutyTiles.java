package cn.huoxian.duty;

import java.time.Clock;
import java.time.OffsetDateTime;
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
 * On the home page: my next shift (anyone on a roster; a log still to write wants
 * attention), and the shifts short of staff this week under each region a manager keeps.
 */
@Component
class DutyTiles implements WorkbenchTiles {

	private final Rosters rosters;

	private final Regions regions;

	private final Clock clock;

	DutyTiles(Rosters rosters, Regions regions, Clock clock) {
		this.rosters = rosters;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		List<Rosters.ShiftView> mine = rosters.mine(user);
		if (!mine.isEmpty()) {
			OffsetDateTime now = OffsetDateTime.now(clock);
			long logsDue = mine.stream().filter(s -> s.endsAt().isBefore(now)).count();
			Rosters.ShiftView next = mine.stream().filter(s -> s.endsAt().isAfter(now)).findFirst().orElse(mine.get(0));
			tiles.add(new WorkbenchTile(WorkbenchTile.TODAY, 5, Messages.text("workbench.duty.next"),
					next.checkpointName() + " " + next.day() + " " + next.slot(), mine.size() - logsDue, null, "/duty",
					logsDue > 0));
		}
		if (user.mayReportDaily()) {
			for (RegionView root : regions.homeRoots(user.scope())) {
				long gaps = rosters.gaps(root.code(), BusinessDay.today(clock), 0, 1, user).total();
				tiles.add(WorkbenchTile.due(48, Messages.text("workbench.duty.gaps"), root.name(), gaps,
						"/duty/gaps?region=" + root.code()));
			}
		}
		return tiles;
	}

}
