package cn.huoxian.record;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Component;

/**
 * The record on the home page: open assessment rounds for those who assess, and for an
 * administrator the record's queue (work waiting to enter the record) with its failed
 * rows.
 */
@Component
class RecordTiles implements WorkbenchTiles {

	private final Assessments assessments;

	private final RecordInbox inbox;

	RecordTiles(Assessments assessments, RecordInbox inbox) {
		this.assessments = assessments;
		this.inbox = inbox;
	}

	@Override
	public List<WorkbenchTile> tiles(CurrentUser user) {
		List<WorkbenchTile> tiles = new ArrayList<>();
		if (user.mayAssess()) {
			long open = assessments.list(null, user).stream().filter(RoundView::open).count();
			tiles.add(new WorkbenchTile(WorkbenchTile.OVERSIGHT, 10, Messages.text("workbench.record.rounds"), null,
					open, null, "/assessment", false));
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
