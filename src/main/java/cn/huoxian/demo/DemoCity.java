package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.Role;
import cn.huoxian.access.ScopeRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Generates the demo city once (streaming: COPY on PostgreSQL, batched INSERTs elsewhere, in one
 * transaction) and creates the demo accounts, all with the password {@value #DEMO_PASSWORD}.
 */
@Service
public class DemoCity {

	public static final String DEMO_PASSWORD = "Huoxian@2020";

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private final DataSource dataSource;

	private final Accounts accounts;

	DemoCity(DataSource dataSource, Accounts accounts) {
		this.dataSource = dataSource;
		this.accounts = accounts;
	}

	/** What a generation did and how fast. */
	public record Report(long regions, long households, long persons, double seconds) {

		public double personsPerSecond() {
			return persons / seconds;
		}

	}

	public boolean isGenerated() {
		return accounts.exists("admin");
	}

	/** Generates the city at this scale unless it is there already; null when it was. */
	public synchronized Report generateIfAbsent(double scale) {
		if (isGenerated()) {
			return null;
		}
		if (scale <= 0 || scale > 10) {
			throw new IllegalArgumentException("huoxian.demo.scale must be above 0 and at most 10, not " + scale);
		}
		long start = System.nanoTime();
		DemoCityGenerator.Result result;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
			try (RowSink sink = postgres ? new PgCopySink(connection) : new JdbcBatchSink(connection)) {
				result = new DemoCityGenerator(connection, sink, scale, residents -> progress(start, residents))
					.generate();
			}
			for (String tag : List.of("admin", "zzb", "xinhua", "grid01")) {
				if (!result.accountPersons().containsKey(tag)) {
					connection.rollback();
					throw new IllegalStateException("the demo scale is too small to staff the post for account " + tag);
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("generating the demo city failed: " + ex.getMessage(), ex);
		}
		createAccounts(result);
		double seconds = (System.nanoTime() - start) / 1e9;
		Report report = new Report(result.regions(), result.households(), result.persons(), seconds);
		log.info("Demo city generated at scale {}: {} regions, {} households, {} persons in {} s ({} persons/s)",
				scale, report.regions(), report.households(), report.persons(), String.format("%.1f", seconds),
				Math.round(report.personsPerSecond()));
		return report;
	}

	private void progress(long start, long residents) {
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("Demo city: {} residents written ({} per second)", residents, Math.round(residents / seconds));
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
