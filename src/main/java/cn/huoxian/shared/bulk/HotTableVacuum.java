package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import cn.huoxian.shared.HotTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Vacuums the tables modules update in place ({@link HotTables}) every
 * {@code huoxian.db.vacuum-every} (a minute) on PostgreSQL, whether or not autovacuum
 * runs: a vacuum of a few thousand rows takes milliseconds and does not block writers,
 * while the dead versions of a tally's hot rows (every daily report adds to its city's)
 * slowed each read of them under load (docs/BENCHMARKS.md, issue 15). Nothing on H2.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class HotTableVacuum {

	private static final Logger log = LoggerFactory.getLogger(HotTableVacuum.class);

	private final DataSource dataSource;

	private final List<HotTables> modules;

	HotTableVacuum(DataSource dataSource, List<HotTables> modules) {
		this.dataSource = dataSource;
		this.modules = modules;
	}

	@Scheduled(fixedDelayString = "${huoxian.db.vacuum-every:PT1M}",
			initialDelayString = "${huoxian.db.vacuum-every:PT1M}")
	void scheduled() {
		try {
			vacuum();
		}
		catch (SQLException | RuntimeException ex) {
			// the next run tries again
			log.warn("Vacuuming the hot tables failed: {}", ex.toString());
		}
	}

	/** Vacuums every hot table (PostgreSQL); the tables vacuumed. */
	public List<String> vacuum() throws SQLException {
		List<String> tables = modules.stream().flatMap(m -> m.hotTables().stream()).distinct().toList();
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				return List.of();
			}
			// VACUUM cannot run in a transaction block
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				for (String table : tables) {
					if (!table.matches("[a-z_]+")) {
						throw new IllegalArgumentException("not a table name: " + table);
					}
					statement.execute("vacuum " + table);
				}
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		return tables;
	}

}
