package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

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
 * {@code java -jar huoxian.jar generate --huoxian.demo.scale=1.0}: generates the demo
 * city into the configured database without starting the web server (bulk mode on
 * PostgreSQL), reports the rate and exits; says so and exits when the city is there
 * already.
 */
@Component
class GenerateCommand implements ApplicationRunner {

	static final String NAME = "generate";

	private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

	private final DemoCity demoCity;

	private final DataSource dataSource;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	private final double scale;

	private final String url;

	GenerateCommand(DemoCity demoCity, DataSource dataSource, Environment environment,
			ConfigurableApplicationContext context, DemoSettings settings,
			@Value("${spring.datasource.url:}") String url) {
		this.demoCity = demoCity;
		this.dataSource = dataSource;
		this.environment = environment;
		this.context = context;
		this.scale = settings.scale();
		this.url = url;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains(NAME)) {
			return;
		}
		int status = 0;
		try {
			DemoStartup.requireDemoProfile(environment, url);
			generate();
		}
		catch (RuntimeException ex) {
			log.error("generate failed: {}", ex.getMessage(), ex);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	private void generate() {
		log.info("Generating the demo city at scale {} into {}", scale, url);
		warnAboutCollation();
		DemoCity.Report report = demoCity.generateIfAbsent(scale, true);
		if (report == null) {
			log.info("The demo city is already generated in {}: nothing to do "
					+ "(to generate it anew, start from an empty database)", url);
			return;
		}
		log.info(String.format(
				"Generated %,d residents in %,d households (%,d rows) in %.1f s: %,.0f residents/s, %,.0f rows/s; "
						+ "database size %s",
				report.persons(), report.households(), report.rows(), report.seconds(), report.personsPerSecond(),
				report.rowsPerSecond(), databaseSize()));
	}

	/**
	 * PostgreSQL uses a btree index for {@code LIKE 'prefix%'} only under the C
	 * collation, and every scope filter is {@code path LIKE 'X%'}: under another
	 * collation those queries scan.
	 */
	private void warnAboutCollation() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				return;
			}
			try (ResultSet rs = statement
				.executeQuery("select datcollate from pg_database where datname = current_database()")) {
				if (rs.next() && !List.of("C", "POSIX").contains(rs.getString(1))) {
					log.warn("This database's collation is {}: PostgreSQL cannot use indexes for LIKE 'prefix%' "
							+ "(region scopes, name search) under it. Create the database with "
							+ "LC_COLLATE 'C' (TEMPLATE template0), see docs/BENCHMARKS.md", rs.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			log.warn("could not read the database's collation: {}", ex.getMessage());
		}
	}

	private String databaseSize() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				return "n/a";
			}
			try (ResultSet rs = statement.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
				rs.next();
				return rs.getString(1);
			}
		}
		catch (SQLException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

}
