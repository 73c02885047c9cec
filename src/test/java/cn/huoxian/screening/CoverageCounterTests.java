package cn.huoxian.screening;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.huoxian.access.Accounts;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property: after any random sequence of visits, revisits, nobody-home records, late
 * arrivals, retried batches and newly found residents, every coverage counter equals a
 * full recount and the figures a simple model of the rules predicts.
 */
@SqlTest
class CoverageCounterTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	Visits visits;

	@Autowired
	Coverage coverage;

	@Autowired
	Recount recount;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	/**
	 * The model's view of one household: its latest visit time and what that visit found.
	 */
	record Latest(OffsetDateTime at, UUID id, boolean covered, int accounted, int flagged) {
	}

	private CurrentUser admin() {
		return new CurrentUser("admin", null, Role.CITY_ADMIN, DataScope.ofRegions(RegionPath.root("130900")));
	}

	/** A campaign over 新华区 (130902), open from two days ago to tomorrow. */
	private CampaignView openInXinhua(String name, CurrentUser admin) {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		return campaigns.create(new CampaignForm(name, "130902", today.minusDays(2), today.plusDays(1), Set.of()),
				admin);
	}

	/** The first households of 新华区 in the given order. */
	private List<Long> xinhuaHouseholds(org.jooq.SortField<Long> order, int limit) {
		return db.select(HOUSEHOLD.ID)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.PATH.like("/130900/130902/%"))
			.orderBy(order)
			.limit(limit)
			.fetch(HOUSEHOLD.ID);
	}

	@ParameterizedTest
	@ValueSource(longs = { 11, 23, 37 })
	void countersMatchRecountAndModelAfterRandomVisits(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		CurrentUser admin = admin();
		CampaignView campaign = openInXinhua("随机排查" + seed, admin);
		List<Long> households = xinhuaHouseholds(HOUSEHOLD.ID.asc(), 40);
		Map<Long, Latest> model = new HashMap<>();
		List<List<VisitInput>> sent = new ArrayList<>();
		OffsetDateTime base = OffsetDateTime.now().minusHours(20).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		for (int step = 0; step < 25; step++) {
			if (!sent.isEmpty() && random.nextInt(6) == 0) {
				// a retried batch changes nothing
				List<VisitInput> again = sent.get(random.nextInt(sent.size()));
				assertThat(visits.record(campaign.id(), again, admin).accepted()).isZero();
				continue;
			}
			List<VisitInput> batch = new ArrayList<>();
			for (Long household : pick(random, households, 1 + random.nextInt(12))) {
				batch.add(randomVisit(random, household, base.plusMinutes(random.nextInt(30))));
			}
			Visits.BatchResult result = visits.record(campaign.id(), batch, admin);
			assertThat(result.accepted()).isEqualTo(batch.size());
			sent.add(batch);
			for (VisitInput visit : batch) {
				apply(model, visit);
			}
		}
		Coverage.Figures county = coverage.coverage(campaign.id(), "130902", admin.scope()).region();
		assertThat(county.covered()).isEqualTo(model.values().stream().filter(Latest::covered).count());
		assertThat(county.residentsAccounted()).isEqualTo(model.values().stream().mapToLong(Latest::accounted).sum());
		assertThat(county.flagged()).isEqualTo(model.values().stream().mapToLong(Latest::flagged).sum());
		assertThat(county.households()).isEqualTo(db.fetchCount(HOUSEHOLD, HOUSEHOLD.PATH.like("/130900/130902/%")));
		Recount.Report report = recount.recount(campaign.id(), admin);
		assertThat(report.differences()).isEmpty();
		assertThat(report.clean()).isTrue();
		long blind = coverage.blindSpots(campaign.id(), "130902", 0, 500, admin.scope()).total();
		assertThat(blind).isEqualTo(county.households() - county.covered());
	}

	/**
	 * The recount finds each household's latest visit by itself, in the order the batches
	 * use: after random visits to a few households (many visits each, older ones arriving
	 * late, several at one instant written at different offsets, so the visitId decides),
	 * the states and counters it rebuilds from nothing equal those the batches
	 * maintained.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 5, 17, 29 })
	void recountRebuildsTheMaintainedStatesFromTheVisits(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		CurrentUser admin = admin();
		CampaignView campaign = openInXinhua("重算" + seed, admin);
		List<Long> households = xinhuaHouseholds(HOUSEHOLD.ID.desc(), 10);
		OffsetDateTime base = OffsetDateTime.now().minusHours(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		int sent = 0;
		for (int step = 0; step < 30; step++) {
			List<VisitInput> batch = new ArrayList<>();
			for (Long household : pick(random, households, 1 + random.nextInt(5))) {
				// four instants only: most households have several visits at one of them
				OffsetDateTime at = base.plusMinutes(random.nextInt(4));
				if (random.nextBoolean()) {
					at = at.withOffsetSameInstant(java.time.ZoneOffset.ofHours(8));
				}
				batch.add(randomVisit(random, household, at));
			}
			assertThat(visits.record(campaign.id(), batch, admin).accepted()).isEqualTo(batch.size());
			sent += batch.size();
		}
		assertThat(sent).isGreaterThan(3 * households.size());
		Map<Long, List<Object>> states = states(campaign.id());
		Map<String, List<Object>> counters = counters(campaign.id());
		assertThat(recount.recount(campaign.id(), admin).differences()).isEmpty();

		db.deleteFrom(SCREENING_HOUSEHOLD).where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaign.id())).execute();
		db.update(SCREENING_COUNTER)
			.set(SCREENING_COUNTER.COVERED, 0L)
			.set(SCREENING_COUNTER.RESIDENTS_ACCOUNTED, 0L)
			.set(SCREENING_COUNTER.FLAGGED, 0L)
			.set(SCREENING_COUNTER.VISITS, 0L)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()))
			.execute();
		Recount.Report rebuilt = recount.recount(campaign.id(), admin);
		assertThat(rebuilt.householdsRepaired()).isEqualTo(states.size());
		assertThat(rebuilt.countersRepaired()).isPositive();
		assertThat(states(campaign.id())).isEqualTo(states);
		assertThat(counters(campaign.id())).isEqualTo(counters);
		assertThat(recount.recount(campaign.id(), admin).clean()).isTrue();
	}

	/** Each household's state in the campaign, its time as an instant. */
	private Map<Long, List<Object>> states(long campaignId) {
		Map<Long, List<Object>> states = new HashMap<>();
		db.selectFrom(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaignId))
			.forEach(r -> states.put(r.getHouseholdId(), List.of(r.getPath(), r.getCovered(), r.getLastVisitId(),
					r.getLastVisitedAt().toInstant(), r.getResidentsAccounted(), r.getFlagged())));
		return states;
	}

	private Map<String, List<Object>> counters(long campaignId) {
		Map<String, List<Object>> counters = new HashMap<>();
		db.selectFrom(SCREENING_COUNTER)
			.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaignId))
			.forEach(r -> counters.put(r.getPath(), List.of(r.getHouseholds(), r.getCovered(),
					r.getResidentsAccounted(), r.getFlagged(), r.getVisits())));
		return counters;
	}

	/** The model: the latest visit decides; older ones arriving later change nothing. */
	private static void apply(Map<Long, Latest> model, VisitInput visit) {
		Latest before = model.get(visit.householdId());
		if (before != null && !VisitWriter.supersedes(visit.visitedAt(), visit.visitId(), before.at(), before.id())) {
			return;
		}
		boolean covered = visit.outcome() == Outcome.COVERED;
		int accounted = covered ? visit.residentsOrEmpty().size() + visit.unregisteredOrEmpty().size() : 0;
		int flagged = (int) visit.residentsOrEmpty().stream().filter(c -> !Visits.flagsOf(c).isEmpty()).count()
				+ (int) visit.unregisteredOrEmpty()
					.stream()
					.filter(n -> !Visits
						.flagsOf(new VisitInput.ResidentCheck(0L, ResidentStatus.PRESENT, null, n.temperature(),
								n.flags()))
						.isEmpty())
					.count();
		model.put(visit.householdId(), new Latest(visit.visitedAt(), visit.visitId(), covered, accounted, flagged));
	}

	private VisitInput randomVisit(SplittableRandom random, long household, OffsetDateTime at) {
		if (random.nextInt(4) == 0) {
			return new VisitInput(UUID.randomUUID(), household, at, Outcome.NOBODY_HOME, List.of(), List.of());
		}
		List<VisitInput.ResidentCheck> checks = new ArrayList<>();
		for (Long person : db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.HOUSEHOLD_ID.eq(household))
			.fetch(PERSON.ID)) {
			ResidentStatus status = ResidentStatus.values()[random.nextInt(3)];
			BigDecimal temperature = status == ResidentStatus.PRESENT
					? new BigDecimal("36.0").add(BigDecimal.valueOf(random.nextInt(25), 1)) : null;
			Set<Flag> flags = random.nextInt(8) == 0 ? EnumSet.of(Flag.HIGH_RISK_TRAVEL) : Set.of();
			checks.add(new VisitInput.ResidentCheck(person, status, status == ResidentStatus.AWAY ? "天津" : null,
					temperature, flags));
		}
		List<VisitInput.NewResident> found = new ArrayList<>();
		if (random.nextInt(15) == 0) {
			String id = IdNumber
				.of("130902", LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)), random.nextInt(1000))
				.value();
			if (db.fetchCount(PERSON, PERSON.ID_NUMBER.eq(id)) == 0) {
				found.add(new VisitInput.NewResident("新发现", id, null, new BigDecimal("36.6"), Set.of()));
			}
		}
		return new VisitInput(UUID.randomUUID(), household, at, Outcome.COVERED, checks, found);
	}

	private static List<Long> pick(SplittableRandom random, List<Long> from, int count) {
		List<Long> copy = new ArrayList<>(from);
		List<Long> picked = new ArrayList<>();
		for (int i = 0; i < count && !copy.isEmpty(); i++) {
			picked.add(copy.remove(random.nextInt(copy.size())));
		}
		return picked;
	}

}
