package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.time.LocalDate;

import cn.huoxian.shared.BusinessDay;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Adds entries exactly once: the unique source key makes a repeated or replayed event a
 * no-op, and the person's figure for the kind grows only when an entry was added.
 */
@Component
public class RecordWriter {

	private final DSLContext db;

	RecordWriter(DSLContext db) {
		this.db = db;
	}

	/** Adds the entry unless its source already gave it; true when it was added. */
	public boolean add(Entry entry) {
		LocalDate day = entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate();
		int added = db.insertInto(RECORD_ENTRY)
			.set(RECORD_ENTRY.PERSON_ID, entry.personId())
			.set(RECORD_ENTRY.KIND, entry.kind().name())
			.set(RECORD_ENTRY.OCCURRED_AT, entry.occurredAt())
			.set(RECORD_ENTRY.BUSINESS_DAY, day)
			.set(RECORD_ENTRY.SUMMARY, entry.summary())
			.set(RECORD_ENTRY.SOURCE_TYPE, entry.sourceType())
			.set(RECORD_ENTRY.SOURCE_ID, entry.sourceId())
			.set(RECORD_ENTRY.PATH, entry.path())
			.onConflictDoNothing()
			.execute();
		if (added > 0) {
			count(entry.personId(), entry.kind().name(), 1);
		}
		return added > 0;
	}

	void count(long personId, String figure, long delta) {
		db.insertInto(RECORD_FIGURE)
			.set(RECORD_FIGURE.PERSON_ID, personId)
			.set(RECORD_FIGURE.FIGURE, figure)
			.set(RECORD_FIGURE.FIGURE_VALUE, delta)
			.onConflict(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE)
			.doUpdate()
			.set(RECORD_FIGURE.FIGURE_VALUE, RECORD_FIGURE.FIGURE_VALUE.plus(delta))
			.execute();
	}

}
