package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_VISIT;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.EntryText;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Screening visits in the performance record (入户排查), for the grid worker who made them:
 * the record reads them through this bean (source id: the visit id).
 */
@Component
class VisitRecordSource extends TableSource {

	VisitRecordSource(DSLContext db, RecordInbox inbox) {
		super(db, inbox, "SCREENING_VISIT");
	}

	/** One event per visit batch: its visits are one inbox row. */
	@EventListener
	void on(VisitsRecorded event) {
		if (event.visitorPersonId() != null) {
			queue(event.visitIds());
		}
	}

	@Override
	protected Condition rows(List<String> keys) {
		return uuids(SCREENING_VISIT.VISIT_ID, keys);
	}

	@Override
	protected void entries(Condition which, Consumer<Entry> entries) {
		var address = cn.huoxian.org.Households.addressOf(SCREENING_VISIT.HOUSEHOLD_ID).as("address");
		each(db
			.select(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.VISITOR_PERSON_ID, SCREENING_VISIT.VISITED_AT,
					SCREENING_VISIT.OUTCOME, SCREENING_VISIT.PATH, address)
			.from(SCREENING_VISIT)
			.where(which.and(SCREENING_VISIT.VISITOR_PERSON_ID.isNotNull())), r -> {
				String variant = "NOBODY_HOME".equals(r.get(SCREENING_VISIT.OUTCOME)) ? "nobodyHome" : null;
				entries.accept(new Entry(r.get(SCREENING_VISIT.VISITOR_PERSON_ID), EntryKind.VISIT_MADE,
						r.get(SCREENING_VISIT.VISITED_AT),
						EntryText.variant(EntryKind.VISIT_MADE, variant, r.get(address)), type(),
						r.get(SCREENING_VISIT.VISIT_ID).toString(), RegionPath.of(r.get(SCREENING_VISIT.PATH))));
			});
	}

}
