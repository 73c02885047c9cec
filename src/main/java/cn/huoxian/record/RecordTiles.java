package cn.huoxian.record;

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
 * The record on the home page: open assessment rounds and, under each of the user's
 * regions, the cadres without any record entry this week for those who assess; for an
 * administrator the record's queue (work waiting to enter the record) with its failed
 * rows.
 */
@Component
class RecordTiles implements WorkbenchTiles {

	private final Assessments assessments;

	private final RecordInbox inbox;

	private final QuietCadres quietCadres;

	private final Regions regions;

	private final Clock clock;

	RecordTiles(Assessments assessments, RecordInbox inbox, QuietCadres quietCadres, Regions regions, Clock clock) {
		this.assessments = assessments;
		this.inbox = inbox;
		this.quietCadres = quietCadres;
		this.regions = regions;
		this.clock = clock;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (user.mayAssess()) {
			long open = assessments.list(null, user).stream().filter(RoundView::open).count();
			tiles.add(new WorkbenchTile(WorkbenchTile.OVERSIGHT, 10, Messages.text("workbench.record.rounds"), null,
					open, null, "/assessment", false));
			LocalDate today = BusinessDay.today(clock);
			for (RegionView root : regions.homeRoots(user.scope())) {
				tiles.add(new WorkbenchTile(WorkbenchTile.OVERSIGHT, 15, Messages.text("workbench.record.quiet"),
						Messages.text("workbench.record.quiet.of", root.name(),
								java.text.NumberFormat.getIntegerInstance(Messages.locale())
									.format(root.counts().cadres())),
						quietCadres.count(root, today), null, "/record/quiet?region=" + root.code(), false));
			}
		}
		if (user.isAdministrator()) {
			RecordInbox.Status status = inbox.status();
			tiles.add(new WorkbenchTile(WorkbenchTile.OVERSIGHT, 20, Messages.text("workbench.record.queue"),
					Messages.text("workbench.record.failed", status.failed()), status.rows(), null,
					"/record/maintenance", status.failed() > 0));
		}
		return tiles;
	}

}
