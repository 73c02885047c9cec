package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Where rows loaded in bulk go: batched INSERTs (any database) or COPY (PostgreSQL). The
 * sink names no table: the module that owns a table registers it with its columns
 * ({@link #table}) and writes its rows value by value in column order, without boxing:
 * {@code sink.row(t).value(..)...end()}. Rows of a table registered earlier are always
 * written before those of one registered later, whatever order they were added in:
 * register parents before children. Character values may be reusable builders: a sink
 * copies them before {@link #end()} returns.
 */
public interface RowSink extends AutoCloseable {

	/**
	 * COPY in PostgreSQL's binary format on PostgreSQL, batched INSERTs elsewhere; rows
	 * go into the connection's current transaction.
	 */
	static RowSink open(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
				? new PgCopySink(connection) : new JdbcBatchSink(connection);
	}

	/** A column's SQL type, as far as writing a value needs it. */
	enum Type {

		BIGINT(Types.BIGINT), INT(Types.INTEGER), TEXT(Types.VARCHAR), DATE(Types.DATE), BOOL(Types.BOOLEAN);

		final int sqlType;

		Type(int sqlType) {
			this.sqlType = sqlType;
		}

	}

	/**
	 * A table registered with one sink, with the columns (and their types) each of its
	 * rows gives.
	 */
	final class Table {

		final RowSink sink;

		final int index;

		final String name;

		final String[] columns;

		final Type[] types;

		Table(RowSink sink, int index, String name, String... columns) {
			this.sink = sink;
			this.index = index;
			this.name = name;
			this.columns = Arrays.stream(columns).map(c -> c.split(" ")[0]).toArray(String[]::new);
			this.types = Arrays.stream(columns)
				.map(c -> Type.valueOf(c.split(" ")[1].toUpperCase()))
				.toArray(Type[]::new);
		}

		public String name() {
			return name;
		}

		String columnList() {
			return String.join(", ", columns);
		}

		@Override
		public String toString() {
			return name;
		}

	}

	/**
	 * Registers a table before the first row: its name and its columns as
	 * {@code "name type"} (types: bigint, int, text, date, bool), in the order its rows
	 * give them.
	 */
	Table table(String name, String... columns);

	/**
	 * Starts a row of this table; give every column in order, then call {@link #end()}.
	 */
	RowSink row(Table table);

	/** A BIGINT or INT column. */
	RowSink value(long value);

	/** A nullable BIGINT column. */
	default RowSink value(Long value) {
		return value == null ? nul() : value(value.longValue());
	}

	/** A text column; null writes NULL. */
	RowSink value(CharSequence value);

	/** A date column; null writes NULL. */
	RowSink value(LocalDate value);

	RowSink value(boolean value);

	RowSink nul();

	/** Ends the row; may write buffered rows. */
	void end() throws SQLException;

	/**
	 * Writes everything buffered, in registration order, and waits until it is written.
	 */
	void flush() throws SQLException;

	long rows(Table table);

	@Override
	default void close() throws SQLException {
		flush();
	}

}
