package cn.huoxian.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Waits until some database session is blocked on a lock another holds, instead of
 * sleeping and hoping: a concurrency test then knows its second writer really waits for
 * the first. Asks the database itself (H2's sessions view, PostgreSQL's activity view) on
 * a connection of its own.
 */
public final class LockWaits {

	private static final String H2 = "select count(*) from information_schema.sessions where blocker_id is not null";

	private static final String POSTGRES = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
			+ " and datname = current_database()";

	private LockWaits() {
	}

	/** Returns once a session waits for a lock; fails after {@code limit}. */
	public static void awaitBlockedSession(DataSource dataSource, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String query = connection.getMetaData().getDatabaseProductName().contains("H2") ? H2 : POSTGRES;
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = statement.executeQuery(query)) {
					if (rows.next() && rows.getLong(1) > 0) {
						return;
					}
				}
				Thread.onSpinWait();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("no session waited for a lock within " + limit);
	}

}
