package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_TARGET;
import static cn.huoxian.db.Tables.SCREENING_VISIT;
import static cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.Statistics;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's check: recomputes every household's state from its latest visit and
 * every counter from the households, reports each difference, and repairs it.
 */
@Service
public class Recount {

	private static final Logger log = LoggerFactory.getLogger(Recount.class);

	private static final int MAX_REPORTED = 100;

	private final DSLContext db;

	private final Campaigns campaigns;

	private final cn.huoxian.org.Households households;

	Recount(DSLContext db, Campaigns campaigns, cn.huoxian.org.Households households) {
		this.households = households;
		this.db = db;
		this.campaigns = campaigns;
	}

	/** What a recount found and repaired. */
	public record Report(long campaignId, long householdsChecked, long householdsRepaired, long countersChecked,
			long countersRepaired, List<String> differences) {

		public boolean clean() {
			return householdsRepaired == 0 && countersRepaired == 0;
		}

	}

	/** A household's state as its latest visit says it should be. */
	private record State(long householdId, String path, boolean covered, java.util.UUID visitId, OffsetDateTime at,
			int accounted, int flagged) {
	}

	@Transactional
	public Report recount(long campaignId, CurrentUser user) {
		user.requireAdministrator("screening.action.recount");
		CampaignView campaign = campaigns.find(campaignId, user.scope());
		// alone: no batch half read, none overwritten by the repairs
		CampaignLocks.forRecount(db, campaignId);
		List<String> differences = new ArrayList<>();
		long[] households = repairStates(campaignId, differences);
		long[] counters = repairCounters(campaign, differences);
		// the maintenance point of a campaign's tables: fresh statistics for the planner
		Statistics.refresh(db, SCREENING_COUNTER, SCREENING_HOUSEHOLD, SCREENING_VISIT);
		Report report = new Report(campaignId, households[0], households[1], counters[0], counters[1],
				List.copyOf(differences));
		log.info("Recount of campaign {}: {} household states ({} repaired), {} counters ({} repaired)", campaignId,
				households[0], households[1], counters[0], counters[1]);
		return report;
	}

	private long[] repairStates(long campaignId, List<String> differences) {
		Map<Long, State> expected = new HashMap<>();
		latestVisits(campaignId).fetchSize(1000).forEach(r -> {
			boolean covered = Outcome.COVERED.name().equals(r.value3());
			expected.put(r.value1(), new State(r.value1(), r.value2(), covered, r.value4(), r.value5(),
					covered ? r.value6() : 0, r.value7()));
		});
		long checked = 0;
		long repaired = 0;
		Map<Long, State> actual = new HashMap<>();
		db.selectFrom(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
			.fetchSize(1000)
			.forEach(r -> actual.put(r.getHouseholdId(), new State(r.getHouseholdId(), r.getPath(), r.getCovered(),
					r.getLastVisitId(), r.getLastVisitedAt(), r.getResidentsAccounted(), r.getFlagged())));
		for (State want : expected.values()) {
			checked++;
			State have = actual.remove(want.householdId());
			if (want.equals(normalised(have, want))) {
				continue;
			}
			repaired++;
			note(differences, Messages.text("screening.recount.household", want.householdId(), have, want));
			db.deleteFrom(SCREENING_HOUSEHOLD)
				.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId),
						SCREENING_HOUSEHOLD.HOUSEHOLD_ID.eq(want.householdId()))
				.execute();
			db.insertInto(SCREENING_HOUSEHOLD)
				.set(SCREENING_HOUSEHOLD.CAMPAIGN_ID, campaignId)
				.set(SCREENING_HOUSEHOLD.HOUSEHOLD_ID, want.householdId())
				.set(SCREENING_HOUSEHOLD.PATH, want.path())
				.set(SCREENING_HOUSEHOLD.COVERED, want.covered())
				.set(SCREENING_HOUSEHOLD.LAST_VISIT_ID, want.visitId())
				.set(SCREENING_HOUSEHOLD.LAST_VISITED_AT, want.at())
				.set(SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED, want.accounted())
				.set(SCREENING_HOUSEHOLD.FLAGGED, want.flagged())
				.execute();
		}
		for (State orphan : actual.values()) {
			checked++;
			repaired++;
			note(differences, Messages.text("screening.recount.orphan", orphan.householdId()));
			db.deleteFrom(SCREENING_HOUSEHOLD)
				.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId),
						SCREENING_HOUSEHOLD.HOUSEHOLD_ID.eq(orphan.householdId()))
				.execute();
		}
		return new long[] { checked, repaired };
	}

	/**
	 * Each household's latest visit in the campaign (household, path, outcome, visit,
	 * time, residents checked, residents flagged). The latest is the first in the order
	 * of {@link VisitWriter#supersedes}: time, then visitId as text, both descending. One
	 * pass over the campaign's visits numbered per household by a window function, so the
	 * plan has no join to choose and does not depend on statistics (ADR 33): as an anti
	 * join to a later visit, a campaign whose visits the statistics did not know was
	 * planned as a nested loop that rescanned every visit of the campaign for each visit
	 * (20 s per 1,000 rows at 160,000 visits). The residents are counted for the latest
	 * visits only, each a scalar subquery on the resident key (household, visit).
	 */
	private Select<Record7<Long, String, String, UUID, OffsetDateTime, Integer, Integer>> latestVisits(
			long campaignId) {
		var rank = DSL.rowNumber()
			.over(DSL.partitionBy(SCREENING_VISIT.HOUSEHOLD_ID)
				.orderBy(SCREENING_VISIT.VISITED_AT.desc(), SCREENING_VISIT.VISIT_ID.cast(String.class).desc()))
			.as("latest_rank");
		var visits = DSL
			.select(SCREENING_VISIT.HOUSEHOLD_ID, SCREENING_VISIT.PATH, SCREENING_VISIT.OUTCOME,
					SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.VISITED_AT, rank)
			.from(SCREENING_VISIT)
			.where(SCREENING_VISIT.CAMPAIGN_ID.eq(campaignId))
			.asTable("ranked");
		Field<UUID> visitId = visits.field(SCREENING_VISIT.VISIT_ID);
		// the resident key is led by the household (V27)
		Condition ofTheVisit = SCREENING_VISIT_RESIDENT.HOUSEHOLD_ID.eq(visits.field(SCREENING_VISIT.HOUSEHOLD_ID))
			.and(SCREENING_VISIT_RESIDENT.VISIT_ID.eq(visitId));
		var residents = DSL.field(DSL.selectCount().from(SCREENING_VISIT_RESIDENT).where(ofTheVisit));
		var flagged = DSL.field(DSL.selectCount()
			.from(SCREENING_VISIT_RESIDENT)
			.where(ofTheVisit)
			.and(SCREENING_VISIT_RESIDENT.FLAGS.isNotNull()));
		return db
			.select(visits.field(SCREENING_VISIT.HOUSEHOLD_ID), visits.field(SCREENING_VISIT.PATH),
					visits.field(SCREENING_VISIT.OUTCOME), visitId, visits.field(SCREENING_VISIT.VISITED_AT), residents,
					flagged)
			.from(visits)
			.where(visits.field(rank).eq(1));
	}

	/**
	 * Timestamps come back from the database at another offset; compare instants, not
	 * representations.
	 */
	private static State normalised(State have, State want) {
		if (have == null || have.at() == null || !have.at().isEqual(want.at())) {
			return have;
		}
		return new State(have.householdId(), have.path(), have.covered(), have.visitId(), want.at(), have.accounted(),
				have.flagged());
	}

	private long[] repairCounters(CampaignView campaign, List<String> differences) {
		long campaignId = campaign.id();
		var regions = cn.huoxian.org.Regions.under(campaign.rootPath());
		Map<Long, String> regionPaths = db.select(regions.id(), regions.path())
			.from(regions.table())
			.fetchMap(regions.id(), regions.path());
		Map<String, long[]> want = new HashMap<>();
		regionPaths.values().forEach(p -> want.put(p, new long[5]));
		if (campaign.hasTargetList()) {
			db.select(SCREENING_TARGET.PATH, DSL.count())
				.from(SCREENING_TARGET)
				.where(SCREENING_TARGET.CAMPAIGN_ID.eq(campaignId))
				.groupBy(SCREENING_TARGET.PATH)
				.forEach(r -> roll(want, RegionPath.of(r.value1()), 0, r.value2()));
		}
		else {
			households.countsByPath(campaign.rootPath()).forEach((path, count) -> roll(want, path, 0, count));
		}
		db.select(SCREENING_HOUSEHOLD.PATH, DSL.sum(DSL.when(SCREENING_HOUSEHOLD.COVERED.isTrue(), 1).otherwise(0)),
				DSL.sum(SCREENING_HOUSEHOLD.RESIDENTS_ACCOUNTED), DSL.sum(SCREENING_HOUSEHOLD.FLAGGED))
			.from(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
			.groupBy(SCREENING_HOUSEHOLD.PATH)
			.forEach(r -> {
				RegionPath path = RegionPath.of(r.value1());
				roll(want, path, 1, r.value2().longValue());
				roll(want, path, 2, r.value3().longValue());
				roll(want, path, 3, r.value4().longValue());
			});
		db.select(SCREENING_VISIT.PATH, DSL.count())
			.from(SCREENING_VISIT)
			.where(SCREENING_VISIT.CAMPAIGN_ID.eq(campaignId))
			.groupBy(SCREENING_VISIT.PATH)
			.forEach(r -> roll(want, RegionPath.of(r.value1()), 4, r.value2()));
		Map<String, long[]> have = new HashMap<>();
		db.selectFrom(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId))
			.forEach(r -> have.put(r.getPath(), new long[] { r.getHouseholds(), r.getCovered(),
					r.getResidentsAccounted(), r.getFlagged(), r.getVisits() }));
		long repaired = 0;
		Map<String, Long> regionIds = new HashMap<>();
		regionPaths.forEach((id, path) -> regionIds.put(path, id));
		for (var entry : want.entrySet()) {
			long[] expected = entry.getValue();
			long[] actual = have.get(entry.getKey());
			if (actual != null && java.util.Arrays.equals(actual, expected)) {
				continue;
			}
			repaired++;
			note(differences,
					Messages.text(
							"screening.recount.counter", entry.getKey(), actual == null
									? Messages.text("screening.recount.missing") : java.util.Arrays.toString(actual),
							java.util.Arrays.toString(expected)));
			db.deleteFrom(SCREENING_COUNTER)
				.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId), SCREENING_COUNTER.PATH.eq(entry.getKey()))
				.execute();
			db.insertInto(SCREENING_COUNTER)
				.set(SCREENING_COUNTER.CAMPAIGN_ID, campaignId)
				.set(SCREENING_COUNTER.REGION_ID, regionIds.get(entry.getKey()))
				.set(SCREENING_COUNTER.PATH, entry.getKey())
				.set(SCREENING_COUNTER.HOUSEHOLDS, expected[0])
				.set(SCREENING_COUNTER.COVERED, expected[1])
				.set(SCREENING_COUNTER.RESIDENTS_ACCOUNTED, expected[2])
				.set(SCREENING_COUNTER.FLAGGED, expected[3])
				.set(SCREENING_COUNTER.VISITS, expected[4])
				.execute();
		}
		return new long[] { want.size(), repaired };
	}

	/**
	 * Adds a grid's figure to the grid and every region above it (within the campaign's
	 * root).
	 */
	private static void roll(Map<String, long[]> want, RegionPath gridPath, int index, long value) {
		for (String path : Campaigns.ancestorPaths(gridPath)) {
			long[] figures = want.get(path);
			if (figures != null) {
				figures[index] += value;
			}
		}
	}

	private static void note(List<String> differences, String difference) {
		if (differences.size() < MAX_REPORTED) {
			differences.add(difference);
		}
	}

}
