package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.huoxian.shared.BusinessDay;
import org.jooq.DSLContext;
import org.jooq.Query;
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
		int added = insert(entry).execute();
		if (added > 0) {
			count(entry.personId(), entry.kind().name(), 1);
		}
		return added > 0;
	}

	/**
	 * Adds many entries in one batch (a thousand visits of a batch), each exactly once,
	 * and counts what was added per person and kind; the number added.
	 */
	public int addAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		List<Query> inserts = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			inserts.add(insert(entry));
		}
		int[] added = db.batch(inserts).execute();
		Map<Long, Map<String, Long>> counts = new TreeMap<>();
		int total = 0;
		for (int i = 0; i < added.length; i++) {
			if (added[i] > 0) {
				total++;
				counts.computeIfAbsent(entries.get(i).personId(), k -> new TreeMap<>())
					.merge(entries.get(i).kind().name(), 1L, Long::sum);
			}
		}
		counts.forEach((person, kinds) -> kinds.forEach((kind, n) -> count(person, kind, n)));
		return total;
	}

	private Query insert(Entry entry) {
		return db.insertInto(RECORD_ENTRY)
			.set(RECORD_ENTRY.PERSON_ID, entry.personId())
			.set(RECORD_ENTRY.KIND, entry.kind().name())
			.set(RECORD_ENTRY.OCCURRED_AT, entry.occurredAt())
			.set(RECORD_ENTRY.BUSINESS_DAY, entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate())
			.set(RECORD_ENTRY.SUMMARY, entry.summary())
			.set(RECORD_ENTRY.SOURCE_TYPE, entry.sourceType())
			.set(RECORD_ENTRY.SOURCE_ID, entry.sourceId())
			.set(RECORD_ENTRY.PATH, entry.path())
			.onConflictDoNothing();
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
