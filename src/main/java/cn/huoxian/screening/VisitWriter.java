package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_VISIT;
import static cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.ScreeningHouseholdRecord;
import cn.huoxian.shared.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a validated batch: visits and their residents, each household's latest state, the
 * counters of every region above it (one update per region per batch), flags and events.
 */
@Component
class VisitWriter {

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	VisitWriter(DSLContext db, ApplicationEventPublisher events) {
		this.db = db;
		this.events = events;
	}

	/** A stored visit with its database id. */
	private record Stored(long id, VisitInput input, String path) {
	}

	void write(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets, CurrentUser user) {
		List<Stored> stored = insertVisits(campaignId, visits, targets, user);
		insertResidents(stored);
		Map<String, long[]> deltas = new HashMap<>();
		updateStates(campaignId, stored, deltas);
		for (Stored visit : stored) {
			add(deltas, visit.path(), 0, 0, 0, 1);
		}
		updateCounters(campaignId, deltas);
		raiseFlags(campaignId, stored);
		for (Stored visit : stored) {
			events.publishEvent(new VisitRecorded(visit.input().visitId(), campaignId, visit.input().householdId(),
					user.personId(), visit.input().visitedAt(), visit.input().outcome()));
		}
	}

	private List<Stored> insertVisits(long campaignId, List<VisitInput> visits, Map<Long, Visits.Target> targets,
			CurrentUser user) {
		var insert = db.insertInto(SCREENING_VISIT, SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.CAMPAIGN_ID,
				SCREENING_VISIT.HOUSEHOLD_ID, SCREENING_VISIT.PATH, SCREENING_VISIT.VISITOR_PERSON_ID,
				SCREENING_VISIT.RECORDED_BY, SCREENING_VISIT.VISITED_AT, SCREENING_VISIT.OUTCOME);
		for (VisitInput visit : visits) {
			insert = insert.values(visit.visitId(), campaignId, visit.householdId(),
					targets.get(visit.householdId()).path(), user.personId(), user.username(), visit.visitedAt(),
					visit.outcome().name());
		}
		Map<UUID, Long> ids = insert.returningResult(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.ID)
			.fetchMap(r -> r.value1(), r -> r.value2());
		return visits.stream()
			.map(v -> new Stored(ids.get(v.visitId()), v, targets.get(v.householdId()).path()))
			.toList();
	}

	private void insertResidents(List<Stored> stored) {
		var insert = db.insertInto(SCREENING_VISIT_RESIDENT, SCREENING_VISIT_RESIDENT.VISIT_ID,
				SCREENING_VISIT_RESIDENT.PERSON_ID, SCREENING_VISIT_RESIDENT.STATUS, SCREENING_VISIT_RESIDENT.AWAY_WHERE,
				SCREENING_VISIT_RESIDENT.TEMPERATURE, SCREENING_VISIT_RESIDENT.FLAGS);
		boolean any = false;
		for (Stored visit : stored) {
			for (VisitInput.ResidentCheck check : visit.input().residentsOrEmpty()) {
				insert = insert.values(visit.id(), check.personId(), check.status().name(), check.awayWhere(),
						check.temperature(), joined(Visits.flagsOf(check)));
				any = true;
			}
		}
		if (any) {
			insert.execute();
		}
	}

	/** The latest visit decides a household's state; an older visit arriving late only joins the history. */
	private void updateStates(long campaignId, List<Stored> stored, Map<String, long[]> deltas) {
		Map<Long, Stored> latest = new LinkedHashMap<>();
		for (Stored visit : stored) {
			latest.merge(visit.input().householdId(), visit,
					(a, b) -> Comparator.comparing((Stored s) -> s.input().visitedAt()).thenComparing(Stored::id)
						.compare(a, b) >= 0 ? a : b);
		}
		Map<Long, ScreeningHouseholdRecord> existing = db.selectFrom(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
			.and(SCREENING_HOUSEHOLD.HOUSEHOLD_ID.in(latest.keySet()))
			.fetchMap(SCREENING_HOUSEHOLD.HOUSEHOLD_ID);
		List<Query> writes = new ArrayList<>();
		for (Stored visit : latest.values()) {
			ScreeningHouseholdRecord before = existing.get(visit.input().householdId());
			OffsetDateTime at = visit.input().visitedAt();
			if (before != null && before.getLastVisitedAt().isAfter(at)) {
				continue;
			}
			boolean covered = visit.input().outcome() == Outcome.COVERED;
			int accounted = covered ? visit.input().residentsOrEmpty().size() : 0;
			int flagged = (int) visit.input().residentsOrEmpty().stream().filter(c -> !Visits.flagsOf(c).isEmpty()).count();
			long coveredDelta = (covered ? 1 : 0) - (before != null && before.getCovered() ? 1 : 0);
			long accountedDelta = accounted - (before == null ? 0 : before.getResidentsAccounted());
			long flaggedDelta = flagged - (before == null ? 0 : before.getFlagged());
			add(deltas, visit.path(), coveredDelta, accountedDelta, flaggedDelta, 0);
			writes.add(before == null
					? db.insertInto(SCREENING_HOUSEHOLD)
						.set(SCREENING_HOUSEHOLD.CAMPAIGN_ID, campaignId)
						.set(SCREENING_HOUSEHOLD.HOUSEHOLD_ID, visit.input().householdId())
						.set(SCREENING_HOUSEHOLD.PATH, visit.path())
						.set(SCREENING_HOUSEHOLD.COVERED, covered)
						.set(SCREENING_HOUSEHOLD.LAST_VISIT_ID, visit.id())
						.set(SCREENING_HOUSEHOLD.LAST_VISITED_AT, at)
						.set(SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED, accounted)
						.set(SCREENING_HOUSEHOLD.FLAGGED, flagged)
					: db.update(SCREENING_HOUSEHOLD)
						.set(SCREENING_HOUSEHOLD.COVERED, covered)
						.set(SCREENING_HOUSEHOLD.LAST_VISIT_ID, visit.id())
						.set(SCREENING_HOUSEHOLD.LAST_VISITED_AT, at)
						.set(SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED, accounted)
						.set(SCREENING_HOUSEHOLD.FLAGGED, flagged)
						.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
						.and(SCREENING_HOUSEHOLD.HOUSEHOLD_ID.eq(visit.input().householdId())));
		}
		if (!writes.isEmpty()) {
			db.batch(writes).execute();
		}
	}

	/** Adds a grid's change to the grid and every region above it. */
	private static void add(Map<String, long[]> deltas, String path, long covered, long accounted, long flagged,
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
		List<Query> updates = new ArrayList<>();
		// sorted, so concurrent batches take the counter rows' locks in the same order
		deltas.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
			long[] d = e.getValue();
			updates.add(db.update(SCREENING_COUNTER)
				.set(SCREENING_COUNTER.COVERED, SCREENING_COUNTER.COVERED.plus(d[0]))
				.set(SCREENING_COUNTER.RESIDENTS_ACCOUNTED, SCREENING_COUNTER.RESIDENTS_ACCOUNTED.plus(d[1]))
				.set(SCREENING_COUNTER.FLAGGED, SCREENING_COUNTER.FLAGGED.plus(d[2]))
				.set(SCREENING_COUNTER.VISITS, SCREENING_COUNTER.VISITS.plus(d[3]))
				.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId))
				.and(SCREENING_COUNTER.PATH.eq(e.getKey())));
		});
		db.batch(updates).execute();
	}

	private void raiseFlags(long campaignId, List<Stored> stored) {
		for (Stored visit : stored) {
			for (VisitInput.ResidentCheck check : visit.input().residentsOrEmpty()) {
				Set<Flag> flags = Visits.flagsOf(check);
				if (flags.isEmpty()) {
					continue;
				}
				Long flagId = db.insertInto(SCREENING_FLAG)
					.set(SCREENING_FLAG.CAMPAIGN_ID, campaignId)
					.set(SCREENING_FLAG.VISIT_ID, visit.id())
					.set(SCREENING_FLAG.PERSON_ID, check.personId())
					.set(SCREENING_FLAG.PATH, visit.path())
					.set(SCREENING_FLAG.FLAGS, joined(flags))
					.set(SCREENING_FLAG.RAISED_AT, visit.input().visitedAt())
					.returning(SCREENING_FLAG.ID)
					.fetchOne(SCREENING_FLAG.ID);
				events.publishEvent(new ResidentFlagged(flagId, campaignId, check.personId(),
						visit.input().householdId(), visit.path(), flags, visit.input().visitedAt()));
			}
		}
	}

	static String joined(Set<Flag> flags) {
		return flags.isEmpty() ? null : flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

}
