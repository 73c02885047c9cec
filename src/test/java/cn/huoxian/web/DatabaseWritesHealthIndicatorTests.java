package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 11: health must be DOWN when writes fail, though connections still open and reads
 * still work.
 */
class DatabaseWritesHealthIndicatorTests {

	private final AtomicLong now = new AtomicLong();

	/**
	 * Each statement on a connection of its own: on H2 2.4.240 this was DOWN, since the
	 * connection that created the check constraint was closed (issue 11).
	 */
	@Test
	void upWhenTheTestWriteSucceedsAndNothingIsKept() {
		DataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		JdbcTemplate jdbc = new JdbcTemplate(database);
		jdbc.execute("create table health_probe (id bigint primary key, status varchar(8) not null,"
				+ " constraint ck_health_probe_status check (status in ('PROBE')))");
		Health health = indicator(database).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(jdbc.queryForObject("select count(*) from health_probe", Long.class)).isZero();
	}

	@Test
	void downWithTheReasonWhenTheWriteFails() throws SQLException {
		SQLException closed = new SQLException("The database has been closed [90098-240]");
		Health health = indicator(failingWrites(new AtomicInteger(),
				new SQLException("Check constraint invalid: \"ck_unit_kind: \"; SQL statement:\ninsert …", closed)))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).contains("Check constraint invalid", "has been closed")
			.doesNotContain("\n", "SQL statement");
	}

	@Test
	void downWhenNoConnectionCanBeHad() throws SQLException {
		DataSource none = mock(DataSource.class);
		when(none.getConnection()).thenThrow(new SQLException("Connection is not available, request timed out"));
		assertThat(indicator(none).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void keepsTheAnswerAFewSecondsSoPollingIsNotAStreamOfWrites() throws SQLException {
		AtomicInteger probes = new AtomicInteger();
		DatabaseWritesHealthIndicator indicator = indicator(failingWrites(probes, new SQLException("read-only")));
		for (int i = 0; i < 10; i++) {
			indicator.health();
		}
		assertThat(probes).hasValue(1);
		now.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(probes).hasValue(2);
	}

	private DatabaseWritesHealthIndicator indicator(DataSource dataSource) {
		return new DatabaseWritesHealthIndicator(dataSource, Duration.ofSeconds(5), now::get);
	}

	/** Connections open and read; the probe's insert fails with this exception. */
	private static DataSource failingWrites(AtomicInteger probes, SQLException failure) throws SQLException {
		Statement statement = mock(Statement.class);
		when(statement.executeUpdate(anyString())).then(invocation -> {
			probes.incrementAndGet();
			throw failure;
		});
		Connection connection = mock(Connection.class);
		when(connection.getAutoCommit()).thenReturn(true);
		when(connection.createStatement()).thenReturn(statement);
		DataSource dataSource = mock(DataSource.class);
		when(dataSource.getConnection()).thenReturn(connection);
		return dataSource;
	}

}
