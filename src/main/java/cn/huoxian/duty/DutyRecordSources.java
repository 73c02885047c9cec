package cn.huoxian.duty;

import static cn.huoxian.db.Tables.CHECKPOINT;
import static cn.huoxian.db.Tables.DUTY_ASSIGNMENT;
import static cn.huoxian.db.Tables.DUTY_SHIFT;

import java.util.List;
import java.util.function.Consumer;

import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.EntryText;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.TableSource;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What duty contributes to the performance record: 卡口值勤, a completed shift for each
 * person on it, with the checkpoint and the shift's time.
 */
@Component
class DutyRecordSources extends TableSource {

	DutyRecordSources(DSLContext db, RecordInbox inbox) {
		super(db, inbox, "DUTY_SHIFT");
	}

	@EventListener
	void on(ShiftCompleted event) {
		queue(event.shiftId());
	}

	@Override
	protected Condition rows(List<String> keys) {
		return ids(DUTY_SHIFT.ID, keys);
	}

	@Override
	protected void entries(Condition which, Consumer<Entry> entries) {
		each(db
			.select(DUTY_SHIFT.ID, DUTY_SHIFT.STARTS_AT, DUTY_SHIFT.ENDS_AT, DUTY_SHIFT.COMPLETED_AT, DUTY_SHIFT.PATH,
					CHECKPOINT.NAME, DUTY_ASSIGNMENT.PERSON_ID)
			.from(DUTY_SHIFT)
			.join(CHECKPOINT)
			.on(CHECKPOINT.ID.eq(DUTY_SHIFT.CHECKPOINT_ID))
			.join(DUTY_ASSIGNMENT)
			.on(DUTY_ASSIGNMENT.SHIFT_ID.eq(DUTY_SHIFT.ID))
			.where(which.and(DUTY_SHIFT.COMPLETED_AT.isNotNull())), r -> {
				entries.accept(new Entry(r.get(DUTY_ASSIGNMENT.PERSON_ID), EntryKind.SHIFT_COMPLETED,
						r.get(DUTY_SHIFT.COMPLETED_AT),
						EntryText.of(EntryKind.SHIFT_COMPLETED, r.get(CHECKPOINT.NAME),
								Rosters.when(r.get(DUTY_SHIFT.STARTS_AT), r.get(DUTY_SHIFT.ENDS_AT))),
						type(), String.valueOf(r.get(DUTY_SHIFT.ID)), RegionPath.of(r.get(DUTY_SHIFT.PATH))));
			});
	}

}
