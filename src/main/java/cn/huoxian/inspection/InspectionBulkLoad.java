package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.INSPECTION_LOOK;
import static cn.huoxian.db.Tables.RECTIFICATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.bulk.BulkInsert;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Inspections of regions written in bulk with their looks and rectifications (the demo
 * network), in the caller's transaction and without checks or events: the caller rebuilds
 * the record afterwards. Each inspection gets its id here, in the order given, for a
 * database nobody else writes to at the time.
 */
@Service
public class InspectionBulkLoad {

	private final DSLContext db;

	InspectionBulkLoad(DSLContext db) {
		this.db = db;
	}

	/**
	 * An inspection of a region by an inspector of a level (COUNTY, TOWNSHIP…), for a
	 * liaison group or not.
	 */
	public record NewInspection(long inspectorId, String inspectorLevel, long targetRegionId, String path,
			Long liaisonGroupId, LocalDate inspectedOn, String summary, String recordedBy, List<NewLook> looks,
			List<NewRectification> rectifications) {
	}

	public record NewLook(Look look, int rating, String findings) {
	}

	/**
	 * A rectification, open or closed (then with its evidence, day and who closed it).
	 */
	public record NewRectification(Look look, String path, String item, long ownerId, LocalDate deadline,
			boolean closed, String evidence, LocalDate closedOn, String closedBy) {
	}

	/** Writes the inspections in the given order; their new ids in that order. */
	public BulkInsert.Loaded load(List<NewInspection> inspections) {
		long first = BulkInsert.nextId(db, INSPECTION, INSPECTION.ID);
		List<Long> ids = new ArrayList<>();
		try (BulkInsert inspection = new BulkInsert(db, INSPECTION, INSPECTION.ID, INSPECTION.INSPECTOR_ID,
				INSPECTION.INSPECTOR_LEVEL, INSPECTION.TARGET_REGION_ID, INSPECTION.PATH, INSPECTION.LIAISON_GROUP_ID,
				INSPECTION.INSPECTED_ON, INSPECTION.SUMMARY, INSPECTION.RECORDED_BY);
				BulkInsert look = new BulkInsert(db, INSPECTION_LOOK, INSPECTION_LOOK.INSPECTION_ID,
						INSPECTION_LOOK.LOOK, INSPECTION_LOOK.RATING, INSPECTION_LOOK.FINDINGS);
				BulkInsert rectification = new BulkInsert(db, RECTIFICATION, RECTIFICATION.INSPECTION_ID,
						RECTIFICATION.LOOK, RECTIFICATION.PATH, RECTIFICATION.ITEM, RECTIFICATION.OWNER_ID,
						RECTIFICATION.DEADLINE, RECTIFICATION.STATUS, RECTIFICATION.EVIDENCE, RECTIFICATION.CLOSED_ON,
						RECTIFICATION.CLOSED_BY)) {
			for (NewInspection i : inspections) {
				long id = first + ids.size();
				ids.add(id);
				inspection.add(id, i.inspectorId(), i.inspectorLevel(), i.targetRegionId(), i.path(),
						i.liaisonGroupId(), i.inspectedOn(), i.summary(), i.recordedBy());
			}
			inspection.flush();
			for (int n = 0; n < inspections.size(); n++) {
				for (NewLook l : inspections.get(n).looks()) {
					look.add(ids.get(n), l.look().name(), l.rating(), l.findings());
				}
				for (NewRectification r : inspections.get(n).rectifications()) {
					rectification.add(ids.get(n), r.look().name(), r.path(), r.item(), r.ownerId(), r.deadline(),
							r.closed() ? Rectifications.CLOSED : Rectifications.OPEN, r.evidence(), r.closedOn(),
							r.closedBy());
				}
			}
			look.flush();
			rectification.flush();
			BulkInsert.restartIdentity(db, INSPECTION, INSPECTION.ID, first + ids.size());
			return new BulkInsert.Loaded(ids, BulkInsert.written(inspection, rectification, look));
		}
	}

}
