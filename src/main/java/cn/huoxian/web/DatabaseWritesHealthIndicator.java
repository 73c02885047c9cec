package cn.huoxian.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code databaseWrites}: DOWN when the database refuses writes, which a
 * connection check cannot see (issue 11: on H2 2.4.240 every check constraint failed once
 * the pool retired the migrations' connection). Inserts a row into a table with a check
 * constraint and rolls it back; the answer is kept a few seconds so a busy health
 * endpoint is not a stream of writes.
 */
@Component
class DatabaseWritesHealthIndicator implements HealthIndicator {

	/** Web's own table, empty: its check constraint is what the probe exercises. */
	static final String PROBE = "insert into health_probe (id, status) values (-1, 'PROBE')";

	private static final Logger log = LoggerFactory.getLogger(DatabaseWritesHealthIndicator.class);

	private static final int TIMEOUT_SECONDS = 5;

	private final DataSource dataSource;

	private final long keepNanos;

	private final LongSupplier clock;

	private Health last;

	private long lastAt;

	@Autowired
	DatabaseWritesHealthIndicator(DataSource dataSource, HealthSettings settings) {
		this(dataSource, settings.writeProbeInterval(), System::nanoTime);
	}

	DatabaseWritesHealthIndicator(DataSource dataSource, Duration keep, LongSupplier clock) {
		this.dataSource = dataSource;
		this.keepNanos = keep.toNanos();
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		long now = clock.getAsLong();
		if (last == null || now - lastAt >= keepNanos) {
			Health probed = probe();
			if (last != null && !probed.getStatus().equals(last.getStatus())) {
				log.warn("database writes are {}: {}", probed.getStatus(), probed.getDetails());
			}
			last = probed;
			lastAt = now;
		}
		return last;
	}

	/** One write, rolled back. */
	Health probe() {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.setQueryTimeout(TIMEOUT_SECONDS);
				statement.executeUpdate(PROBE);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
			return Health.up().build();
		}
		catch (SQLException | RuntimeException ex) {
			return Health.status(Status.DOWN).withDetail("reason", reason(ex)).build();
		}
	}

	/** The first line of the message and of its root cause, short. */
	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = "a test write failed: " + firstLine(ex) + ((root != ex) ? " (" + firstLine(root) + ")" : "");
		return (reason.length() > 300) ? reason.substring(0, 300) + "…" : reason;
	}

	private static String firstLine(Throwable ex) {
		// H2 puts the statement on the next line
		return String.valueOf(ex.getMessage()).lines().findFirst().orElse("").replaceFirst(";? *SQL statement:$", "");
	}

}
