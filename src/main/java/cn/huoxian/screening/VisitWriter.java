package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_VISIT;
import static cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.ScreeningHouseholdRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a validated batch with one statement per kind of row, its rows bound as typed
 * arrays ({@code insert … select * from unnest(…)}, parsed, planned and executed once,
 * not once per row): visits and their residents, each household's latest state (new ones
 * inserted, newer ones updated), the counters of every region above it (one update per
 * region per batch), flags and events.
 */
@Component
class VisitWriter {

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	VisitWriter(DSLContext db, ApplicationEventPublisher events) {
		this.db = db;
		this.events = events;
	}

	void write(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets, CurrentUser user) {
		// before the household states are read: a recount of the campaign does not run
		// meanwhile
		CampaignLocks.forBatch(db, campaignId);
		insertVisits(campaignId, visits, targets, user);
		insertResidents(visits);
		Map<String, long[]> deltas = new HashMap<>();
		updateStates(campaignId, visits, targets, deltas);
		for (VisitInput visit : visits) {
			add(deltas, targets.get(visit.householdId()).path(), 0, 0, 0, 1);
		}
		raiseFlags(campaignId, visits, targets);
		// one event per batch, not per visit: the hottest write path stays cheap
		if (!visits.isEmpty()) {
			events.publishEvent(
					new VisitsRecorded(campaignId, user.personId(), visits.stream().map(VisitInput::visitId).toList()));
		}
		// last: every concurrent batch updates the city's and its county's counter rows,
		// so their locks are held only from here to the commit
		updateCounters(campaignId, deltas);
	}

	private void insertVisits(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets,
			CurrentUser user) {
		int n = visits.size();
		List<UUID> ids = new ArrayList<>(n);
		List<Long> households = new ArrayList<>(n);
		List<String> paths = new ArrayList<>(n);
		List<OffsetDateTime> times = new ArrayList<>(n);
		List<String> outcomes = new ArrayList<>(n);
		for (VisitInput visit : visits) {
			ids.add(visit.visitId());
			households.add(visit.householdId());
			paths.add(targets.get(visit.householdId()).path().value());
			times.add(visit.visitedAt());
			outcomes.add(visit.outcome().name());
		}
		db.insertInto(SCREENING_VISIT,
				List.of(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.CAMPAIGN_ID, SCREENING_VISIT.HOUSEHOLD_ID,
						SCREENING_VISIT.PATH, SCREENING_VISIT.VISITOR_PERSON_ID, SCREENING_VISIT.RECORDED_BY,
						SCREENING_VISIT.VISITED_AT, SCREENING_VISIT.OUTCOME))
			.select(SqlArrays.rows(SqlArrays.uuids(ids), SqlArrays.longs(Collections.nCopies(n, campaignId)),
					SqlArrays.longs(households), SqlArrays.texts(paths),
					SqlArrays.longs(Collections.nCopies(n, user.personId())),
					SqlArrays.texts(Collections.nCopies(n, user.username())), SqlArrays.instants(times),
					SqlArrays.texts(outcomes)))
			.execute();
	}

	private void insertResidents(List<VisitInput> visits) {
		List<Long> households = new ArrayList<>();
		List<UUID> visitIds = new ArrayList<>();
		List<Long> persons = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		List<String> away = new ArrayList<>();
		List<BigDecimal> temperatures = new ArrayList<>();
		List<String> travel = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		for (VisitInput visit : visits) {
			for (VisitInput.ResidentCheck check : visit.residentsOrEmpty()) {
				households.add(visit.householdId());
				visitIds.add(visit.visitId());
				persons.add(check.personId());
				statuses.add(check.status().name());
				away.add(check.awayWhere());
				temperatures.add(check.temperature());
				travel.add(check.travelFrom());
				flags.add(joined(Visits.flagsOf(check)));
			}
		}
		if (visitIds.isEmpty()) {
			return;
		}
		db.insertInto(SCREENING_VISIT_RESIDENT,
				List.of(SCREENING_VISIT_RESIDENT.HOUSEHOLD_ID, SCREENING_VISIT_RESIDENT.VISIT_ID,
						SCREENING_VISIT_RESIDENT.PERSON_ID, SCREENING_VISIT_RESIDENT.STATUS,
						SCREENING_VISIT_RESIDENT.AWAY_WHERE, SCREENING_VISIT_RESIDENT.TEMPERATURE,
						SCREENING_VISIT_RESIDENT.TRAVEL_FROM, SCREENING_VISIT_RESIDENT.FLAGS))
			.select(SqlArrays.rows(SqlArrays.longs(households), SqlArrays.uuids(visitIds), SqlArrays.longs(persons),
					SqlArrays.texts(statuses), SqlArrays.texts(away), SqlArrays.decimals(temperatures),
					SqlArrays.texts(travel), SqlArrays.texts(flags)))
			.execute();
	}

	/**
	 * The latest visit decides a household's state; an older visit arriving late only
	 * joins the history.
	 */
	private void updateStates(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets,
			Map<String, long[]> deltas) {
		Map<Long, VisitInput> latest = new LinkedHashMap<>();
		for (VisitInput visit : visits) {
			latest.merge(visit.householdId(), visit,
					(a, b) -> supersedes(a.visitedAt(), a.visitId(), b.visitedAt(), b.visitId()) ? a : b);
		}
		// = any(array), not a 1,000-value IN list: PostgreSQL's generic plan for the IN
		// list scans the campaign; the key is led by household_id (V19), so each id is
		// one
		// probe even while a new campaign's statistics say it has no rows
		Map<Long, ScreeningHouseholdRecord> existing = db.selectFrom(SCREENING_HOUSEHOLD)
			.where(SqlArrays.anyOf(SCREENING_HOUSEHOLD.HOUSEHOLD_ID, latest.keySet()))
			.and(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
			.fetchMap(SCREENING_HOUSEHOLD.HOUSEHOLD_ID);
		States inserts = new States();
		States updates = new States();
		for (VisitInput visit : latest.values()) {
			ScreeningHouseholdRecord before = existing.get(visit.householdId());
			if (before != null && !supersedes(visit.visitedAt(), visit.visitId(), before.getLastVisitedAt(),
					before.getLastVisitId())) {
				continue;
			}
			RegionPath path = targets.get(visit.householdId()).path();
			boolean covered = visit.outcome() == Outcome.COVERED;
			int accounted = covered ? visit.residentsOrEmpty().size() : 0;
			int flagged = (int) visit.residentsOrEmpty().stream().filter(c -> !Visits.flagsOf(c).isEmpty()).count();
			add(deltas, path, (covered ? 1 : 0) - (before != null && before.getCovered() ? 1 : 0),
					accounted - (before == null ? 0 : before.getResidentsAccounted()),
					flagged - (before == null ? 0 : before.getFlagged()), 0);
			(before == null ? inserts : updates).add(visit, path, covered, accounted, flagged);
		}
		if (!inserts.households.isEmpty()) {
			db.insertInto(SCREENING_HOUSEHOLD,
					List.of(SCREENING_HOUSEHOLD.CAMPAIGN_ID, SCREENING_HOUSEHOLD.HOUSEHOLD_ID, SCREENING_HOUSEHOLD.PATH,
							SCREENING_HOUSEHOLD.COVERED, SCREENING_HOUSEHOLD.LAST_VISIT_ID,
							SCREENING_HOUSEHOLD.LAST_VISITED_AT, SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED,
							SCREENING_HOUSEHOLD.FLAGGED))
				.select(SqlArrays.rows(SqlArrays.longs(Collections.nCopies(inserts.households.size(), campaignId)),
						SqlArrays.longs(inserts.households), SqlArrays.texts(inserts.paths),
						SqlArrays.booleans(inserts.covered), SqlArrays.uuids(inserts.visitIds),
						SqlArrays.instants(inserts.visitedAt), SqlArrays.integers(inserts.accounted),
						SqlArrays.integers(inserts.flagged)))
				.execute();
		}
		if (!updates.households.isEmpty()) {
			// one UPDATE … FROM unnest(…) for the batch, each row found by its key (plain
			// SQL: both databases know UPDATE … FROM, jOOQ would turn it into a MERGE on
			// H2)
			db.query("update screening_household set covered = newer.covered, last_visit_id = newer.last_visit_id, "
					+ "last_visited_at = newer.last_visited_at, residents_accounted = newer.residents_accounted, "
					+ "flagged = newer.flagged from unnest({0}, {1}, {2}, {3}, {4}, {5}) "
					+ "as newer (household_id, covered, last_visit_id, last_visited_at, residents_accounted, flagged) "
					+ "where screening_household.household_id = newer.household_id "
					+ "and screening_household.campaign_id = {6}", SqlArrays.longs(updates.households),
					SqlArrays.booleans(updates.covered), SqlArrays.uuids(updates.visitIds),
					SqlArrays.instants(updates.visitedAt), SqlArrays.integers(updates.accounted),
					SqlArrays.integers(updates.flagged), DSL.val(campaignId))
				.execute();
		}
	}

	/** New states of households, column by column, for one statement. */
	private static final class States {

		final List<Long> households = new ArrayList<>();

		final List<String> paths = new ArrayList<>();

		final List<Boolean> covered = new ArrayList<>();

		final List<UUID> visitIds = new ArrayList<>();

		final List<OffsetDateTime> visitedAt = new ArrayList<>();

		final List<Integer> accounted = new ArrayList<>();

		final List<Integer> flagged = new ArrayList<>();

		void add(VisitInput visit, RegionPath path, boolean covered, int accounted, int flagged) {
			this.households.add(visit.householdId());
			this.paths.add(path.value());
			this.covered.add(covered);
			this.visitIds.add(visit.visitId());
			this.visitedAt.add(visit.visitedAt());
			this.accounted.add(accounted);
			this.flagged.add(flagged);
		}

	}

	/**
	 * Whether one visit is later than another: by time, and at the same instant by
	 * visitId as text (the order the recount uses in SQL, so both always agree on the
	 * latest visit).
	 */
	static boolean supersedes(OffsetDateTime at, UUID id, OffsetDateTime otherAt, UUID otherId) {
		// instants, not compareTo: the database hands timestamps back at another offset
		return at.isAfter(otherAt) || (at.isEqual(otherAt) && id.toString().compareTo(otherId.toString()) >= 0);
	}

	/** Adds a grid's change to the grid and every region above it. */
	private static void add(Map<String, long[]> deltas, RegionPath path, long covered, long accounted, long flagged,
			long visits) {
		for (String ancestor : Campaigns.ancestorPaths(path)) {
			long[] delta = deltas.computeIfAbsent(ancestor, k -> new long[4]);
			delta[0] += covered;
			delta[1] += accounted;
			delta[2] += flagged;
			delta[3] += visits;
		}
	}

	private void updateCounters(long campaignId, Map<String, long[]> deltas) {
		BatchBindStep batch = db.batch(db.update(SCREENING_COUNTER)
			.set(SCREENING_COUNTER.COVERED, SCREENING_COUNTER.COVERED.plus((Long) null))
			.set(SCREENING_COUNTER.RESIDENTS_ACCOUNTED, SCREENING_COUNTER.RESIDENTS_ACCOUNTED.plus((Long) null))
			.set(SCREENING_COUNTER.FLAGGED, SCREENING_COUNTER.FLAGGED.plus((Long) null))
			.set(SCREENING_COUNTER.VISITS, SCREENING_COUNTER.VISITS.plus((Long) null))
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq((Long) null))
			.and(SCREENING_COUNTER.PATH.eq((String) null)));
		// sorted, so concurrent batches take the counter rows' locks in the same order
		for (var entry : deltas.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
			long[] d = entry.getValue();
			batch = batch.bind(d[0], d[1], d[2], d[3], campaignId, entry.getKey());
		}
		batch.execute();
	}

	/**
	 * One multi-row insert for the batch's flags; each flag's id comes back for its
	 * event.
	 */
	private void raiseFlags(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets) {
		record Raised(VisitInput visit, long personId, Set<Flag> flags, RegionPath path) {
		}
		List<Raised> raised = new ArrayList<>();
		for (VisitInput visit : visits) {
			for (VisitInput.ResidentCheck check : visit.residentsOrEmpty()) {
				Set<Flag> flags = Visits.flagsOf(check);
				if (!flags.isEmpty()) {
					raised.add(new Raised(visit, check.personId(), flags, targets.get(visit.householdId()).path()));
				}
			}
		}
		if (raised.isEmpty()) {
			return;
		}
		int n = raised.size();
		List<UUID> visitIds = new ArrayList<>(n);
		List<Long> persons = new ArrayList<>(n);
		List<String> paths = new ArrayList<>(n);
		List<String> flags = new ArrayList<>(n);
		List<OffsetDateTime> times = new ArrayList<>(n);
		for (Raised r : raised) {
			visitIds.add(r.visit().visitId());
			persons.add(r.personId());
			paths.add(r.path().value());
			flags.add(joined(r.flags()));
			times.add(r.visit().visitedAt());
		}
		// from arrays, as the visits: a multi-row VALUES is rendered value by value and
		// planned anew for every number of rows
		Map<String, Long> ids = db
			.insertInto(SCREENING_FLAG,
					List.of(SCREENING_FLAG.CAMPAIGN_ID, SCREENING_FLAG.VISIT_ID, SCREENING_FLAG.PERSON_ID,
							SCREENING_FLAG.PATH, SCREENING_FLAG.FLAGS, SCREENING_FLAG.RAISED_AT))
			.select(SqlArrays.rows(SqlArrays.longs(Collections.nCopies(n, campaignId)), SqlArrays.uuids(visitIds),
					SqlArrays.longs(persons), SqlArrays.texts(paths), SqlArrays.texts(flags),
					SqlArrays.instants(times)))
			.returningResult(SCREENING_FLAG.ID, SCREENING_FLAG.VISIT_ID, SCREENING_FLAG.PERSON_ID)
			.fetchMap(r -> r.value2() + "/" + r.value3(), r -> r.value1());
		for (Raised r : raised) {
			events.publishEvent(new ResidentFlagged(ids.get(r.visit().visitId() + "/" + r.personId()), campaignId,
					r.personId(), r.visit().householdId(), r.path(), r.flags(), r.visit().visitedAt()));
		}
	}

	static String joined(Set<Flag> flags) {
		return flags.isEmpty() ? null : flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

}
