package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_CONTROL;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every record from the sources: adds the entries a source gives that are
 * missing (an event lost or not yet delivered), removes those no source gives any more,
 * recounts the figures, and reports the differences per source.
 */
@Service
public class RecordRebuild {

	private static final int BATCH = 1_000;

	private final DSLContext db;

	private final RecordWriter writer;

	private final List<RecordSource> sources;

	private final RecordWeeks weeks;

	RecordRebuild(DSLContext db, RecordWriter writer, List<RecordSource> sources, RecordWeeks weeks) {
		this.db = db;
		this.writer = writer;
		this.sources = sources;
		this.weeks = weeks;
	}

	/** What the rebuild found for one source. */
	public record Difference(long given, long added, long removed) {
	}

	@Transactional
	public Map<String, Difference> rebuild() {
		// held until the commit: drainers (on any instance) finish their batch and then
		// skip, instead of racing this transaction's uncommitted entries
		db.select(RECORD_CONTROL.ID).from(RECORD_CONTROL).where(RECORD_CONTROL.ID.eq(1)).forUpdate().fetch();
		Map<String, Difference> report = new LinkedHashMap<>();
		for (RecordSource source : sources) {
			// entries written after this point (a work log saved during the rebuild) are
			// not in what the source gives below, and must not count as stale
			long ceiling = db.select(DSL.max(RECORD_ENTRY.ID))
				.from(RECORD_ENTRY)
				.fetchOptional(0, Long.class)
				.orElse(0L);
			KeyHashes given = new KeyHashes();
			long[] added = { 0 };
			List<Entry> batch = new ArrayList<>(BATCH);
			source.forEach(entry -> {
				given.add(entry.kind().name(), entry.sourceId(), entry.personId());
				batch.add(entry);
				if (batch.size() == BATCH) {
					added[0] += writer.addEntries(batch);
					batch.clear();
				}
			});
			added[0] += writer.addEntries(batch);
			given.seal();
			List<Long> stale = new ArrayList<>();
			// streamed: the source's entries are not held in memory
			try (var entries = db
				.select(RECORD_ENTRY.ID, RECORD_ENTRY.KIND, RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.PERSON_ID)
				.from(RECORD_ENTRY)
				.where(RECORD_ENTRY.SOURCE_TYPE.eq(source.type()))
				.and(RECORD_ENTRY.ID.le(ceiling))
				.fetchSize(BATCH * 10)
				.fetchLazy()) {
				for (var r : entries) {
					if (!given.contains(r.value2(), r.value3(), r.value4())) {
						stale.add(r.value1());
					}
				}
			}
			for (int from = 0; from < stale.size(); from += 1000) {
				db.deleteFrom(RECORD_ENTRY)
					.where(RECORD_ENTRY.ID.in(stale.subList(from, Math.min(stale.size(), from + 1000))))
					.execute();
			}
			report.put(source.type(), new Difference(given.size(), added[0], stale.size()));
		}
		recount();
		return report;
	}

	/** The figures and the weeks at work from the entries themselves. */
	private void recount() {
		db.deleteFrom(RECORD_FIGURE).execute();
		db.insertInto(RECORD_FIGURE, RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)
			.select(db.select(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, DSL.count().cast(Long.class))
				.from(RECORD_ENTRY)
				.groupBy(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND))
			.execute();
		// both tables were rewritten in bulk: plans need their statistics now
		cn.huoxian.shared.bulk.Statistics.refresh(db, RECORD_ENTRY, RECORD_FIGURE);
		weeks.recount();
		cn.huoxian.shared.bulk.Statistics.refresh(db, cn.huoxian.db.Tables.RECORD_PERSON_WEEK,
				cn.huoxian.db.Tables.RECORD_WEEK_TALLY);
	}

}
