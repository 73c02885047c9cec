package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import cn.huoxian.support.SqlTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11: on H2 2.4.240 every check constraint was bound to the session that created
 * it, so once the pool retired the connection the migrations ran on (maxLifetime, about
 * 30 minutes after start) every write to a table with a check constraint failed. This
 * test retires every pooled connection and then writes to every such table. On H2 it runs
 * on a database of its own, so the migrations surely ran on this context's pool.
 */
@SqlTest
class PoolRecycleWritesTests {

	private static final String NAME = "recycle-" + UUID.randomUUID();

	private static final String VISIT = "00000000-0000-0000-0000-00000000000f";

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		if (System.getProperty("spring.datasource.url") == null) {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + NAME
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		else {
			// on a shared PostgreSQL database: tells this pool's sessions from others'
			registry.add("spring.datasource.hikari.data-source-properties.ApplicationName", () -> NAME);
		}
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	DatabaseWritesHealthIndicator health;

	/**
	 * Rows for the tables the demo city leaves empty, so each has a row to write;
	 * explicit negative ids (no sequence advanced, no clash with real rows), all rolled
	 * back.
	 */
	private static final List<String> SEEDS = List.of(
			"insert into screening_campaign (id, name, root_region_id, root_path, starts_on, ends_on, questions, created_by)"
					+ " values (-1, 'recycle', (select min(id) from region), '/', current_date, current_date, '-', 'test')",
			"insert into screening_visit (visit_id, campaign_id, household_id, path, recorded_by, visited_at, outcome)"
					+ " values ('" + VISIT
					+ "', -1, (select min(id) from household), '/', 'test', current_timestamp, 'COVERED')",
			"insert into screening_visit_resident (household_id, visit_id, person_id, status)"
					+ " values ((select min(id) from household), '" + VISIT
					+ "', (select min(id) from person), 'PRESENT')",
			"insert into isolation_case (id, person_id, path, case_type, reason, start_date, end_date, planned_end,"
					+ " contact_time, status, created_by) values (-1, (select min(id) from person), '/', 'HOME_ISOLATION',"
					+ " 'OTHER', current_date, current_date, current_date, '09:00', 'ACTIVE', 'test')",
			"insert into isolation_contact (id, case_id, business_day, contacted_at, channel, reached, recorded_by)"
					+ " values (-1, -1, current_date, current_timestamp, 'PHONE', true, 'test')",
			"insert into isolation_need (id, case_id, kind, description, status, raised_by)"
					+ " values (-1, -1, 'OTHER', '-', 'OPEN', 'test')",
			"insert into accountability (id, person_id, kind, occurred_on, decided_level, detail, path, entered_by)"
					+ " values (-1, (select min(id) from person), 'CRITICISM', current_date, 'CITY', '-', '/', 'test')",
			"insert into work_log (id, person_id, path, business_day, entry_text, status)"
					+ " values (-1, (select min(id) from person), '/', current_date, '-', 'SUBMITTED')",
			"insert into work_log_witness (work_log_id, person_id, status)"
					+ " values (-1, (select min(id) from person), 'PENDING')",
			"insert into assessment_round (id, name, path, criteria, dimensions, status, created_by)"
					+ " values (-2, 'recycle', '/', '-', '-', 'OPEN', 'test')",
			"insert into assessment_cadre (round_id, person_id, conclusion, recommendation)"
					+ " values (-2, (select min(id) from person), 'COMPETENT', 'REUSE')",
			// -2: the health probe inserts -1
			"insert into health_probe (id, status) values (-2, 'PROBE')");

	@Test
	void writesToEveryTableWithACheckConstraintAfterThePoolRetiredEveryConnection() throws Exception {
		retireEveryPooledConnection();
		List<CheckConstraint> constraints = checkConstraints();
		assertThat(constraints).extracting(CheckConstraint::name).contains("ck_unit_kind", "ck_work_log_status");
		Map<String, String> failures = new LinkedHashMap<>();
		Set<String> empty = new TreeSet<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				for (String seed : SEEDS) {
					write(connection, seed, seed.substring(0, seed.indexOf('(')), failures);
				}
				for (CheckConstraint constraint : constraints) {
					if (write(connection, rewriteOneRow(constraint), constraint.name(), failures) == 0) {
						empty.add(constraint.table());
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		Health probed = health.probe();
		assertThat(failures).as("writes that failed after the pool retired its connections (health: %s)", probed)
			.isEmpty();
		assertThat(empty).as("tables with a check constraint but no row to write (add a seed)").isEmpty();
		assertThat(probed.getStatus()).isEqualTo(Status.UP);
	}

	/** One statement under a savepoint (on PostgreSQL a failure ends the transaction). */
	private static int write(Connection connection, String sql, String name, Map<String, String> failures)
			throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate(sql);
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			failures.put(name, ex.getMessage().lines().findFirst().orElse("") + " / " + rootMessage(ex));
			return -1;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * Closes every connection the pool holds (idle ones now, busy ones when returned) and
	 * waits until their sessions are gone from the database.
	 */
	private void retireEveryPooledConnection() throws Exception {
		HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		Set<String> old = poolSessions();
		assertThat(old).isNotEmpty();
		Set<String> left = new HashSet<>(old);
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			// a connection busy at the last eviction is evicted when it comes back
			pool.softEvictConnections();
			left.retainAll(poolSessions());
			assertThat(left).as("sessions still open").isEmpty();
		});
	}

	/** The sessions of this context's pool (on H2 every session of its own database). */
	private Set<String> poolSessions() throws SQLException {
		String sql = postgres() ? "select pid from pg_stat_activity where application_name = '" + NAME + "'"
				: "select session_id from information_schema.sessions";
		Set<String> sessions = new HashSet<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				sessions.add(rs.getString(1));
			}
		}
		return sessions;
	}

	private boolean postgres() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	/**
	 * Every named check constraint of the application's schema (PostgreSQL lists NOT NULL
	 * as checks too), with one column it reads and the table's first key column.
	 */
	private List<CheckConstraint> checkConstraints() throws SQLException {
		String sql = """
				select tc.table_name, tc.constraint_name, min(ccu.column_name),
				  (select min(k.column_name) from information_schema.table_constraints p
				   join information_schema.key_column_usage k on k.constraint_name = p.constraint_name
				     and k.table_schema = p.table_schema and k.table_name = p.table_name and k.ordinal_position = 1
				   where p.table_schema = tc.table_schema and p.table_name = tc.table_name
				     and p.constraint_type = 'PRIMARY KEY')
				from information_schema.table_constraints tc
				join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
				  and ccu.constraint_schema = tc.constraint_schema
				where tc.constraint_type = 'CHECK' and tc.table_schema = current_schema
				  and tc.constraint_name not like '%not_null'
				group by tc.table_schema, tc.table_name, tc.constraint_name
				order by tc.table_name, tc.constraint_name""";
		List<CheckConstraint> constraints = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				constraints
					.add(new CheckConstraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
			}
		}
		return constraints;
	}

	/**
	 * Sets a column the constraint reads to its own value in one row (the rows sharing a
	 * value of the first key column), so the constraint is checked.
	 */
	private static String rewriteOneRow(CheckConstraint constraint) {
		String table = constraint.table();
		String column = constraint.column();
		String where = constraint.key() == null ? "" : " where " + constraint.key() + " = (select " + constraint.key()
				+ " from " + table + " fetch first 1 rows only)";
		return "update " + table + " set " + column + " = " + column + where;
	}

	record CheckConstraint(String table, String name, String column, String key) {
	}

}
