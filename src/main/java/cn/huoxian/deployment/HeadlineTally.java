package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.FRONT_LINE_TALLY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.huoxian.people.CadreRank;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Maintained headline counters: leading cadres deployed (per rank) and commando-team
 * members, for every region at once. A record that counts from one day to another adds +1
 * on its first day and -1 on the day after its last, at its region and every region
 * above, in the writing transaction; a figure on a day is the sum of its changes up to
 * that day — a handful of rows for the whole city however many records there are.
 */
@Component
public class HeadlineTally {

	/** The figure of leading cadres of one rank currently deployed. */
	static String deployed(CadreRank rank) {
		return "DEPLOYED_" + rank.name();
	}

	public static final String COMMANDO = "COMMANDO_MEMBERS";

	private final DSLContext db;

	private final TeamPosts teams;

	HeadlineTally(DSLContext db, TeamPosts teams) {
		this.db = db;
		this.teams = teams;
	}

	/**
	 * Counts a record from {@code from} to {@code to} (inclusive; null: open-ended) under
	 * this path, or with sign -1 takes such a count back.
	 */
	void span(String figure, RegionPath path, LocalDate from, LocalDate to, int sign) {
		for (String region : ancestors(path)) {
			add(region, figure, from, sign);
			if (to != null) {
				add(region, figure, to.plusDays(1), -sign);
			}
		}
	}

	/** A leading cadre's deployment counted (sign +1) or taken back (-1). */
	void deployment(CadreRank rank, RegionPath path, LocalDate start, LocalDate end, int sign) {
		if (rank != null && rank.isLeading()) {
			span(deployed(rank), path, start, end, sign);
		}
	}

	/**
	 * A commando-team membership counted (+1) or taken back (-1): a member counts from
	 * the day they joined up to the day before they left.
	 */
	public void membership(RegionPath path, LocalDate joinedOn, LocalDate leftOn, int sign) {
		span(COMMANDO, path, joinedOn, leftOn == null ? null : leftOn.minusDays(1), sign);
	}

	/** The figure under the region at this path on the day. */
	public long value(String figure, RegionPath regionPath, LocalDate day) {
		Long value = db.select(DSL.sum(FRONT_LINE_TALLY.DELTA))
			.from(FRONT_LINE_TALLY)
			.where(FRONT_LINE_TALLY.PATH.eq(regionPath.value()))
			.and(FRONT_LINE_TALLY.FIGURE.eq(figure))
			.and(FRONT_LINE_TALLY.TALLY_DAY.le(day))
			.fetchOne(0, Long.class);
		return value == null ? 0 : value;
	}

	/** Leading cadres deployed under the region on the day, per rank (highest first). */
	public Map<String, Long> deployedLeadingCadres(RegionPath regionPath, LocalDate day) {
		Map<String, Long> byRank = new java.util.LinkedHashMap<>();
		for (CadreRank rank : CadreRank.values()) {
			if (rank.isLeading()) {
				byRank.put(rank.name(), 0L);
			}
		}
		db.select(FRONT_LINE_TALLY.FIGURE, DSL.sum(FRONT_LINE_TALLY.DELTA))
			.from(FRONT_LINE_TALLY)
			.where(FRONT_LINE_TALLY.PATH.eq(regionPath.value()))
			.and(FRONT_LINE_TALLY.FIGURE.startsWith("DEPLOYED_"))
			.and(FRONT_LINE_TALLY.TALLY_DAY.le(day))
			.groupBy(FRONT_LINE_TALLY.FIGURE)
			.forEach(r -> byRank.put(r.value1().substring("DEPLOYED_".length()), r.value2().longValue()));
		return byRank;
	}

	/**
	 * Rebuilds every counter from the records (after a bulk load, or to repair): the same
	 * result as maintaining them write by write.
	 */
	@Transactional
	public long rebuild() {
		db.deleteFrom(FRONT_LINE_TALLY).execute();
		Map<Key, Long> deltas = new HashMap<>();
		db.select(DEPLOYMENT.CADRE_RANK, DEPLOYMENT.PATH, DEPLOYMENT.START_DATE, DEPLOYMENT.END_DATE, DSL.count())
			.from(DEPLOYMENT)
			.where(DEPLOYMENT.LEADING_CADRE.isTrue())
			.groupBy(DEPLOYMENT.CADRE_RANK, DEPLOYMENT.PATH, DEPLOYMENT.START_DATE, DEPLOYMENT.END_DATE)
			.forEach(r -> collect(deltas, "DEPLOYED_" + r.value1(), RegionPath.of(r.value2()), r.value3(), r.value4(),
					r.value5()));
		teams.memberships((path, joinedOn, leftOn, count) -> collect(deltas, COMMANDO, path, joinedOn,
				leftOn == null ? null : leftOn.minusDays(1), count));
		// multi-row inserts: tens of thousands of counters for a whole city
		try (var insert = new cn.huoxian.shared.bulk.BulkInsert(db, FRONT_LINE_TALLY, FRONT_LINE_TALLY.PATH,
				FRONT_LINE_TALLY.FIGURE, FRONT_LINE_TALLY.TALLY_DAY, FRONT_LINE_TALLY.DELTA)) {
			deltas.forEach((key, delta) -> {
				if (delta != 0) {
					insert.add(key.path(), key.figure(), key.day(), delta);
				}
			});
			insert.flush();
			// the table was rewritten in bulk: plans need its statistics now
			cn.huoxian.shared.bulk.Statistics.refreshAfter(db, insert.written(), FRONT_LINE_TALLY);
			return insert.written();
		}
	}

	private record Key(String path, String figure, LocalDate day) {
	}

	private static void collect(Map<Key, Long> deltas, String figure, RegionPath path, LocalDate from, LocalDate to,
			long count) {
		for (String region : ancestors(path)) {
			deltas.merge(new Key(region, figure, from), count, Long::sum);
			if (to != null) {
				deltas.merge(new Key(region, figure, to.plusDays(1)), -count, Long::sum);
			}
		}
	}

	/**
	 * Inside a transaction the changes are summed and written just before the commit, in
	 * (path, figure, day) order, so concurrent writers lock the shared city-level rows in
	 * the same order and cannot deadlock; outside one they are written at once.
	 */
	private void add(String path, String figure, LocalDate day, long delta) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pending().merge(new Key(path, figure, day), delta, Long::sum);
		}
		else {
			write(new Key(path, figure, day), delta);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<Key, Long> pending() {
		Map<Key, Long> pending = (Map<Key, Long>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Map<Key, Long> changes = new TreeMap<>(
					Comparator.comparing(Key::path).thenComparing(Key::figure).thenComparing(Key::day));
			TransactionSynchronizationManager.bindResource(this, changes);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					changes.forEach((key, delta) -> {
						if (delta != 0) {
							write(key, delta);
						}
					});
					changes.clear();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(HeadlineTally.this);
				}
			});
			pending = changes;
		}
		return pending;
	}

	private void write(Key key, long delta) {
		String path = key.path();
		String figure = key.figure();
		LocalDate day = key.day();
		db.insertInto(FRONT_LINE_TALLY)
			.set(FRONT_LINE_TALLY.PATH, path)
			.set(FRONT_LINE_TALLY.FIGURE, figure)
			.set(FRONT_LINE_TALLY.TALLY_DAY, day)
			.set(FRONT_LINE_TALLY.DELTA, delta)
			.onConflict(FRONT_LINE_TALLY.PATH, FRONT_LINE_TALLY.FIGURE, FRONT_LINE_TALLY.TALLY_DAY)
			.doUpdate()
			.set(FRONT_LINE_TALLY.DELTA, FRONT_LINE_TALLY.DELTA.plus(delta))
			.execute();
	}

	/** The path and every path above it: /a/b/c/ → /a/, /a/b/, /a/b/c/. */
	static List<String> ancestors(RegionPath path) {
		String value = path.value();
		List<String> paths = new ArrayList<>();
		for (int end = value.indexOf('/', 1); end > 0; end = value.indexOf('/', end + 1)) {
			paths.add(value.substring(0, end + 1));
		}
		return paths;
	}

}
