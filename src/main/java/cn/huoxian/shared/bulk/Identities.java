package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ids of a bulk load: the loader assigns them itself, after those already stored,
 * then moves each table's identity column past the ids it used.
 */
public final class Identities {

	private Identities() {
	}

	/** The next free id of each table. */
	public static long[] next(Connection connection, RowSink.Table... tables) throws SQLException {
		long[] next = new long[tables.length];
		try (Statement statement = connection.createStatement()) {
			for (int i = 0; i < tables.length; i++) {
				try (ResultSet rs = statement
					.executeQuery("select coalesce(max(id), 0) + 1 from " + tables[i].name())) {
					rs.next();
					next[i] = rs.getLong(1);
				}
			}
		}
		return next;
	}

	/** Each table's identity column continues at its next id. */
	public static void restart(Connection connection, RowSink.Table[] tables, long[] next) throws SQLException {
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		try (Statement statement = connection.createStatement()) {
			for (int i = 0; i < tables.length; i++) {
				String table = tables[i].name();
				statement.execute(postgres
						? "select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next[i] + ", false)"
						: "alter table " + table + " alter column id restart with " + next[i]);
			}
		}
	}

}
