package cn.huoxian.shared.bulk;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Rows of one table written in bulk, in the caller's transaction: multi-row INSERTs of
 * {@value #ROWS} rows each through JDBC (fast on PostgreSQL and H2 without driver
 * options; jOOQ's own multi-row insert was several times slower), the table and columns
 * named by jOOQ's generated fields. For the owner of the table only, loading thousands of
 * rows at once (the demo's deployment network); it publishes no events, the caller
 * rebuilds what is derived from the rows.
 */
public final class BulkInsert implements AutoCloseable {

	public static final int ROWS = 500;

	private final DSLContext db;

	private final Table<? extends Record> table;

	private final Field<?>[] fields;

	private final String columns;

	private final List<Object[]> buffer = new ArrayList<>();

	private long written;

	public BulkInsert(DSLContext db, Table<? extends Record> table, Field<?>... fields) {
		this.db = db;
		this.table = table;
		this.fields = fields;
		this.columns = Stream.of(fields).map(f -> db.render(DSL.name(f.getName()))).collect(Collectors.joining(", "));
	}

	/** One row: a value for each field, in the fields' order. */
	public void add(Object... values) {
		if (values.length != fields.length) {
			throw new IllegalArgumentException(
					table.getName() + ": " + values.length + " values for " + fields.length + " fields");
		}
		buffer.add(values);
		if (buffer.size() == ROWS) {
			flush();
		}
	}

	/** Rows written so far. */
	public long written() {
		return written;
	}

	public String table() {
		return table.getName();
	}

	public void flush() {
		if (buffer.isEmpty()) {
			return;
		}
		String row = "(" + "?, ".repeat(fields.length - 1) + "?)";
		String sql = "insert into " + db.render(DSL.name(table.getName())) + " (" + columns + ") values "
				+ String.join(", ", Collections.nCopies(buffer.size(), row));
		db.connection(connection -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				int index = 1;
				for (Object[] values : buffer) {
					for (Object value : values) {
						statement.setObject(index++, value);
					}
				}
				statement.executeUpdate();
			}
		});
		written += buffer.size();
		buffer.clear();
	}

	@Override
	public void close() {
		flush();
	}

	/**
	 * The rows each insert wrote, by table, in the inserts' order; tables without rows
	 * are left out.
	 */
	public static Map<String, Long> written(BulkInsert... inserts) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (BulkInsert insert : inserts) {
			if (insert.written() > 0) {
				rows.merge(insert.table(), insert.written(), Long::sum);
			}
		}
		return rows;
	}

	/**
	 * The first id after the largest one in the table, for rows a bulk load gives their
	 * ids itself (children reference them in the same load); follow with
	 * {@link #restartIdentity}. For a database nobody else writes to at the time.
	 */
	public static long nextId(DSLContext db, Table<?> table, Field<Long> id) {
		return db.select(DSL.coalesce(DSL.max(id), 0L)).from(table).fetchSingle().value1() + 1;
	}

	/** Moves the table's identity column on to {@code next}, past the ids given here. */
	public static void restartIdentity(DSLContext db, Table<?> table, Field<Long> id, long next) {
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			db.fetch("select setval(pg_get_serial_sequence({0}, {1}), {2}, false)", DSL.inline(table.getName()),
					DSL.inline(id.getName()), DSL.inline(next));
		}
		else {
			db.execute("alter table {0} alter column {1} restart with {2}", DSL.name(table.getName()),
					DSL.name(id.getName()), DSL.inline(next));
		}
	}

	/**
	 * The result of a bulk load: the new ids in the order the rows were given, rows by
	 * table.
	 */
	public record Loaded(List<Long> ids, Map<String, Long> rows) {

	}

}
