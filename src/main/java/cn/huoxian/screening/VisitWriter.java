package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_VISIT;
import static cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a validated batch with one prepared statement per kind of row (JDBC batches):
 * visits and their residents, each household's latest state, the counters of every region
 * above it (one update per region per batch), flags and events.
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
		BatchBindStep batch = db.batch(db
			.insertInto(SCREENING_VISIT, SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.CAMPAIGN_ID,
					SCREENING_VISIT.HOUSEHOLD_ID, SCREENING_VISIT.PATH, SCREENING_VISIT.VISITOR_PERSON_ID,
					SCREENING_VISIT.RECORDED_BY, SCREENING_VISIT.VISITED_AT, SCREENING_VISIT.OUTCOME)
			.values((UUID) null, null, null, null, null, null, null, null));
		for (VisitInput visit : visits) {
			batch = batch.bind(visit.visitId(), campaignId, visit.householdId(),
					targets.get(visit.householdId()).path().value(), user.personId(), user.username(),
					visit.visitedAt(), visit.outcome().name());
		}
		batch.execute();
	}

	private void insertResidents(List<VisitInput> visits) {
		BatchBindStep batch = db.batch(db
			.insertInto(SCREENING_VISIT_RESIDENT, SCREENING_VISIT_RESIDENT.VISIT_ID, SCREENING_VISIT_RESIDENT.PERSON_ID,
					SCREENING_VISIT_RESIDENT.STATUS, SCREENING_VISIT_RESIDENT.AWAY_WHERE,
					SCREENING_VISIT_RESIDENT.TEMPERATURE, SCREENING_VISIT_RESIDENT.TRAVEL_FROM,
					SCREENING_VISIT_RESIDENT.FLAGS)
			.values((UUID) null, null, null, null, (BigDecimal) null, null, null));
		int rows = 0;
		for (VisitInput visit : visits) {
			for (VisitInput.ResidentCheck check : visit.residentsOrEmpty()) {
				batch = batch.bind(visit.visitId(), check.personId(), check.status().name(), check.awayWhere(),
						check.temperature(), check.travelFrom(), joined(Visits.flagsOf(check)));
				rows++;
			}
		}
		if (rows > 0) {
			batch.execute();
		}
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
		BatchBindStep inserts = db
			.batch(db.insertInto(SCREENING_HOUSEHOLD, SCREENING_HOUSEHOLD.CAMPAIGN_ID, SCREENING_HOUSEHOLD.HOUSEHOLD_ID,
					SCREENING_HOUSEHOLD.PATH, SCREENING_HOUSEHOLD.COVERED, SCREENING_HOUSEHOLD.LAST_VISIT_ID,
					SCREENING_HOUSEHOLD.LAST_VISITED_AT, SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED,
					SCREENING_HOUSEHOLD.FLAGGED)
				.values((Long) null, null, null, null, null, null, null, null));
		BatchBindStep updates = db.batch(db.update(SCREENING_HOUSEHOLD)
			.set(SCREENING_HOUSEHOLD.COVERED, (Boolean) null)
			.set(SCREENING_HOUSEHOLD.LAST_VISIT_ID, (UUID) null)
			.set(SCREENING_HOUSEHOLD.LAST_VISITED_AT, (OffsetDateTime) null)
			.set(SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED, (Integer) null)
			.set(SCREENING_HOUSEHOLD.FLAGGED, (Integer) null)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq((Long) null))
			.and(SCREENING_HOUSEHOLD.HOUSEHOLD_ID.eq((Long) null)));
		int insertCount = 0;
		int updateCount = 0;
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
			if (before == null) {
				inserts = inserts.bind(campaignId, visit.householdId(), path.value(), covered, visit.visitId(),
						visit.visitedAt(), accounted, flagged);
				insertCount++;
			}
			else {
				updates = updates.bind(covered, visit.visitId(), visit.visitedAt(), accounted, flagged, campaignId,
						visit.householdId());
				updateCount++;
			}
		}
		if (insertCount > 0) {
			inserts.execute();
		}
		if (updateCount > 0) {
			updates.execute();
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
		List<Raised> raised = new java.util.ArrayList<>();
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
		var insert = db.insertInto(SCREENING_FLAG, SCREENING_FLAG.CAMPAIGN_ID, SCREENING_FLAG.VISIT_ID,
				SCREENING_FLAG.PERSON_ID, SCREENING_FLAG.PATH, SCREENING_FLAG.FLAGS, SCREENING_FLAG.RAISED_AT);
		for (Raised r : raised) {
			insert = insert.values(campaignId, r.visit().visitId(), r.personId(), r.path().value(), joined(r.flags()),
					r.visit().visitedAt());
		}
		Map<String, Long> ids = insert
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
