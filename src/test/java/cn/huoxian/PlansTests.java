package cn.huoxian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import cn.huoxian.isolation.BenchLoad;
import cn.huoxian.isolation.Cases;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.Records;
import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.Recount;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionFigure;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import org.awaitility.Awaitility;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans that stay good (issue 13): on PostgreSQL only (the "sql" pass given
 * -Dhuoxian.test.pg.url), a small demo city is generated into a database of its own,
 * given a campaign with visits, isolation cases and record entries, and then its planner
 * statistics are deleted — as on a server without autovacuum whose tables were never
 * analysed after a load. Every statement the hot read paths issue is captured as the real
 * code renders it and EXPLAINed: no sequential scan of a large table, and no plan that
 * reads orders of magnitude more rows than it returns.
 */
@Tag("sql")
class PlansTests {

	/**
	 * About 51,000 households and 148,000 residents: large enough that a scan is wrong.
	 */
	private static final double SCALE = 0.02;

	/** Households covered first, in path order: the city's blind-spot page skips them. */
	private static final int COVERED = 4_000;

	/**
	 * Visits sent again in the duplicate check: few, as a share of the visits. At this
	 * scale 50 keys of a unique index are 1.25 % of the visits, where a scan is as good
	 * and is chosen on exact estimates (a unique index needs no statistics); on the full
	 * city a batch of 500 is 0.01 % and probes the index.
	 */
	private static final int RESENT = 10;

	private static final String CITY = "130900";

	/** Tables whose sequential scan on a hot path is a wrong plan. */
	private static final Set<String> LARGE = Set.of("household", "person", "building", "person_role", "screening_visit",
			"screening_visit_resident", "screening_household", "screening_counter", "isolation_case",
			"isolation_contact", "isolation_responsible", "record_entry", "record_figure", "deployment", "audit_log");

	/**
	 * Rows a plan may read per row it returns, beyond a fixed allowance (EXPLAIN ANALYZE
	 * of the read-only statements).
	 */
	private static final long ROWS_PER_ROW = 100;

	private static final long ALLOWANCE = 20_000;

	private static final List<String> captured = new CopyOnWriteArrayList<>();

	private static String database;

	private static String adminUrl;

	private static ConfigurableApplicationContext context;

	private static CurrentUser admin;

	private static DataScope city;

	private static long campaignId;

	private static long visitor;

	private static List<VisitInput> lastBatch;

	/** The bad plans of the running test, all of its statements judged. */
	private final List<String> bad = new ArrayList<>();

	@BeforeAll
	static void cityWithoutStatistics() throws Exception {
		String url = System.getProperty("spring.datasource.url", "");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "EXPLAIN checks run in the PostgreSQL pass only");
		adminUrl = url;
		database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_plans";
		execute(adminUrl, "drop database if exists " + database, "create database " + database
				+ " template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'");
		context = new SpringApplicationBuilder(HuoxianApplication.class).web(WebApplicationType.SERVLET)
			.profiles("demo", "test")
			.initializers(c -> c.getBeanFactory()
				.registerSingleton("capturingListener",
						(ExecuteListenerProvider) new DefaultExecuteListenerProvider(new Capture())))
			.run("--server.port=0", "--spring.datasource.url=" + databaseUrl(), "--huoxian.demo.scale=" + SCALE,
					"--huoxian.record.linger=0ms");
		city = DataScope.ofRegions(RegionPath.root(CITY));
		HouseholdView first = bean(Households.class).list(CITY, 0, 1, city).items().get(0);
		visitor = bean(People.class).residentNames(List.of(first.id())).get(first.id()).keySet().iterator().next();
		admin = new CurrentUser("admin", visitor, Role.CITY_ADMIN, city);
		load();
		forgetStatistics();
	}

	@AfterEach
	void noBadPlans() {
		assertThat(bad).as("bad plans (%d)", bad.size()).isEmpty();
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		if (context != null) {
			context.close();
		}
		// -Dhuoxian.test.plans.keep=true keeps the city to EXPLAIN by hand
		if (database != null && !Boolean.getBoolean("huoxian.test.plans.keep")) {
			execute(adminUrl, "drop database if exists " + database + " with (force)");
		}
	}

	@Test
	void noJitCompilationOnTheApplicationsConnections() {
		// estimates on never-analysed tables are huge: a JIT compilation would cost more
		// than the probes it compiles
		assertThat(bean(org.jooq.DSLContext.class).fetchValue("show jit")).isEqualTo("off");
	}

	@Test
	void treePagesAndChildren() throws Exception {
		Regions regions = bean(Regions.class);
		for (RegionLevel level : List.of(RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP,
				RegionLevel.VILLAGE)) {
			RegionView region = level == RegionLevel.CITY ? regions.find(CITY, city)
					: regions.under(RegionPath.root(CITY), level).get(0);
			assertGoodPlans("tree page of a " + level, () -> {
				regions.find(region.code(), city);
				regions.breadcrumbs(region.code(), city);
				context.getBeansOfType(RegionFigure.class).values().forEach(f -> f.value(region.path(), city));
				regions.children(region.code(), city);
			});
		}
	}

	@Test
	void householdsOfAGrid() throws Exception {
		String grid = lastGrid();
		assertGoodPlans("households of a grid", () -> bean(Households.class).list(grid, 0, 50, city));
	}

	@Test
	void personByIdNumberPhoneAndName() throws Exception {
		People people = bean(People.class);
		String idNumber = people.sampleIdNumbers(new java.util.Random(7), 1).get(0);
		assertGoodPlans("person by ID number", () -> people.search(null, idNumber, 0, 20, city));
		String phone = bean(org.jooq.DSLContext.class).select(cn.huoxian.db.Tables.PERSON.PHONE)
			.from(cn.huoxian.db.Tables.PERSON)
			.where(cn.huoxian.db.Tables.PERSON.PHONE.isNotNull())
			.limit(1)
			.fetchOne(cn.huoxian.db.Tables.PERSON.PHONE);
		assertGoodPlans("person by phone", () -> people.search(null, phone, 0, 20, city));
		String county = bean(Regions.class).under(RegionPath.root(CITY), RegionLevel.COUNTY).get(0).code();
		assertGoodPlans("person by name in a county", () -> people.search(county, "王", 0, 20, city));
	}

	@Test
	void coverageAndBlindSpots() throws Exception {
		Coverage coverage = bean(Coverage.class);
		String community = lastGrid().substring(0, 12);
		assertGoodPlans("coverage of the city", () -> coverage.coverage(campaignId, CITY, city));
		assertGoodPlans("coverage of a community", () -> coverage.coverage(campaignId, community, city));
		assertGoodPlans("blind spots of a community", () -> coverage.blindSpots(campaignId, community, 0, 50, city));
		assertGoodPlans("blind spots of the city", () -> coverage.blindSpots(campaignId, CITY, 0, 50, city));
		assertGoodPlans("blind spots of the city, page 20", () -> coverage.blindSpots(campaignId, CITY, 20, 50, city));
	}

	@Test
	void visitBatchDuplicateCheck() throws Exception {
		// visits are sent again: every one is a duplicate, nothing is written
		List<VisitInput> resent = lastBatch.subList(lastBatch.size() - RESENT, lastBatch.size());
		assertGoodPlans("a visit batch sent twice",
				() -> assertThat(bean(Visits.class).record(campaignId, resent, admin).duplicates()).isEqualTo(RESENT));
	}

	@Test
	void visitBatchRevisitingHouseholds() throws Exception {
		// some of the last batch's households visited again, later: their states are
		// updated from the batch's arrays, each found by its key (few, as in the
		// duplicate check: at this scale a large share is rightly read by a scan)
		OffsetDateTime later = OffsetDateTime.now(bean(Clock.class)).minusMinutes(30);
		List<VisitInput> again = lastBatch.stream()
			.limit(RESENT)
			.map(v -> new VisitInput(UUID.randomUUID(), v.householdId(), later, v.outcome(), v.residents(), null))
			.toList();
		assertGoodPlans("a visit batch revisiting households",
				() -> assertThat(bean(Visits.class).record(campaignId, again, admin).accepted()).isEqualTo(RESENT));
	}

	@Test
	void overdueLists() throws Exception {
		Cases cases = bean(Cases.class);
		LocalDate today = BusinessDay.today(bean(Clock.class));
		RegionPath county = bean(Regions.class).under(RegionPath.root(CITY), RegionLevel.COUNTY).get(0).path();
		assertGoodPlans("overdue list of the city", () -> cases.overdue(RegionPath.root(CITY), today, 0, 50, city));
		assertGoodPlans("overdue list of a county", () -> cases.overdue(county, today, 0, 50, city));
		assertGoodPlans("overdue list of the city yesterday",
				() -> cases.overdue(RegionPath.root(CITY), today.minusDays(1), 0, 50, city));
		assertGoodPlans("overdue list of the city, page 10",
				() -> cases.overdue(RegionPath.root(CITY), today, 10, 50, city));
		assertGoodPlans("contacts of a county", () -> cases.contactsUnder(county, today.minusDays(2), 0, 50, city));
	}

	/**
	 * The overdue count and the ids of its page read the index on (path, id, status,
	 * last_reached_day, start_date, end_date) alone (V23), neither today's contacts nor
	 * the rows of more cases than the page shows.
	 */
	/**
	 * A surname search's bounded count reads V40's (surname, path) index alone: one range
	 * of the county's entries, not every name the surname begins in the city.
	 */
	@Test
	void surnameCountReadsTheSurnameIndexOnly() throws Exception {
		String county = bean(Regions.class).under(RegionPath.root(CITY), RegionLevel.COUNTY).get(0).code();
		captured.clear();
		bean(People.class).search(county, "王", 0, 20, city);
		List<String> counts = captured.stream().filter(sql -> sql.contains("count(")).toList();
		assertThat(counts).as("the bounded count").hasSize(1);
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "postgres", "")) {
			List<JsonNode> nodes = new ArrayList<>();
			Plans.collect(Plans.explain(connection, "explain (analyze, format json) " + counts.get(0)), nodes);
			assertThat(nodes).as("plan of %s", counts.get(0)).anySatisfy(node -> {
				assertThat(node.path("Node Type").asString()).isEqualTo("Index Only Scan");
				assertThat(node.path("Index Name").asString()).isEqualTo("ix_person_surname_path");
			});
		}
	}

	@Test
	void overdueCountAndPageReadTheIndexOnly() throws Exception {
		Cases cases = bean(Cases.class);
		LocalDate today = BusinessDay.today(bean(Clock.class));
		captured.clear();
		cases.overdue(RegionPath.root(CITY), today, 0, 50, city);
		List<String> statements = captured.stream().filter(sql -> sql.contains("last_reached_day")).toList();
		assertThat(statements).as("the count and the page").hasSize(2);
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "postgres", "")) {
			for (String sql : statements) {
				List<JsonNode> nodes = new ArrayList<>();
				Plans.collect(Plans.explain(connection, "explain (analyze, format json) " + sql), nodes);
				assertThat(nodes).as("plan of %s", sql).anySatisfy(node -> {
					assertThat(node.path("Node Type").asString()).isEqualTo("Index Only Scan");
					assertThat(node.path("Index Name").asString()).isEqualTo("ix_isolation_case_path_open");
				}).as("the page reads the index in its order and stops after the page").noneSatisfy(node -> {
					assertThat(sql.toLowerCase(java.util.Locale.ROOT)).contains("order by");
					assertThat(node.path("Node Type").asString()).isEqualTo("Index Only Scan");
					assertThat(node.path("Actual Rows").asLong()).isGreaterThan(50);
				}).as("today's contacts are never read").noneSatisfy(node -> {
					assertThat(node.path("Relation Name").asString()).isEqualTo("isolation_contact");
					assertThat(node.path("Actual Loops").asLong()).isPositive();
				}).noneSatisfy(node -> {
					assertThat(node.path("Node Type").asString()).isEqualTo("Index Scan");
					assertThat(node.path("Relation Name").asString()).isEqualTo("isolation_case");
					assertThat(node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong()))
						.isGreaterThan(50);
				});
			}
		}
	}

	/**
	 * The cases isolation.BenchLoad adds in bulk keep last_reached_day as Cases.contact
	 * does, and the lists of today and the two days before count what the day's contacts
	 * say.
	 */
	@Test
	void bulkLoadedCasesKeepTheirLastReachedDay() {
		org.jooq.DSLContext db = bean(org.jooq.DSLContext.class);
		assertThat(db.fetchValue("select count(*) from isolation_case c where last_reached_day is distinct from "
				+ "(select max(k.business_day) from isolation_contact k where k.case_id = c.id and k.reached)"))
			.isEqualTo(0L);
		LocalDate today = BusinessDay.today(bean(Clock.class));
		for (int daysAgo = 0; daysAgo < 3; daysAgo++) {
			LocalDate day = today.minusDays(daysAgo);
			long expected = ((Number) db.fetchValue("select count(*) from isolation_case c where path like '/" + CITY
					+ "/%' and status in ('ACTIVE', 'EXTENDED') and start_date <= {0} and end_date >= {0} "
					+ "and not exists (select 1 from isolation_contact k where k.case_id = c.id "
					+ "and k.business_day = {0} and k.reached)", org.jooq.impl.DSL.val(day)))
				.longValue();
			assertThat(bean(Cases.class).overdue(RegionPath.root(CITY), day, 0, 50, city).total())
				.as("overdue on %s", day)
				.isEqualTo(expected)
				.isPositive();
		}
	}

	@Test
	void recordProfile() throws Exception {
		Records records = bean(Records.class);
		assertGoodPlans("the busiest record profile", () -> records.profile(visitor, null, 0, 50, admin, "test"));
	}

	/**
	 * The recount of a campaign the statistics do not know (they were taken before its
	 * visits came, as on the city where a campaign's 160,000 visits took more than 7
	 * minutes to recount) and of one never analysed: the recount reads whole campaigns,
	 * so a sequential scan is no fault here, but no statement may rescan the campaign per
	 * row (the latest visit per household was an anti join that did). The recount runs in
	 * a transaction rolled back, so its own ANALYZE leaves the statistics as they were.
	 */
	@Test
	void recountOfACampaign() throws Exception {
		execute(databaseUrl(), "analyze screening_visit, screening_visit_resident, screening_household");
		try {
			long second = secondCampaign();
			Recount recount = bean(Recount.class);
			var transactions = new TransactionTemplate(bean(PlatformTransactionManager.class));
			ThrowingRunnable recountRolledBack = () -> transactions.executeWithoutResult(status -> {
				assertThat(recount.recount(second, admin).clean()).isTrue();
				status.setRollbackOnly();
			});
			assertGoodRecountPlans("recount of a campaign the statistics do not know", recountRolledBack);
			forgetStatistics();
			assertGoodRecountPlans("recount of a campaign never analysed", recountRolledBack);
		}
		finally {
			forgetStatistics();
		}
	}

	/**
	 * A second campaign of the whole city, opened after the statistics were taken: the
	 * first 1,000 households in path order visited twice or three times, some later
	 * visits at the same instant and some older ones arriving late.
	 */
	private static long secondCampaign() {
		LocalDate today = BusinessDay.today(bean(Clock.class));
		long campaign = bean(Campaigns.class)
			.create(new CampaignForm("plans recount", CITY, today.minusDays(3), today.plusDays(3), null), admin)
			.id();
		Households households = bean(Households.class);
		People people = bean(People.class);
		OffsetDateTime at = OffsetDateTime.now(bean(Clock.class)).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
		java.util.Random random = new java.util.Random(13);
		for (int round = 0; round < 3; round++) {
			for (int page = 0; page < 2; page++) {
				List<HouseholdView> batch = households.list(CITY, page, 500, city).items();
				Map<Long, Map<Long, String>> residents = people
					.residentNames(batch.stream().map(HouseholdView::id).toList());
				List<VisitInput> visits = new ArrayList<>();
				for (HouseholdView household : batch) {
					if (round == 2 && random.nextBoolean()) {
						continue;
					}
					List<VisitInput.ResidentCheck> checks = present(residents, household.id());
					boolean covered = !checks.isEmpty() && random.nextInt(4) > 0;
					visits.add(new VisitInput(UUID.randomUUID(), household.id(), at.plusMinutes(random.nextInt(3)),
							covered ? Outcome.COVERED : Outcome.NOBODY_HOME, covered ? checks : List.of(), null));
				}
				bean(Visits.class).record(campaign, visits, admin);
			}
		}
		return campaign;
	}

	/**
	 * Runs the recount, then EXPLAINs every query it issued for rows read and thrown
	 * away, not for sequential scans.
	 */
	private void assertGoodRecountPlans(String what, ThrowingRunnable path) throws Exception {
		judge(what, path, Set.of());
	}

	/**
	 * Runs the code path, then EXPLAINs every query it issued; the test fails after all
	 * its paths are judged, listing every bad plan.
	 */
	private void assertGoodPlans(String what, ThrowingRunnable path) throws Exception {
		judge(what, path, LARGE);
	}

	/**
	 * EXPLAINs what the path issued; a sequential scan of a table in {@code large} is
	 * bad.
	 */
	private void judge(String what, ThrowingRunnable path, Set<String> large) throws Exception {
		captured.clear();
		path.run();
		List<String> statements = List.copyOf(captured);
		assertThat(statements).as(what + ": statements captured").isNotEmpty();
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "postgres", "")) {
			connection.setAutoCommit(false);
			for (String sql : statements) {
				Plans.problems(connection, sql, large, ROWS_PER_ROW, ALLOWANCE).forEach(p -> bad.add(what + ": " + p));
			}
			connection.rollback();
		}
	}

	/**
	 * A campaign of the whole city whose first {@link #COVERED} households in path order
	 * are covered (batches of 500 through the real batch path), isolation cases with
	 * contacts, and the visits' record entries.
	 */
	private static void load() {
		LocalDate today = BusinessDay.today(bean(Clock.class));
		campaignId = bean(Campaigns.class)
			.create(new CampaignForm("plans", CITY, today.minusDays(3), today.plusDays(3), null), admin)
			.id();
		Households households = bean(Households.class);
		People people = bean(People.class);
		OffsetDateTime at = OffsetDateTime.now(bean(Clock.class)).minusHours(1);
		for (int page = 0; page * 500 < COVERED; page++) {
			List<HouseholdView> batch = households.list(CITY, page, 500, city).items();
			Map<Long, Map<Long, String>> residents = people
				.residentNames(batch.stream().map(HouseholdView::id).toList());
			List<VisitInput> visits = new ArrayList<>();
			for (HouseholdView household : batch) {
				List<VisitInput.ResidentCheck> checks = present(residents, household.id());
				visits.add(new VisitInput(UUID.randomUUID(), household.id(), at,
						checks.isEmpty() ? Outcome.NOBODY_HOME : Outcome.COVERED, checks, null));
			}
			bean(Visits.class).record(campaignId, visits, admin);
			lastBatch = visits;
		}
		bean(BenchLoad.class).ensure(1_500, today);
		Awaitility.await().atMost(2, TimeUnit.MINUTES).until(() -> bean(RecordInbox.class).queued() == 0);
	}

	/**
	 * The state of a database that was loaded and never analysed: no column statistics
	 * and no row counts (as superuser; CI connects as postgres).
	 */
	private static void forgetStatistics() throws SQLException {
		execute(databaseUrl(),
				"delete from pg_statistic where starelid in (select c.oid from pg_class c "
						+ "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public')",
				"update pg_class set reltuples = -1, relpages = 0, relallvisible = 0 where relnamespace = "
						+ "'public'::regnamespace and relkind = 'r'");
	}

	private static String lastGrid() {
		List<RegionView> grids = bean(Regions.class).under(RegionPath.root(CITY), RegionLevel.GRID);
		return grids.get(grids.size() - 1).code();
	}

	private static String databaseUrl() {
		return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
	}

	private static <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	private static void execute(String url, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	/** Records every SELECT the application renders, with its values inlined. */
	static final class Capture implements ExecuteListener {

		@Override
		public void executeStart(ExecuteContext ctx) {
			if (ctx.query() == null) {
				return;
			}
			String sql = ctx.query().getSQL(ParamType.INLINED);
			String head = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
			if (head.startsWith("select") || head.startsWith("with")) {
				captured.add(sql);
			}
		}

	}

	/** EXPLAIN of one statement and the checks on its plan. */
	static final class Plans {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		/**
		 * What is wrong with the plan of one statement, each with the statement and plan.
		 */
		static List<String> problems(Connection connection, String sql, Set<String> large, long rowsPerRow,
				long allowance) throws Exception {
			// a SELECT (also FOR UPDATE) runs in a transaction rolled back afterwards
			boolean readOnly = sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select");
			JsonNode plan = explain(connection,
					(readOnly ? "explain (analyze, format json) " : "explain (format json) ") + sql);
			List<JsonNode> nodes = new ArrayList<>();
			collect(plan, nodes);
			List<String> found = new ArrayList<>();
			for (JsonNode node : nodes) {
				String relation = node.path("Relation Name").asString("");
				if ("Seq Scan".equals(node.path("Node Type").asString()) && large.contains(relation)) {
					found.add("sequential scan of " + relation);
				}
			}
			if (readOnly) {
				long returned = plan.path("Actual Rows").asLong();
				long read = 0;
				for (JsonNode node : nodes) {
					long loops = Math.max(1, node.path("Actual Loops").asLong());
					read += (node.path("Rows Removed by Filter").asLong()
							+ node.path("Rows Removed by Join Filter").asLong()) * loops;
				}
				if (read > allowance + rowsPerRow * returned) {
					found.add(read + " rows removed by filters for " + returned + " returned");
				}
			}
			return found.isEmpty() ? found
					: List.of(String.join(", ", found) + " in\n" + sql + "\n" + plan.toPrettyString() + "\n");
		}

		static JsonNode explain(Connection connection, String sql) throws Exception {
			try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
				result.next();
				return JSON.readTree(result.getString(1)).get(0).get("Plan");
			}
		}

		static void collect(JsonNode node, List<JsonNode> nodes) {
			nodes.add(node);
			node.path("Plans").forEach(child -> collect(child, nodes));
		}

	}

	/** Every registered resident of the household present at 36.5 °C. */
	private static List<VisitInput.ResidentCheck> present(Map<Long, Map<Long, String>> residents, long householdId) {
		return residents.getOrDefault(householdId, new HashMap<>())
			.keySet()
			.stream()
			.map(p -> new VisitInput.ResidentCheck(p, ResidentStatus.PRESENT, null, new BigDecimal("36.5"), Set.of()))
			.toList();
	}

}
