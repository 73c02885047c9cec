package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.deployment.HeadlineTally;
import cn.huoxian.org.OrgBulkLoad;
import cn.huoxian.people.PeopleBulkLoad;
import cn.huoxian.record.RecordRebuild;
import cn.huoxian.shared.Role;
import cn.huoxian.shared.bulk.IndexRebuild;
import cn.huoxian.shared.bulk.RowSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Generates the demo city once (streamed through org's and people's bulk loads: COPY on
 * PostgreSQL, batched INSERTs elsewhere, in one transaction) and creates the demo
 * accounts, all with the password {@value #DEMO_PASSWORD}.
 */
@Service
public class DemoCity {

	public static final String DEMO_PASSWORD = "Huoxian@2020";

	/** The accounts the generator creates. */
	static final List<String> DEMO_ACCOUNTS = List.of("admin", "zzb", "xinhua", "grid01");

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private final DataSource dataSource;

	private final Accounts accounts;

	private final HeadlineTally tally;

	private final RecordRebuild records;

	private final OrgBulkLoad orgLoad;

	private final PeopleBulkLoad peopleLoad;

	private final DeploymentNetworkDemo network;

	private final LiveEmergency emergency;

	private final Clock clock;

	DemoCity(DataSource dataSource, Accounts accounts, HeadlineTally tally, RecordRebuild records, OrgBulkLoad orgLoad,
			PeopleBulkLoad peopleLoad, DeploymentNetworkDemo network, LiveEmergency emergency, Clock clock) {
		this.dataSource = dataSource;
		this.accounts = accounts;
		this.tally = tally;
		this.records = records;
		this.orgLoad = orgLoad;
		this.peopleLoad = peopleLoad;
		this.network = network;
		this.emergency = emergency;
		this.clock = clock;
	}

	/** What a generation did and how fast. */
	public record Report(long regions, long households, long persons, long rows, double seconds) {

		public double personsPerSecond() {
			return persons / seconds;
		}

		public double rowsPerSecond() {
			return rows / seconds;
		}

	}

	public boolean isGenerated() {
		return accounts.exists("admin");
	}

	/**
	 * Whether this database holds a generated demo city: every demo account exists (a
	 * real deployment starts with its administrator only). Commands that write test data
	 * (bench) run only then.
	 */
	public boolean holdsDemoCity() {
		return DEMO_ACCOUNTS.stream().allMatch(accounts::exists);
	}

	/** Generates the city at this scale unless it is there already; null when it was. */
	public Report generateIfAbsent(double scale) {
		return generateIfAbsent(scale, false);
	}

	/**
	 * As {@link #generateIfAbsent(double)}; with bulk on PostgreSQL the large tables'
	 * indexes and constraints are dropped during the load and rebuilt after it, which
	 * locks those tables until the commit: for the generate command, when nothing else
	 * uses the database.
	 */
	public synchronized Report generateIfAbsent(double scale, boolean bulk) {
		if (isGenerated()) {
			return null;
		}
		if (scale <= 0 || scale > 10) {
			throw new IllegalArgumentException("huoxian.demo.scale must be above 0 and at most 10, not " + scale);
		}
		long start = System.nanoTime();
		DemoCalendar calendar = DemoCalendar.of(clock);
		DemoCityGenerator.Result result;
		boolean postgres;
		try (Connection connection = dataSource.getConnection()) {
			postgres = isPostgres(connection);
			result = generate(connection, scale, calendar, bulk && postgres, start);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("generating the demo city failed: " + ex.getMessage(), ex);
		}
		frontLine(scale, calendar);
		log.info("Demo city: {} headline counters built from the records", tally.rebuild());
		long recordStart = System.nanoTime();
		long entries = records.rebuild().values().stream().mapToLong(RecordRebuild.Difference::added).sum();
		log.info("Demo city: {} performance-record entries built from the records in {} s", entries,
				secondsSince(recordStart));
		// before the accounts: a city is generated (isGenerated) only once all of it is
		liveEmergency(scale, calendar, result);
		createAccounts(result);
		if (postgres) {
			analyze();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Report report = new Report(result.regions(), result.households(), result.persons(), result.rows(), seconds);
		log.info(
				"Demo city generated at scale {}: {} regions, {} households, {} persons, {} rows in {} s "
						+ "({} persons/s, {} rows/s)",
				scale, report.regions(), report.households(), report.persons(), report.rows(),
				String.format("%.1f", seconds), Math.round(report.personsPerSecond()),
				Math.round(report.rowsPerSecond()));
		return report;
	}

	/**
	 * One transaction: rows streamed through the sink, then counters, indexes and
	 * sequences.
	 */
	private DemoCityGenerator.Result generate(Connection connection, double scale, DemoCalendar calendar, boolean bulk,
			long start) throws SQLException {
		if (bulk) {
			return generateOnTwoConnections(connection, scale, calendar, start);
		}
		connection.setAutoCommit(false);
		try {
			DemoCityGenerator.Result result;
			Progress progress = new Progress(start, DemoCityGenerator.expectedResidents(scale));
			try (RowSink sink = RowSink.open(connection)) {
				// the organisation's tables first: persons reference them
				result = new DemoCityGenerator(orgLoad.start(connection, sink), peopleLoad.start(connection, sink),
						scale, calendar, progress)
					.generate();
			}
			log.info("Demo city: {} rows written in {} s", result.rows(), secondsSince(start));
			for (String tag : DEMO_ACCOUNTS) {
				if (!result.accountPersons().containsKey(tag)) {
					throw new IllegalStateException("the demo scale is too small to staff the post for account " + tag);
				}
			}
			connection.commit();
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/**
	 * The generate command on PostgreSQL: the large tables' indexes and constraints are
	 * dropped (committed, so a second connection may load), persons and their roles
	 * stream over a second connection while everything else streams over the first —
	 * PostgreSQL parses each COPY on one core — then the indexes and constraints are
	 * rebuilt and validated. Not one transaction: if the load fails both loads roll back
	 * and the indexes are put back; if the rebuild itself fails the database is left
	 * half-built and says so (generate only into an empty database).
	 */
	private DemoCityGenerator.Result generateOnTwoConnections(Connection connection, double scale,
			DemoCalendar calendar, long start) throws SQLException {
		connection.setAutoCommit(false);
		// people's first: their foreign keys reference the organisation's tables
		IndexRebuild peopleIndexes = peopleLoad.dropIndexes(connection, log::info);
		IndexRebuild orgIndexes = orgLoad.dropIndexes(connection, log::info);
		connection.commit();
		DemoCityGenerator.Result result;
		try (Connection second = dataSource.getConnection()) {
			second.setAutoCommit(false);
			try {
				Progress progress = new Progress(start, DemoCityGenerator.expectedResidents(scale));
				try (RowSink sink = RowSink.open(connection); RowSink secondSink = RowSink.open(second)) {
					result = new DemoCityGenerator(orgLoad.start(connection, sink),
							peopleLoad.start(second, secondSink), scale, calendar, progress)
						.generate();
				}
				for (String tag : DEMO_ACCOUNTS) {
					if (!result.accountPersons().containsKey(tag)) {
						throw new IllegalStateException(
								"the demo scale is too small to staff the post for account " + tag);
					}
				}
				second.commit();
			}
			catch (SQLException | RuntimeException ex) {
				second.rollback();
				connection.rollback();
				orgIndexes.restore();
				peopleIndexes.restore();
				connection.commit();
				throw ex;
			}
			finally {
				second.setAutoCommit(true);
			}
		}
		log.info("Demo city: {} rows written in {} s over two connections", result.rows(), secondsSince(start));
		try {
			log.info("Demo city: rebuilding indexes and constraints");
			orgIndexes.restore();
			peopleIndexes.restore();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw new IllegalStateException("rebuilding the indexes after the load failed (" + ex.getMessage()
					+ "): the database holds a partial city; drop it and generate again", ex);
		}
		finally {
			connection.setAutoCommit(true);
		}
		return result;
	}

	/**
	 * The emergency as it stands today, recorded through the modules' services in the
	 * demo accounts' names (its own transaction; its record entries arrive through the
	 * record's inbox as a user's would).
	 */
	private void liveEmergency(double scale, DemoCalendar calendar, DemoCityGenerator.Result result) {
		long start = System.nanoTime();
		LiveEmergency.Written written;
		try {
			written = emergency.generate(scale, calendar, result.accountPersons(), result.grid01Code());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("generating the demo emergency failed: " + ex.getMessage(), ex);
		}
		log.info("Demo city: the emergency since {} recorded in {} s: {}", calendar.start(), secondsSince(start),
				written);
	}

	/** The deployment network on top of the people, in its own transaction. */
	private void frontLine(double scale, DemoCalendar calendar) {
		long start = System.nanoTime();
		DeploymentNetworkDemo.Written written;
		try {
			written = network.generate(scale, calendar);
		}
		catch (DataAccessException | org.jooq.exception.DataAccessException ex) {
			throw new IllegalStateException("generating the demo deployment network failed: " + ex.getMessage(), ex);
		}
		try (Connection connection = dataSource.getConnection()) {
			if (isPostgres(connection) && !written.rows().isEmpty()) {
				try (var statement = connection.createStatement()) {
					statement.execute("analyze " + String.join(", ", written.rows().keySet()));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("analysing the demo deployment network failed: " + ex.getMessage(), ex);
		}
		log.info("Demo city: deployment network written in {} s ({} ms per step): {}", secondsSince(start),
				written.timings(), written.rows());
	}

	/**
	 * Statistics for every table the generation filled and did not analyse on the way
	 * (all of them on the web start's path; the headline counters, the record and the
	 * accounts after a bulk load), so no plan waits for autovacuum.
	 */
	private void analyze() {
		long start = System.nanoTime();
		List<String> tables;
		try (Connection connection = dataSource.getConnection()) {
			tables = IndexRebuild.analyzeUnanalysed(connection);
			log.info("Demo city: analysed {} in {} s", tables, secondsSince(start));
			start = System.nanoTime();
			IndexRebuild.vacuum(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("analysing the demo city failed: " + ex.getMessage(), ex);
		}
		log.info("Demo city: vacuumed in {} s (visibility map set for index-only scans)", secondsSince(start));
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
	}

	private static String secondsSince(long start) {
		return String.format("%.1f", (System.nanoTime() - start) / 1e9);
	}

	/** Logs how far the generation is, at most every two seconds. */
	private static final class Progress implements LongConsumer {

		private final long start;

		private final long expected;

		private long lastLog;

		Progress(long start, long expected) {
			this.start = start;
			this.expected = expected;
			this.lastLog = start;
		}

		@Override
		public void accept(long residents) {
			long now = System.nanoTime();
			if (now - lastLog < 2_000_000_000L) {
				return;
			}
			lastLog = now;
			double seconds = (now - start) / 1e9;
			double rate = residents / seconds;
			long left = Math.max(0, expected - residents);
			log.info("Demo city: {} of about {} residents ({}%), {} per second, about {} s to go", residents, expected,
					Math.min(100, residents * 100 / Math.max(1, expected)), Math.round(rate), Math.round(left / rate));
		}

	}

	private void createAccounts(DemoCityGenerator.Result result) {
		Map<String, Long> persons = result.accountPersons();
		accounts.create(new NewAccount("admin", DEMO_PASSWORD, Role.CITY_ADMIN, persons.get("admin"),
				List.of(ScopeRoot.region("130900"))));
		accounts.create(new NewAccount("zzb", DEMO_PASSWORD, Role.EVALUATOR, persons.get("zzb"),
				List.of(ScopeRoot.region("130900"))));
		accounts.create(new NewAccount("xinhua", DEMO_PASSWORD, Role.REGION_STAFF, persons.get("xinhua"),
				List.of(ScopeRoot.region("130902"))));
		accounts.create(new NewAccount("grid01", DEMO_PASSWORD, Role.GRID_WORKER, persons.get("grid01"),
				List.of(ScopeRoot.region(result.grid01Code()))));
	}

}
