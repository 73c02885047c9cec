package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Adds entries exactly once: the unique source key makes a repeated or replayed event a
 * no-op, and the person's figure for the kind grows only when an entry was added.
 */
@Component
public class RecordWriter {

	/** Rows per INSERT of {@link #addEntries}. */
	private static final int ROWS = 500;

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

	private final DSLContext db;

	private final RecordWeeks weeks;

	RecordWriter(DSLContext db, RecordWeeks weeks) {
		this.db = db;
		this.weeks = weeks;
	}

	/** Adds the entry unless its source already gave it; true when it was added. */
	public boolean add(Entry entry) {
		return addAll(List.of(entry)) == 1;
	}

	/**
	 * Adds many entries in one batch (a thousand visits of a batch), each exactly once,
	 * and counts what was added per person and kind; the number added. On PostgreSQL the
	 * entries are one {@code insert … select * from unnest(…) on conflict do nothing
	 * returning} (one statement, not one execution per entry) and the figures one upsert
	 * from arrays; elsewhere one prepared batch, whose counts say which rows were new.
	 */
	public int addAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		Map<Long, Map<String, Long>> counts = new TreeMap<>();
		int total = 0;
		if (db.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
			for (var added : entryRows(entries)
				.onConflict(RECORD_ENTRY.SOURCE_TYPE, RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.KIND, RECORD_ENTRY.PERSON_ID)
				.doNothing()
				.returningResult(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND)
				.fetch()) {
				total++;
				counts.computeIfAbsent(added.value1(), k -> new TreeMap<>()).merge(added.value2(), 1L, Long::sum);
			}
		}
		else {
			// one prepared statement with many binds: the server parses it once
			int[] added = entryBatch(entries).execute();
			if (Arrays.stream(added).anyMatch(n -> n == java.sql.Statement.SUCCESS_NO_INFO)) {
				// the driver cannot tell which rows were new: count the figures from the
				// entries instead
				recount(entries);
				return added.length;
			}
			for (int i = 0; i < added.length; i++) {
				if (added[i] > 0) {
					total++;
					counts.computeIfAbsent(entries.get(i).personId(), k -> new TreeMap<>())
						.merge(entries.get(i).kind().name(), 1L, Long::sum);
				}
			}
		}
		addToFigures(counts);
		weeks.entered(entries);
		return total;
	}

	/**
	 * Adds the counts to the persons' figures: one upsert from arrays, the persons in
	 * order (concurrent writers lock figure rows in the same order).
	 */
	private void addToFigures(Map<Long, Map<String, Long>> counts) {
		if (counts.isEmpty()) {
			return;
		}
		if (db.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
			List<Long> persons = new java.util.ArrayList<>();
			List<String> figures = new java.util.ArrayList<>();
			List<Long> values = new java.util.ArrayList<>();
			counts.forEach((person, kinds) -> kinds.forEach((kind, n) -> {
				persons.add(person);
				figures.add(kind);
				values.add(n);
			}));
			db.insertInto(RECORD_FIGURE,
					List.of(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE))
				.select(SqlArrays.rows(SqlArrays.longs(persons), SqlArrays.texts(figures), SqlArrays.longs(values)))
				.onConflict(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE)
				.doUpdate()
				.set(RECORD_FIGURE.FIGURE_VALUE,
						RECORD_FIGURE.FIGURE_VALUE.plus(DSL.excluded(RECORD_FIGURE.FIGURE_VALUE)))
				.execute();
			return;
		}
		// H2 (jOOQ turns an upsert from a select into a MERGE it cannot build there): one
		// prepared batch
		BatchBindStep batch = db.batch(db.insertInto(RECORD_FIGURE)
			.set(RECORD_FIGURE.PERSON_ID, (Long) null)
			.set(RECORD_FIGURE.FIGURE, (String) null)
			.set(RECORD_FIGURE.FIGURE_VALUE, (Long) null)
			.onConflict(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE)
			.doUpdate()
			.set(RECORD_FIGURE.FIGURE_VALUE,
					RECORD_FIGURE.FIGURE_VALUE.plus(DSL.excluded(RECORD_FIGURE.FIGURE_VALUE))));
		for (var person : counts.entrySet()) {
			for (var kind : person.getValue().entrySet()) {
				batch = batch.bind(person.getKey(), kind.getKey(), kind.getValue());
			}
		}
		batch.execute();
	}

	/** The entries as one insert from arrays ({@code unnest}), one statement for all. */
	private org.jooq.InsertOnDuplicateStep<cn.huoxian.db.tables.records.RecordEntryRecord> entryRows(
			List<Entry> entries) {
		int n = entries.size();
		List<Long> persons = new java.util.ArrayList<>(n);
		List<String> kinds = new java.util.ArrayList<>(n);
		List<java.time.OffsetDateTime> occurred = new java.util.ArrayList<>(n);
		List<java.time.LocalDate> days = new java.util.ArrayList<>(n);
		List<String> summaries = new java.util.ArrayList<>(n);
		List<String> types = new java.util.ArrayList<>(n);
		List<String> ids = new java.util.ArrayList<>(n);
		List<String> paths = new java.util.ArrayList<>(n);
		for (Entry entry : entries) {
			persons.add(entry.personId());
			kinds.add(entry.kind().name());
			occurred.add(entry.occurredAt());
			days.add(entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate());
			summaries.add(entry.text().encoded());
			types.add(entry.sourceType());
			ids.add(entry.sourceId());
			paths.add(entry.path() == null ? null : entry.path().value());
		}
		return db.insertInto(RECORD_ENTRY,
				List.of(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, RECORD_ENTRY.OCCURRED_AT, RECORD_ENTRY.BUSINESS_DAY,
						RECORD_ENTRY.SUMMARY, RECORD_ENTRY.SOURCE_TYPE, RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.PATH))
			.select(SqlArrays.rows(SqlArrays.longs(persons), SqlArrays.texts(kinds), SqlArrays.instants(occurred),
					SqlArrays.dates(days), SqlArrays.texts(summaries), SqlArrays.texts(types), SqlArrays.texts(ids),
					SqlArrays.texts(paths)));
	}

	/**
	 * Adds the entries its source has not given yet and leaves the figures alone, for the
	 * rebuild (which recounts every figure at its end): on PostgreSQL as multi-row
	 * INSERTs of {@value #ROWS} rows, one statement where {@link #addAll} runs two per
	 * entry (a fresh city's record in a fraction of the time). The number added.
	 */
	int addEntries(List<Entry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		if (db.dialect().family() != org.jooq.SQLDialect.POSTGRES) {
			int[] added = entryBatch(entries).execute();
			// a driver that cannot tell which rows were new: count them all, as addAll
			// does
			return Arrays.stream(added).anyMatch(n -> n == java.sql.Statement.SUCCESS_NO_INFO) ? added.length
					: Arrays.stream(added).map(n -> Math.max(0, n)).sum();
		}
		int added = 0;
		for (int from = 0; from < entries.size(); from += ROWS) {
			List<Entry> part = entries.subList(from, Math.min(entries.size(), from + ROWS));
			String sql = "insert into record_entry (person_id, kind, occurred_at, business_day, summary, source_type, "
					+ "source_id, path) values " + String.join(", ", Collections.nCopies(part.size(), ROW))
					+ " on conflict (source_type, source_id, kind, person_id) do nothing";
			added += db.connectionResult(connection -> {
				try (PreparedStatement insert = connection.prepareStatement(sql)) {
					int i = 1;
					for (Entry entry : part) {
						insert.setLong(i++, entry.personId());
						insert.setString(i++, entry.kind().name());
						insert.setObject(i++, entry.occurredAt());
						insert.setObject(i++, entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate());
						insert.setString(i++, entry.text().encoded());
						insert.setString(i++, entry.sourceType());
						insert.setString(i++, entry.sourceId());
						insert.setString(i++, entry.path() == null ? null : entry.path().value());
					}
					return insert.executeUpdate();
				}
			});
		}
		return added;
	}

	/** The entries as one prepared batch that skips those present. */
	private BatchBindStep entryBatch(List<Entry> entries) {
		BatchBindStep batch = db.batch(db
			.insertInto(RECORD_ENTRY, RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, RECORD_ENTRY.OCCURRED_AT,
					RECORD_ENTRY.BUSINESS_DAY, RECORD_ENTRY.SUMMARY, RECORD_ENTRY.SOURCE_TYPE, RECORD_ENTRY.SOURCE_ID,
					RECORD_ENTRY.PATH)
			.values((Long) null, null, null, null, null, null, null, null)
			.onConflict(RECORD_ENTRY.SOURCE_TYPE, RECORD_ENTRY.SOURCE_ID, RECORD_ENTRY.KIND, RECORD_ENTRY.PERSON_ID)
			.doNothing());
		for (Entry entry : entries) {
			batch = batch.bind(entry.personId(), entry.kind().name(), entry.occurredAt(),
					entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate(), entry.text().encoded(),
					entry.sourceType(), entry.sourceId(), entry.path() == null ? null : entry.path().value());
		}
		return batch;
	}

	/**
	 * Sets the figures of the entries' persons and kinds to the count of their entries
	 * (exact whatever was added before).
	 */
	void recount(List<Entry> entries) {
		Long[] persons = entries.stream().map(Entry::personId).distinct().sorted().toArray(Long[]::new);
		String[] kinds = entries.stream().map(e -> e.kind().name()).distinct().sorted().toArray(String[]::new);
		// a pair without entries any more counts 0, then the pairs with entries their
		// count
		db.update(RECORD_FIGURE)
			.set(RECORD_FIGURE.FIGURE_VALUE, 0L)
			.where(SqlArrays.anyOf(RECORD_FIGURE.PERSON_ID, List.of(persons))
				.and(SqlArrays.anyOfTexts(RECORD_FIGURE.FIGURE, List.of(kinds))))
			.execute();
		db.insertInto(RECORD_FIGURE, RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)
			.select(db.select(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, DSL.count().cast(Long.class))
				.from(RECORD_ENTRY)
				.where(SqlArrays.anyOf(RECORD_ENTRY.PERSON_ID, List.of(persons))
					.and(SqlArrays.anyOfTexts(RECORD_ENTRY.KIND, List.of(kinds))))
				.groupBy(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND)
				.orderBy(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND))
			.onConflict(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE)
			.doUpdate()
			.set(RECORD_FIGURE.FIGURE_VALUE, DSL.excluded(RECORD_FIGURE.FIGURE_VALUE))
			.execute();
	}

	/**
	 * Takes the entries of these sources out of the record and their counts out of the
	 * figures, in the caller's transaction: for benchmarks publishing the sources' events
	 * again (the weeks their persons were at work stay counted: the events put the
	 * entries back).
	 */
	public void takeOut(String sourceType, java.util.Collection<String> sourceIds) {
		db.select(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, DSL.count())
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.SOURCE_TYPE.eq(sourceType).and(RECORD_ENTRY.SOURCE_ID.in(sourceIds)))
			.groupBy(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND)
			.forEach(r -> db.update(RECORD_FIGURE)
				.set(RECORD_FIGURE.FIGURE_VALUE, RECORD_FIGURE.FIGURE_VALUE.minus(r.value3()))
				.where(RECORD_FIGURE.PERSON_ID.eq(r.value1()).and(RECORD_FIGURE.FIGURE.eq(r.value2())))
				.execute());
		db.deleteFrom(RECORD_ENTRY)
			.where(RECORD_ENTRY.SOURCE_TYPE.eq(sourceType).and(RECORD_ENTRY.SOURCE_ID.in(sourceIds)))
			.execute();
	}

	/** How many of these sources have their entry in the record. */
	public int present(String sourceType, java.util.Collection<String> sourceIds) {
		// one probe of (source_type, source_id) per id, as a scalar subquery the planner
		// cannot turn into a join: as "source_id in (…1,000 ids)" a never-analysed table
		// was read by source_type alone, every entry of the type (2 s per call in bench)
		var ids = DSL.unnest(sourceIds.toArray(String[]::new)).as("probe", "source_id");
		var entry = DSL.field(DSL.selectOne()
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.SOURCE_TYPE.eq(sourceType))
			.and(RECORD_ENTRY.SOURCE_ID.eq(ids.field("source_id", String.class)))
			.limit(1));
		return db.fetchCount(DSL.selectOne().from(ids).where(entry.isNotNull()));
	}

}
