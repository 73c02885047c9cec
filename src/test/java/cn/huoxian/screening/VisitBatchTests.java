package cn.huoxian.screening;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.SCREENING_COUNTER;
import static cn.huoxian.db.Tables.SCREENING_FLAG;
import static cn.huoxian.db.Tables.SCREENING_HOUSEHOLD;
import static cn.huoxian.db.Tables.SCREENING_VISIT;
import static cn.huoxian.db.Tables.SCREENING_VISIT_RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.huoxian.record.EntryKind;
import cn.huoxian.record.RecordWriter;
import cn.huoxian.record.Records;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch written with one statement per table: the edge cases of its rows, each
 * checked against the tables and the recount — a household visited twice in the same
 * batch (the later visit wins whatever its place), an older visit arriving after a newer
 * one, new and already-visited households in one batch, nobody home (no residents),
 * flags, a retried batch, and the visitor's record entries exactly once.
 */
@SqlTest
class VisitBatchTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	Visits visits;

	@Autowired
	Recount recount;

	@Autowired
	RecordWriter record;

	@Autowired
	Records records;

	@Autowired
	DSLContext db;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aBatchMixingNewAndVisitedHouseholdsKeepsTheLatestVisitOfEach() {
		long visitor = visitor();
		CurrentUser user = administrator(visitor);
		CampaignView campaign = newCampaign("批量边界", user);
		List<Long> h = householdsWithResidents(4);
		OffsetDateTime t = OffsetDateTime.now().minusHours(10).truncatedTo(ChronoUnit.MICROS);
		long figureBefore = records.figures(visitor).getOrDefault(EntryKind.VISIT_MADE.name(), 0L);

		// first batch: h0 covered with a fever, h1 nobody home, h2 covered
		VisitInput h0First = covered(h.get(0), t, new BigDecimal("38.2"));
		VisitInput h1Nobody = nobodyHome(h.get(1), t);
		VisitInput h2First = covered(h.get(2), t.plusMinutes(5), null);
		List<VisitInput> first = List.of(h0First, h1Nobody, h2First);
		assertThat(visits.record(campaign.id(), first, user).accepted()).isEqualTo(3);

		// second batch: h0 again later without fever (wins), h2 older (only history), h3
		// new with two visits of its own — the later one listed first — and h1 covered
		VisitInput h0Later = covered(h.get(0), t.plusHours(1), new BigDecimal("36.5"));
		VisitInput h2Older = nobodyHome(h.get(2), t.minusHours(1));
		VisitInput h3Later = covered(h.get(3), t.plusHours(2), new BigDecimal("37.6"));
		VisitInput h3Earlier = nobodyHome(h.get(3), t.plusHours(1));
		VisitInput h1Covered = covered(h.get(1), t.plusMinutes(1), null);
		List<VisitInput> second = List.of(h0Later, h2Older, h3Later, h3Earlier, h1Covered);
		assertThat(visits.record(campaign.id(), second, user).accepted()).isEqualTo(5);

		Map<Long, UUID> latest = db.select(SCREENING_HOUSEHOLD.HOUSEHOLD_ID, SCREENING_HOUSEHOLD.LAST_VISIT_ID)
			.from(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaign.id()))
			.fetchMap(SCREENING_HOUSEHOLD.HOUSEHOLD_ID, SCREENING_HOUSEHOLD.LAST_VISIT_ID);
		assertThat(latest).containsExactlyInAnyOrderEntriesOf(Map.of(h.get(0), h0Later.visitId(), h.get(1),
				h1Covered.visitId(), h.get(2), h2First.visitId(), h.get(3), h3Later.visitId()));
		var states = db.selectFrom(SCREENING_HOUSEHOLD)
			.where(SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(campaign.id()))
			.fetchMap(SCREENING_HOUSEHOLD.HOUSEHOLD_ID);
		assertThat(states.get(h.get(0)).getFlagged()).isZero();
		assertThat(states.get(h.get(0)).getResidentsAccounted()).isEqualTo(residents(h.get(0)).size());
		assertThat(states.get(h.get(1)).getCovered()).isTrue();
		assertThat(states.get(h.get(2)).getCovered()).isTrue();
		assertThat(states.get(h.get(3)).getFlagged()).isEqualTo(residents(h.get(3)).size());

		// every visit in the history, its residents with it; the fevers flagged once each
		assertThat(db.fetchCount(SCREENING_VISIT, SCREENING_VISIT.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(8);
		assertThat(db.fetchCount(SCREENING_VISIT_RESIDENT, SCREENING_VISIT_RESIDENT.VISIT_ID.eq(h2Older.visitId())))
			.isZero();
		assertThat(db.fetchCount(SCREENING_VISIT_RESIDENT, SCREENING_VISIT_RESIDENT.VISIT_ID.eq(h0Later.visitId())))
			.isEqualTo(residents(h.get(0)).size());
		assertThat(db.select(SCREENING_VISIT_RESIDENT.TEMPERATURE)
			.from(SCREENING_VISIT_RESIDENT)
			.where(SCREENING_VISIT_RESIDENT.VISIT_ID.eq(h3Later.visitId()))
			.fetch(SCREENING_VISIT_RESIDENT.TEMPERATURE)).containsOnly(new BigDecimal("37.6"));
		assertThat(db.select(SCREENING_FLAG.VISIT_ID)
			.from(SCREENING_FLAG)
			.where(SCREENING_FLAG.CAMPAIGN_ID.eq(campaign.id()))
			.fetch(SCREENING_FLAG.VISIT_ID)).containsOnly(h0First.visitId(), h3Later.visitId())
			.hasSize(residents(h.get(0)).size() + residents(h.get(3)).size());

		// retried batches change nothing
		assertThat(visits.record(campaign.id(), second, user).accepted()).isZero();
		assertThat(visits.record(campaign.id(), first, user).accepted()).isZero();
		assertThat(db.fetchCount(SCREENING_VISIT, SCREENING_VISIT.CAMPAIGN_ID.eq(campaign.id()))).isEqualTo(8);

		Recount.Report report = recount.recount(campaign.id(), user);
		assertThat(report.differences()).isEmpty();
		assertThat(report.clean()).isTrue();

		// the visitor's record: one entry per visit, counted once
		List<String> ids = new ArrayList<>();
		first.forEach(v -> ids.add(v.visitId().toString()));
		second.forEach(v -> ids.add(v.visitId().toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> record.present("SCREENING_VISIT", ids) == 8);
		assertThat(records.figures(visitor).get(EntryKind.VISIT_MADE.name())).isEqualTo(figureBefore + 8);
	}

	private List<Long> residents(long household) {
		return db.select(PERSON.ID).from(PERSON).where(PERSON.HOUSEHOLD_ID.eq(household)).fetch(PERSON.ID);
	}

	/**
	 * A recount started while a batch is still in its transaction waits for it, then
	 * counts it: it neither reads the batch half written nor overwrites its counters.
	 */
	@Test
	void aRecountWaitsForTheBatchInFlightAndCountsIt() throws Exception {
		CurrentUser user = administrator(visitor());
		CampaignView campaign = newCampaign("重新核算", user);
		long household = householdsWithResidents(1).get(0);
		VisitInput visit = covered(household, OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MICROS), null);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> batch = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				visits.record(campaign.id(), List.of(visit), user);
				written.countDown();
				awaitQuietly(release);
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Recount.Report> recounted = pool.submit(() -> recount.recount(campaign.id(), user));
			Thread.sleep(400);
			assertThat(recounted).as("the recount waits for the batch's transaction").isNotDone();
			release.countDown();
			batch.get(30, TimeUnit.SECONDS);
			Recount.Report report = recounted.get(30, TimeUnit.SECONDS);
			assertThat(report.clean()).as(report.differences().toString()).isTrue();
			assertThat(report.householdsChecked()).isEqualTo(1);
			assertThat(db.select(SCREENING_COUNTER.COVERED)
				.from(SCREENING_COUNTER)
				.join(REGION)
				.on(REGION.ID.eq(SCREENING_COUNTER.REGION_ID))
				.where(SCREENING_COUNTER.CAMPAIGN_ID.eq(campaign.id()), REGION.CODE.eq("130903"))
				.fetchOne(SCREENING_COUNTER.COVERED)).isEqualTo(1);
			assertThat(recount.recount(campaign.id(), user).clean()).isTrue();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	/** The first person of 130903 运河区: the visits' visitor. */
	private long visitor() {
		return db.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.PATH.like("/130900/130903/%"))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
	}

	private static CurrentUser administrator(long personId) {
		return new CurrentUser("admin", personId, Role.CITY_ADMIN, DataScope.ofRegions(RegionPath.root("130900")));
	}

	private CampaignView newCampaign(String name, CurrentUser user) {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		return campaigns.create(
				new CampaignForm(name + System.nanoTime(), "130903", today.minusDays(2), today.plusDays(1), Set.of()),
				user);
	}

	private List<Long> householdsWithResidents(int count) {
		return db.select(HOUSEHOLD.ID)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.PATH.like("/130900/130903/%"))
			.and(HOUSEHOLD.ID.in(db.select(PERSON.HOUSEHOLD_ID).from(PERSON)))
			.orderBy(HOUSEHOLD.ID)
			.limit(count)
			.fetch(HOUSEHOLD.ID);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private VisitInput covered(long household, OffsetDateTime at, BigDecimal temperature) {
		List<VisitInput.ResidentCheck> checks = new ArrayList<>();
		for (Long person : residents(household)) {
			checks.add(new VisitInput.ResidentCheck(person, ResidentStatus.PRESENT, null, temperature, Set.of()));
		}
		return new VisitInput(UUID.randomUUID(), household, at, Outcome.COVERED, checks, List.of());
	}

	private static VisitInput nobodyHome(long household, OffsetDateTime at) {
		return new VisitInput(UUID.randomUUID(), household, at, Outcome.NOBODY_HOME, List.of(), List.of());
	}

}
