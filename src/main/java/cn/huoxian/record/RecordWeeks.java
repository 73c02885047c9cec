package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_PERSON_WEEK;
import static cn.huoxian.db.Tables.RECORD_WEEK_TALLY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.huoxian.people.PeopleReads;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Which weeks each person has record entries in, and per region and week how many cadres
 * have (ADR 39): the organisation department's home subtracts that from the region's
 * cadres to show those without any entry this week, without reading the entries. A
 * person's week is written with its first entry, in the entry's transaction; only then is
 * the tally of every region above a cadre's path counted up. Weeks are ISO weeks of the
 * Asia/Shanghai business day, named by their Monday.
 */
@Component
class RecordWeeks {

	private static final int BATCH = 1_000;

	private final DSLContext db;

	private final PeopleReads people;

	RecordWeeks(DSLContext db, PeopleReads people) {
		this.db = db;
		this.people = people;
	}

	/** The Monday of a day's week. */
	static LocalDate weekOf(LocalDate day) {
		return day.with(DayOfWeek.MONDAY);
	}

	/** A person at work in a week. */
	record PersonWeek(long personId, LocalDate week) implements Comparable<PersonWeek> {

		@Override
		public int compareTo(PersonWeek other) {
			int byPerson = Long.compare(personId, other.personId);
			return byPerson != 0 ? byPerson : week.compareTo(other.week);
		}

	}

	/**
	 * Notes the weeks of these entries (already added or not: a week known is left as it
	 * is) and counts each cadre whose week is new in the tallies above them.
	 */
	void entered(Collection<Entry> entries) {
		TreeSet<PersonWeek> weeks = new TreeSet<>();
		for (Entry entry : entries) {
			weeks.add(new PersonWeek(entry.personId(),
					weekOf(entry.occurredAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate())));
		}
		if (!weeks.isEmpty()) {
			countCadres(insertNew(List.copyOf(weeks)));
		}
	}

	/** How many cadres at and below this path have an entry in the week of this day. */
	long cadresAtWork(RegionPath path, LocalDate day) {
		return db.select(RECORD_WEEK_TALLY.CADRES)
			.from(RECORD_WEEK_TALLY)
			.where(RECORD_WEEK_TALLY.PATH.eq(path.value()).and(RECORD_WEEK_TALLY.WEEK_START.eq(weekOf(day))))
			.fetchOptional(RECORD_WEEK_TALLY.CADRES)
			.orElse(0L);
	}

	/**
	 * The person weeks and tallies counted again from the entries (a record rebuild):
	 * both tables rewritten in the caller's transaction.
	 */
	void recount() {
		db.deleteFrom(RECORD_WEEK_TALLY).execute();
		db.deleteFrom(RECORD_PERSON_WEEK).execute();
		TreeSet<PersonWeek> weeks = new TreeSet<>();
		db.selectDistinct(cn.huoxian.db.Tables.RECORD_ENTRY.PERSON_ID, cn.huoxian.db.Tables.RECORD_ENTRY.BUSINESS_DAY)
			.from(cn.huoxian.db.Tables.RECORD_ENTRY)
			.fetchSize(BATCH * 10)
			.fetchLazy()
			.forEach(r -> weeks.add(new PersonWeek(r.value1(), weekOf(r.value2()))));
		List<PersonWeek> all = List.copyOf(weeks);
		for (int from = 0; from < all.size(); from += BATCH) {
			countCadres(insertNew(all.subList(from, Math.min(all.size(), from + BATCH))));
		}
	}

	/** Inserts the weeks not yet known; answers those it inserted. */
	private List<PersonWeek> insertNew(List<PersonWeek> weeks) {
		List<PersonWeek> added = new ArrayList<>();
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			// one statement; a week another transaction adds at the same time is counted
			// by
			// that one (the insert waits for it and then skips the row)
			db.insertInto(RECORD_PERSON_WEEK, List.of(RECORD_PERSON_WEEK.PERSON_ID, RECORD_PERSON_WEEK.WEEK_START))
				.select(SqlArrays.rows(SqlArrays.longs(weeks.stream().map(PersonWeek::personId).toList()),
						SqlArrays.dates(weeks.stream().map(PersonWeek::week).toList())))
				.onConflictDoNothing()
				.returningResult(RECORD_PERSON_WEEK.PERSON_ID, RECORD_PERSON_WEEK.WEEK_START)
				.fetch()
				.forEach(r -> added.add(new PersonWeek(r.value1(), r.value2())));
			return added;
		}
		var batch = db
			.batch(db.insertInto(RECORD_PERSON_WEEK, RECORD_PERSON_WEEK.PERSON_ID, RECORD_PERSON_WEEK.WEEK_START)
				.values((Long) null, null)
				.onConflictDoNothing());
		weeks.forEach(w -> batch.bind(w.personId(), w.week()));
		int[] counts = batch.execute();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				added.add(weeks.get(i));
			}
		}
		return added;
	}

	/** Counts the cadres among these new weeks in the tally of every path above them. */
	private void countCadres(List<PersonWeek> added) {
		if (added.isEmpty()) {
			return;
		}
		Map<Long, RegionPath> cadres = people.cadrePaths(added.stream().map(PersonWeek::personId).distinct().toList());
		// (path, week) in order: concurrent writers lock tally rows in the same order
		TreeMap<String, Long> deltas = new TreeMap<>();
		for (PersonWeek week : added) {
			RegionPath path = cadres.get(week.personId());
			if (path != null) {
				path.withAncestors().forEach(p -> deltas.merge(p.value() + " " + week.week(), 1L, Long::sum));
			}
		}
		if (deltas.isEmpty()) {
			return;
		}
		var batch = db.batch(db
			.insertInto(RECORD_WEEK_TALLY, RECORD_WEEK_TALLY.PATH, RECORD_WEEK_TALLY.WEEK_START,
					RECORD_WEEK_TALLY.CADRES)
			.values((String) null, null, null)
			.onConflict(RECORD_WEEK_TALLY.PATH, RECORD_WEEK_TALLY.WEEK_START)
			.doUpdate()
			.set(RECORD_WEEK_TALLY.CADRES, RECORD_WEEK_TALLY.CADRES.plus(DSL.excluded(RECORD_WEEK_TALLY.CADRES))));
		deltas.forEach((key, n) -> {
			int space = key.indexOf(' ');
			batch.bind(key.substring(0, space), LocalDate.parse(key.substring(space + 1)), n);
		});
		batch.execute();
	}

}
