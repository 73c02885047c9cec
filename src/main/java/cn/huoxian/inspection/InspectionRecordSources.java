package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.RECTIFICATION;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.EntryText;
import cn.huoxian.db.tables.records.InspectionRecord;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What inspections contribute to the performance record: inspections made, for the
 * inspector, and rectifications closed, for their owner; the record reads them through
 * these beans.
 */
final class InspectionRecordSources {

	private InspectionRecordSources() {
	}

	/** 下沉督导, from {@code inspection}, for the inspector. */
	@Component
	static class Inspections extends TableSource {

		private final Names names;

		Inspections(DSLContext db, RecordInbox inbox, Names names) {
			super(db, inbox, "INSPECTION");
			this.names = names;
		}

		@EventListener
		void on(Events.InspectionCompleted event) {
			queue(event.inspectionId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(INSPECTION.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			try (Cursor<InspectionRecord> rows = db.selectFrom(INSPECTION)
				.where(which)
				.fetchSize(Names.CHUNK)
				.fetchLazy()) {
				names.inChunksUnchecked(rows, r -> null, InspectionRecord::getTargetRegionId,
						InspectionRecord::getTargetUnitId, (r, named) -> {
							String target = named.targetName(r.getTargetRegionId(), r.getTargetUnitId());
							entries.accept(new Entry(r.getInspectorId(), EntryKind.INSPECTION_MADE,
									startOf(r.getInspectedOn()), EntryText.of(EntryKind.INSPECTION_MADE, target),
									type(), String.valueOf(r.getId()), RegionPath.of(r.getPath())));
						});
			}
		}

	}

	/** 整改销号, from closed {@code rectification}s, for their owner. */
	@Component
	static class Rectifications extends TableSource {

		Rectifications(DSLContext db, RecordInbox inbox) {
			super(db, inbox, "RECTIFICATION");
		}

		@EventListener
		void on(Events.RectificationClosed event) {
			queue(event.rectificationId());
		}

		@Override
		protected Condition rows(List<String> keys) {
			return ids(RECTIFICATION.ID, keys);
		}

		@Override
		protected void entries(Condition which, Consumer<Entry> entries) {
			each(db.selectFrom(RECTIFICATION).where(which.and(RECTIFICATION.STATUS.eq("CLOSED"))), r -> {
				entries.accept(new Entry(r.getOwnerId(), EntryKind.RECTIFICATION_CLOSED, startOf(r.getClosedOn()),
						EntryText.variant(EntryKind.RECTIFICATION_CLOSED,
								r.getClosedOn().isAfter(r.getDeadline()) ? "late" : null, r.getItem()),
						type(), String.valueOf(r.getId()), RegionPath.of(r.getPath())));
			});
		}

	}

}
