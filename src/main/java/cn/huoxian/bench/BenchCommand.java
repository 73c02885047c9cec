package cn.huoxian.bench;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import cn.huoxian.demo.DemoCity;
import cn.huoxian.isolation.Cases;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.reporting.Headline;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CitySettings;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar huoxian.jar bench}: on a database that holds the generated demo city,
 * in the demo profile (it writes test data; it refuses elsewhere, see BenchGuard), times
 * what the hot pages ask of the services (a city administrator's scope), with warm-up,
 * and prints median and 95th percentile per operation as a Markdown table; exits 0 when
 * every target is met, 2 when not. {@code --bench.iterations} (default 500) and
 * {@code --bench.warmup} (default 100) tune it; a slow operation warms up for at most a
 * quarter of {@code --bench.max-seconds} (default 60) and is measured until that much
 * time has passed. {@code --bench.only=text} measures only the operations whose name
 * contains the text (e.g. {@code headline}).
 */
@Component
class BenchCommand implements ApplicationRunner {

	static final String NAME = "bench";

	private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

	/** The screening read paths' names (they need a city-wide campaign). */
	private static final String[] SCREENING = { "screening coverage of the city with children",
			"screening coverage of a grid's community with children", "first blind-spot page of a community (50 rows)",
			"first blind-spot page of the city (50 rows)" };

	private static final String RECORD_VISITS = "record: 2,000 visit events (one event per 1,000-visit batch), ms until every entry is in";

	private final Regions regions;

	private final cn.huoxian.org.Units units;

	private final People people;

	private final Households households;

	private final Campaigns campaigns;

	private final Coverage coverage;

	private final Cases cases;

	private final Headline headline;

	private final RecordThroughput record;

	private final cn.huoxian.record.Records records;

	private final cn.huoxian.record.Assessments assessments;

	private final org.jooq.DSLContext db;

	private final DataSource dataSource;

	private final ConfigurableApplicationContext context;

	private final String cityCode;

	private final int iterations;

	private final int warmup;

	private final double maxSeconds;

	private final String only;

	private final Environment environment;

	private final DemoCity demoCity;

	private final String url;

	private final Clock clock;

	private final cn.huoxian.screening.BenchVisits benchVisits;

	private final cn.huoxian.access.Accounts accounts;

	/** Keeps the results alive so no call can be optimised away. */
	private long sink;

	BenchCommand(Regions regions, cn.huoxian.org.Units units, People people, Households households, Campaigns campaigns,
			Coverage coverage, Cases cases, Headline headline, org.jooq.DSLContext db,
			org.springframework.transaction.support.TransactionTemplate transactions, cn.huoxian.record.Records records,
			cn.huoxian.record.Assessments assessments, DataSource dataSource, ConfigurableApplicationContext context,
			CitySettings city, BenchSettings settings, Environment environment, DemoCity demoCity,
			@Value("${spring.datasource.url:}") String url, Clock clock, cn.huoxian.screening.BenchVisits benchVisits,
			cn.huoxian.access.Accounts accounts) {
		this.clock = clock;
		this.benchVisits = benchVisits;
		this.accounts = accounts;
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.households = households;
		this.campaigns = campaigns;
		this.coverage = coverage;
		this.cases = cases;
		this.headline = headline;
		this.record = new RecordThroughput(context.getBean(cn.huoxian.screening.Visits.class),
				context.getBean(cn.huoxian.deployment.Deployments.class),
				context.getBean(cn.huoxian.record.RecordWriter.class), context, transactions,
				context.getBean(cn.huoxian.record.RecordInbox.class), clock);
		this.records = records;
		this.assessments = assessments;
		this.db = db;
		this.dataSource = dataSource;
		this.context = context;
		this.cityCode = city.cityCode();
		this.iterations = settings.iterations();
		this.warmup = settings.warmup();
		this.maxSeconds = settings.maxSeconds();
		this.only = settings.only();
		this.environment = environment;
		this.demoCity = demoCity;
		this.url = url;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains(NAME)) {
			return;
		}
		String refusal = BenchGuard.refusal(environment, url, demoCity::holdsDemoCity);
		if (refusal != null) {
			log.error(refusal);
			System.exit(SpringApplication.exit(context, () -> 1));
			return;
		}
		int status;
		try {
			List<Measurement> results = bench();
			report(results);
			status = results.stream().anyMatch(m -> m.verdict().equals("FAIL")) ? 2 : 0;
		}
		catch (SQLException | RuntimeException ex) {
			log.error("bench failed: {}", ex.getMessage(), ex);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	List<Measurement> bench() throws SQLException {
		DataScope city = DataScope.ofRegions(RegionPath.root(cityCode));
		RegionView root = regions.find(cityCode, city);
		if (root.counts().residents() == 0) {
			throw new IllegalStateException("region " + cityCode + " has no residents: generate the demo city first");
		}
		log.info("Bench on a city of {} residents in {} households: {} iterations after {} warm-up",
				root.counts().residents(), root.counts().households(), iterations, warmup);
		log.info("Database: {}", Sample.describe(dataSource));
		Sample sample = Sample.draw(regions, people, new Random(42), iterations + warmup);
		List<String> counties = sample.counties();
		List<String> townships = sample.townships();
		List<String> grids = sample.grids();
		List<String> ids = sample.idNumbers();
		List<Measurement> results = new ArrayList<>();
		visitsFor(city, grids);
		results.add(measure("city tree page (" + cityCode + ")", 50, i -> tree(cityCode, city)));
		results.add(measure("county tree page", 50, i -> tree(counties.get(i % counties.size()), city)));
		results.add(measure("township tree page", 50, i -> tree(townships.get(i % townships.size()), city)));
		results.add(measure("person by ID number (city scope)", 10,
				i -> people.search(null, ids.get(i % ids.size()), 0, 20, city).total()));
		results.add(measure("households page of a grid (50 rows)", 0,
				i -> households.list(grids.get(i % grids.size()), 0, 50, city).items().size()));
		// issue 13: the total is counted up to 1,000 ("more than 1,000")
		results.add(measure("person by name prefix in a county (20 rows + total)", 50,
				i -> people
					.search(counties.get(i % counties.size()), String.valueOf(SURNAMES.charAt(i % SURNAMES.length())),
							0, 20, city)
					.total()));
		screening(city, grids, results);
		isolation(city, results);
		results.add(measure("headline figures of the city (" + cityCode + ")", 50,
				i -> headline.of(cityCode, city).size()));
		results.add(measure("headline figures of a county", 50,
				i -> headline.of(counties.get(i % counties.size()), city).size()));
		results.add(measure("headline: the city's deployed leading cadres and commando members by scanning the records",
				0, i -> scanHeadline(cityCode)));
		dailyReports(city, counties, results);
		workbench(city, counties, grids, results);
		profiles(city, results);
		record(results);
		duty(results);
		storedDuty(city, results);
		results.removeIf(java.util.Objects::isNull);
		return results;
	}

	/**
	 * The screening read paths need a city-wide campaign and the record's visit stage
	 * {@value RecordThroughput#VISIT_ROUNDS} × 2,000 visits that name a visitor: what is
	 * missing is recorded through the screening service in the admin account's name, as a
	 * grid worker's batches would be (nothing when the city has them: an earlier bench,
	 * the load test).
	 */
	private void visitsFor(DataScope city, List<String> grids) {
		if (!selected(SCREENING) && !selected(RECORD_VISITS)) {
			return;
		}
		Long visitor = accounts.personOf("admin").orElse(null);
		var user = new cn.huoxian.shared.CurrentUser("bench", visitor, cn.huoxian.shared.Role.CITY_ADMIN, city);
		benchVisits.ensure(RecordThroughput.VISIT_ROUNDS * RecordThroughput.EVENTS, cityCode, grids, user);
	}

	/**
	 * Issue 15: today's daily-report roll-up of the city and of a county (each region
	 * below with its expected count and tally), as the roll-up page reads them, and the
	 * command dashboard of both.
	 */
	private void dailyReports(DataScope city, List<String> counties, List<Measurement> results) {
		var rollups = context.getBean(cn.huoxian.reporting.DailyRollups.class);
		var admin = new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.CITY_ADMIN, city);
		java.time.LocalDate today = cn.huoxian.shared.BusinessDay.today(clock);
		results.add(measure("daily report roll-up of the city with its counties", 50,
				i -> rollups.rollup(cityCode, today, admin).children().size()));
		results.add(measure("daily report roll-up of a county with its townships", 50,
				i -> rollups.rollup(counties.get(i % counties.size()), today, admin).children().size()));
		var reports = context.getBean(cn.huoxian.reporting.DailyReports.class);
		List<String> villages = context.getBean(cn.huoxian.org.Regions.class)
			.atLevel(cn.huoxian.org.RegionLevel.VILLAGE)
			.stream()
			.map(cn.huoxian.org.RegionView::code)
			.toList();
		results.add(measure("daily report of a community as it opens, prefilled from the records", 50,
				i -> reports.find(villages.get((i * 7919) % villages.size()), today, admin).figures().size()));
		var dashboard = context.getBean(cn.huoxian.reporting.Dashboard.class);
		results.add(measure("command dashboard of the city: every figure with its 30-day trend, and the counties", 50,
				i -> dashboard.of(cityCode, 30, admin).figures().size()));
		results.add(measure("command dashboard of a county with its townships", 50,
				i -> dashboard.of(counties.get(i % counties.size()), 30, admin).figures().size()));
	}

	/**
	 * Issue 14: every tile of a home page, as the page asks them, for an administrator of
	 * the city, a county's staff and a grid worker (target 50 ms each).
	 */
	private void workbench(DataScope city, List<String> counties, List<String> grids, List<Measurement> results) {
		List<cn.huoxian.shared.WorkbenchTiles> sources = List
			.copyOf(context.getBeansOfType(cn.huoxian.shared.WorkbenchTiles.class).values());
		java.util.function.Function<cn.huoxian.shared.CurrentUser, Integer> tiles = user -> sources.stream()
			.mapToInt(s -> s.tiles(user).size())
			.sum();
		var admin = new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.CITY_ADMIN, city);
		results.add(measure("home page tiles of the city's administrator", 50, i -> tiles.apply(admin)));
		// which module's tiles the administrator's time goes to
		for (cn.huoxian.shared.WorkbenchTiles source : sources) {
			String name = org.springframework.aop.support.AopUtils.getTargetClass(source).getSimpleName();
			results.add(measure("home page tiles of the city's administrator: " + name, 50,
					i -> source.tiles(admin).size()));
		}
		results.add(measure("home page tiles of a county's staff", 50,
				i -> tiles.apply(new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.REGION_STAFF,
						DataScope.ofRegions(regions.find(counties.get(i % counties.size()), city).path())))));
		results.add(measure("home page tiles of a grid worker", 50,
				i -> tiles.apply(new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.GRID_WORKER,
						DataScope.ofRegions(regions.find(grids.get(i % grids.size()), city).path())))));
	}

	/**
	 * Issue 16: a week's roster for 1,187 posts × 3 shifts from 20,000 staff (target 2 s)
	 * and one change checked against the rules (target 10 ms); in memory, no database.
	 */
	private void duty(List<Measurement> results) {
		DutyRosterBench week = new DutyRosterBench(16);
		cn.huoxian.duty.Roster[] roster = { null };
		results.add(measure("duty roster: a week for 1,187 posts × 3 shifts from 20,000 staff", 2_000, i -> {
			roster[0] = week.generate();
			return roster[0].shifts().size();
		}));
		if (roster[0] == null && selected("duty roster: one change checked")) {
			roster[0] = week.generate();
		}
		if (roster[0] != null) {
			long gaps = roster[0].violations().size();
			log.info("Duty roster: {} shifts, {} rule violations (gaps below a minimum) after generation",
					roster[0].shifts().size(), gaps);
			results.add(measure("duty roster: one change checked against the rules", 10,
					i -> DutyRosterBench.change(roster[0], week, i)));
		}
	}

	/**
	 * Issue 16, stored: one roster change as the API makes it — a transaction that loads
	 * the roster the change touches (the shift, its people's shifts within eight days),
	 * checks it against the rules and writes it — on a checkpoint set up for the bench
	 * and staffed by the two units with the most cadres, four weeks ahead (nothing
	 * started). Even iterations put a cadre on a shift, odd ones take them off again.
	 */
	private void storedDuty(DataScope city, List<Measurement> results) {
		String name = "duty roster: one stored change (load, check, write)";
		if (!selected(name)) {
			return;
		}
		var admin = new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.CITY_ADMIN, city);
		java.util.Map<Long, Integer> cadres = new java.util.HashMap<>();
		for (cn.huoxian.people.CadreRank rank : cn.huoxian.people.CadreRank.values()) {
			people.cadresByUnit(rank).forEach((unit, n) -> cadres.merge(unit, n, Integer::sum));
		}
		List<Long> staffing = cadres.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.<Long, Integer>comparingByValue().reversed())
			.limit(2)
			.map(java.util.Map.Entry::getKey)
			.toList();
		var units = context.getBean(cn.huoxian.org.Units.class);
		String region = units.fetch(staffing.get(0)).orElseThrow().regionCode();
		var checkpoints = context.getBean(cn.huoxian.duty.Checkpoints.class);
		var rosters = context.getBean(cn.huoxian.duty.Rosters.class);
		var checkpoint = checkpoints.create(new cn.huoxian.duty.Checkpoints.CheckpointForm(
				"基准测试卡口 " + System.currentTimeMillis(), "ROAD", region, null, staffing, 2, "THREE_EIGHTS"), admin);
		var week = rosters.generate(checkpoint.id(), cn.huoxian.shared.BusinessDay.today(clock).plusDays(28), admin);
		List<Long> shifts = week.grid()
			.stream()
			.flatMap(List::stream)
			.filter(java.util.Objects::nonNull)
			.map(cn.huoxian.duty.Rosters.ShiftView::id)
			.toList();
		List<Long> pool = people.cadresOfUnits(staffing);
		log.info("Stored duty change: checkpoint {} in {}, {} shifts, {} cadres in its pool", checkpoint.id(), region,
				shifts.size(), pool.size());
		long[] placed = new long[2];
		int[] refused = { 0 };
		results.add(measure(name, 10, i -> {
			if (i % 2 == 1 && placed[0] != 0) {
				rosters.unassign(placed[0], placed[1], admin);
				placed[0] = 0;
				return 1;
			}
			long shift = shifts.get((int) ((i * 7_919L) % shifts.size()));
			long person = pool.get((int) ((i * 104_729L) % pool.size()));
			try {
				rosters.assign(shift, person, null, admin);
				placed[0] = shift;
				placed[1] = person;
			}
			catch (cn.huoxian.shared.RuleViolationException ex) {
				// refused in words: checked all the same
				refused[0]++;
			}
			return 1;
		}));
		log.info("Stored duty change: {} assignments refused by the rules", refused[0]);
	}

	/** Whether {@code --bench.only} selects one of these operations (all without it). */
	private boolean selected(String... names) {
		return java.util.Arrays.stream(names).anyMatch(name -> name.contains(only));
	}

	/**
	 * Coverage and blind spots of the newest city-wide campaign, if one has been opened
	 * (e.g. by bench/ScreeningIngest).
	 */
	private void screening(DataScope city, List<String> grids, List<Measurement> results) {
		var campaign = campaigns.list(city)
			.stream()
			.filter(c -> c.rootRegion().equals(cityCode) && !c.hasTargetList())
			.findFirst();
		if (campaign.isEmpty()) {
			log.info("No city-wide screening campaign: screening read paths not measured");
			return;
		}
		long id = campaign.get().id();
		results.add(measure(SCREENING[0], 20, i -> coverage.coverage(id, cityCode, city).children().size()));
		results.add(measure(SCREENING[1], 20,
				i -> coverage.coverage(id, grids.get(i % grids.size()).substring(0, 12), city).children().size()));
		results.add(measure(SCREENING[2], 20,
				i -> coverage.blindSpots(id, grids.get(i % grids.size()).substring(0, 12), 0, 50, city)
					.items()
					.size()));
		// the page's default view for a city administrator: the campaign's whole city
		results.add(measure(SCREENING[3], 50, i -> coverage.blindSpots(id, cityCode, 0, 50, city).items().size()));
	}

	/**
	 * The issue-4 target: with 50,000 active isolation cases (added in bulk when fewer),
	 * today's overdue list of the city and a county, and a community's contact list of
	 * the last three days.
	 */
	private void isolation(DataScope city, List<Measurement> results) throws SQLException {
		LocalDate today = BusinessDay.today(clock);
		context.getBean(cn.huoxian.isolation.BenchLoad.class).ensure(50_000, today);
		Random random = new Random(4);
		List<RegionPath> counties = Sample.paths(regions, cn.huoxian.org.RegionLevel.COUNTY, random,
				iterations + warmup);
		List<RegionPath> communities = Sample.paths(regions, cn.huoxian.org.RegionLevel.VILLAGE, random,
				iterations + warmup);
		RegionPath cityPath = RegionPath.root(cityCode);
		results.add(measure("isolation overdue list of the city today (first page of 50 + total)", 50,
				i -> cases.overdue(cityPath, today, 0, 50, city).total()));
		results.add(measure("isolation overdue list of a county (first page of 50 + total)", 50,
				i -> cases.overdue(counties.get(i % counties.size()), today, 0, 50, city).total()));
		results.add(measure("a community's isolation contact list, last 3 days (first page of 50 + total)", 20,
				i -> cases.contactsUnder(communities.get(i % communities.size()), today.minusDays(2), 0, 50, city)
					.total()));
	}

	/**
	 * The issue-6 read targets: the profile of the person with the most entries (first
	 * page of 50, figures, accountability, work logs; audited like any view), and ranking
	 * an assessment round of every section-level cadre of the county with the most.
	 */
	private void profiles(DataScope city, List<Measurement> results) {
		var user = new cn.huoxian.shared.CurrentUser("bench", null, cn.huoxian.shared.Role.CITY_ADMIN, city);
		var busiest = records.mostEntries();
		if (busiest.isPresent()) {
			long person = busiest.get().personId();
			results.add(measure(
					"profile of the person with the most entries (" + busiest.get().entries()
							+ " entries; first page of 50 + figures)",
					50, i -> records.profile(person, null, 0, 50, user, "bench").entries().total()));
		}
		RegionPath county = busiestCadrePath(cn.huoxian.people.CadreRank.TOWNSHIP);
		String name = "ranking an assessment round of a county's section-level cadres";
		if (county == null || !name.contains(only)) {
			return;
		}
		String code = county.code();
		var round = assessments.open(new cn.huoxian.record.RoundForm("bench " + code, code,
				List.of(cn.huoxian.people.CadreRank.TOWNSHIP), false, null), user);
		results.add(measure(name + " (" + round.cadreCount() + " cadres)", 500,
				i -> assessments.find(round.id(), user).cadres().size()));
	}

	/**
	 * The issue-6 target "the record keeps up with 2,000 events a second", as the time
	 * until 2,000 events' entries are in (target 1,000 ms).
	 */
	private void record(List<Measurement> results) throws SQLException {
		if (selected(RECORD_VISITS)) {
			results.add(throughput(new Measurement(RECORD_VISITS, 1000, record.visits(RecordThroughput.VISIT_ROUNDS))));
		}
		String deployments = "record: 2,000 deployment events (one per transaction, 4 publishers), ms from the first publication until every entry is in";
		String queued = "record: 2,000 deployment events queued while the record was paused, ms from its resumption until every entry is in";
		try {
			if (deployments.contains(only) || queued.contains(only)) {
				// rounds not counted, for a quarter of the time budget (at least one), as
				// every slow operation warms up: a new JVM's publishers took 2,001 ms for
				// the first round and 510-690 ms from the seventh on, its JIT compiling
				// about a core's worth meanwhile (docs/BENCHMARKS.md, issue 13)
				long warm = System.nanoTime() + (long) (maxSeconds * 0.25e9);
				do {
					record.deployments(1, false);
				}
				while (System.nanoTime() < warm);
			}
			if (deployments.contains(only)) {
				results.add(throughput(new Measurement(deployments, 1000, record.deployments(3, false))));
			}
			if (queued.contains(only)) {
				results.add(throughput(new Measurement(queued, 1000, record.deployments(3, true))));
			}
			String sustained = "record: 2,000 single events a second for 10 s (20,000 deployment events, 4 publishers), ms from the last publication until every entry is in";
			if (sustained.contains(only)) {
				results.add(throughput(new Measurement(sustained, 1000, record.sustained(2_000, 10))));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Measurement throughput(Measurement measurement) {
		log.info("{}", measurement.row());
		return measurement;
	}

	/**
	 * The unit path (a county's) with the most cadres of this rank, or null: their units'
	 * cadres from people, the units' paths from org.
	 */
	private RegionPath busiestCadrePath(cn.huoxian.people.CadreRank rank) {
		Map<Long, Integer> byUnit = people.cadresByUnit(rank);
		Map<RegionPath, Integer> byPath = new java.util.HashMap<>();
		units.paths(byUnit.keySet()).forEach((unit, path) -> byPath.merge(path, byUnit.get(unit), Integer::sum));
		return byPath.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	/**
	 * For comparison with the maintained tally: the two large headline figures counted
	 * from the records themselves, in one statement of the owners' counts.
	 */
	private long scanHeadline(String code) {
		RegionPath path = RegionPath.root(code);
		// the business day, not the database server's date
		LocalDate today = BusinessDay.today(clock);
		return db
			.select(cn.huoxian.deployment.Deployments.leadingCadresOn(path, today)
				.plus(cn.huoxian.vanguard.CommandoTeams.membersOn(path, today)))
			.fetchOne(0, Long.class);
	}

	/**
	 * What the region tree page asks for one node: the node, its children and the
	 * breadcrumbs.
	 */
	private long tree(String code, DataScope scope) {
		RegionView region = regions.find(code, scope);
		return region.id() + regions.children(code, scope).size() + regions.breadcrumbs(code, scope).size();
	}

	/** Times one operation; null when {@code --bench.only} names other operations. */
	private Measurement measure(String name, double targetMs, IntFunction<Number> operation) {
		if (!name.contains(only)) {
			return null;
		}
		// a slow operation gets a quarter of its time budget to warm up, then the rest to
		// be measured
		long warm = System.nanoTime() + (long) (maxSeconds * 0.25e9);
		for (int i = 0; i < warmup && (i < 5 || System.nanoTime() < warm); i++) {
			sink += operation.apply(iterations + i).longValue();
		}
		double[] millis = new double[iterations];
		long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
		int done = 0;
		while (done < iterations && (done < 20 || System.nanoTime() < deadline)) {
			long start = System.nanoTime();
			sink += operation.apply(done).longValue();
			millis[done++] = (System.nanoTime() - start) / 1e6;
		}
		Measurement measurement = new Measurement(name, targetMs, java.util.Arrays.copyOf(millis, done));
		log.info("{}", measurement.row());
		return measurement;
	}

	private void report(List<Measurement> results) throws SQLException {
		StringBuilder table = new StringBuilder(Measurement.header());
		for (Measurement m : results) {
			table.append('\n').append(m.row());
		}
		log.info("Bench results (checksum {}):\n{}", sink, table);
		System.out.println("Database: " + Sample.describe(dataSource));
		System.out.println(table);
	}

}
