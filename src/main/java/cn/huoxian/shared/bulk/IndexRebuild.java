package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * PostgreSQL only: while millions of rows are copied into large tables, their foreign
 * keys, unique constraints and secondary indexes are dropped (only primary keys stay),
 * then rebuilt from the definitions read from the catalogue, which is several times
 * faster than maintaining them row by row. All of it runs in the caller's transaction, so
 * a failure rolls the drop back too. Names no table: the module that owns the tables says
 * which ({@link #drop}).
 */
public final class IndexRebuild {

	/**
	 * What to rebuild, in order (unique constraints, plain indexes, foreign keys), and
	 * how to drop it.
	 */
	private static final String DEFINITIONS = """
			select 1 as step, 'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' '
			       || pg_get_constraintdef(c.oid), 'alter table ' || c.conrelid::regclass || ' drop constraint ' || quote_ident(c.conname)
			from pg_constraint c
			where c.conrelid = any (?::regclass[]) and c.contype = 'u'
			union all
			select 2, pg_get_indexdef(i.indexrelid), 'drop index ' || i.indexrelid::regclass
			from pg_index i
			where i.indrelid = any (?::regclass[]) and not i.indisprimary
			  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
			union all
			select 3, 'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' '
			       || pg_get_constraintdef(c.oid), 'alter table ' || c.conrelid::regclass || ' drop constraint ' || quote_ident(c.conname)
			from pg_constraint c
			where c.conrelid = any (?::regclass[]) and c.contype = 'f'
			order by 1, 2""";

	private final Connection connection;

	private final List<String> tables;

	private final List<String> analysed;

	private final Consumer<String> log;

	private final List<String> restore = new ArrayList<>();

	private IndexRebuild(Connection connection, List<String> tables, List<String> analysed, Consumer<String> log) {
		this.connection = connection;
		this.tables = tables;
		this.analysed = analysed;
		this.log = log;
	}

	/**
	 * Drops these tables' foreign keys, unique constraints and secondary indexes, foreign
	 * keys first so the unique indexes can go; {@link #restore()} rebuilds them after
	 * analysing the tables {@code analysed} (the loaded ones, dropped or not). A foreign
	 * key of another table that references one of the unique constraints must be dropped
	 * first.
	 */
	public static IndexRebuild drop(Connection connection, List<String> tables, List<String> analysed,
			Consumer<String> log) throws SQLException {
		IndexRebuild rebuild = new IndexRebuild(connection, tables, analysed, log);
		rebuild.drop();
		return rebuild;
	}

	private void drop() throws SQLException {
		List<String> drops = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(DEFINITIONS)) {
			String[] tables = this.tables.toArray(String[]::new);
			for (int i = 1; i <= 3; i++) {
				query.setArray(i, connection.createArrayOf("text", tables));
			}
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					restore.add(rs.getString(2));
					drops.add(0, rs.getString(3));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String drop : drops) {
				statement.execute(drop);
			}
			roomToSort(statement);
		}
		log.accept("Dropped " + drops.size() + " indexes and constraints of " + String.join(", ", tables)
				+ " for the load; they are rebuilt at the end");
	}

	/** Room to sort the largest index in memory; only for the current transaction. */
	private static void roomToSort(Statement statement) throws SQLException {
		statement.execute("set local maintenance_work_mem = '1GB'");
		statement.execute("set local work_mem = '256MB'");
	}

	/**
	 * Rebuilds every index and constraint dropped, and validates the foreign keys;
	 * statistics first, so the validation queries are planned for millions of rows rather
	 * than for empty tables.
	 */
	public void restore() throws SQLException {
		long start = System.nanoTime();
		analyze(connection, analysed);
		log.accept(String.format("%5.1f s  analyze", (System.nanoTime() - start) / 1e9));
		try (Statement statement = connection.createStatement()) {
			roomToSort(statement);
			for (String definition : restore) {
				start = System.nanoTime();
				statement.execute(definition);
				log.accept(String.format("%5.1f s  %s", (System.nanoTime() - start) / 1e9, definition));
			}
		}
	}

	/**
	 * Analyses every table of the current schema that was never analysed (nor vacuumed)
	 * and holds rows, as the end of a load into a fresh database: statistics for whatever
	 * the load filled, without naming (and without analysing again) the tables analysed
	 * on the way. Returns the tables analysed.
	 */
	public static List<String> analyzeUnanalysed(Connection connection) throws SQLException {
		List<String> filled = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			List<String> never = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("""
					select c.oid::regclass::text from pg_class c
					where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.reltuples < 0
					order by 1""")) {
				while (rs.next()) {
					never.add(rs.getString(1));
				}
			}
			for (String table : never) {
				try (ResultSet rs = statement.executeQuery("select exists (select 1 from " + table + ")")) {
					if (rs.next() && rs.getBoolean(1)) {
						filled.add(table);
					}
				}
			}
			if (!filled.isEmpty()) {
				statement.execute("analyze " + String.join(", ", filled));
			}
		}
		return filled;
	}

	/**
	 * Vacuums the database after a load into it (PostgreSQL; outside a transaction): sets
	 * the visibility map, without which an index-only scan reads every row's heap page
	 * anyway. Until autovacuum (if it runs at all) gets there, the person search's
	 * bounded count on a freshly generated city read ~1,100 pages in 240 ms instead of
	 * 241 pages in 10 ms (docs/BENCHMARKS.md, "Issue 13").
	 */
	public static void vacuum(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("vacuum");
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Fresh planner statistics for these tables after a load, so autovacuum need not
	 * catch up first.
	 */
	public static void analyze(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				statement.execute("analyze " + table);
			}
		}
	}

}
