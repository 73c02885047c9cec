package cn.huoxian.shared.bulk;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What both sinks do alike: tables are registered before the first row; each value is
 * checked against its column's type, a row against its table's column count; rows are
 * counted per table; buffered rows are sent when the sink says enough has gathered, and
 * {@link #flush()} sends the rest and waits. A subclass only encodes values
 * ({@code put...}) and sends what it buffered, table by table in registration order.
 */
abstract class BatchSink implements RowSink {

	/** The registered tables, by {@link Table#index}. */
	final List<Table> tables = new ArrayList<>();

	private long[] counts = new long[0];

	private boolean started;

	private Table table;

	private int column;

	@Override
	public final Table table(String name, String... columns) {
		if (started) {
			throw new IllegalStateException("register " + name + " before the first row");
		}
		Table registered = new Table(this, tables.size(), name, columns);
		tables.add(registered);
		counts = Arrays.copyOf(counts, tables.size());
		registered(registered);
		return registered;
	}

	@Override
	public final RowSink row(Table table) {
		if (table.sink != this) {
			throw new IllegalStateException(table.name + " is registered with another sink");
		}
		started = true;
		this.table = table;
		this.column = 0;
		try {
			startRow(table);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public final RowSink value(long value) {
		int at = column;
		Type type = next();
		try {
			if (type == Type.BIGINT) {
				putLong(at, value);
			}
			else if (type == Type.INT) {
				putInt(at, Math.toIntExact(value));
			}
			else {
				throw mismatch(type, "a number");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public final RowSink value(CharSequence value) {
		if (value == null) {
			return nul();
		}
		int at = column;
		Type type = next();
		if (type != Type.TEXT) {
			throw mismatch(type, "text");
		}
		try {
			putText(at, value);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public final RowSink value(LocalDate value) {
		if (value == null) {
			return nul();
		}
		int at = column;
		Type type = next();
		if (type != Type.DATE) {
			throw mismatch(type, "a date");
		}
		try {
			putDate(at, value);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public final RowSink value(boolean value) {
		int at = column;
		Type type = next();
		if (type != Type.BOOL) {
			throw mismatch(type, "a boolean");
		}
		try {
			putBool(at, value);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public final RowSink nul() {
		int at = column;
		Type type = next();
		try {
			putNull(at, type);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return this;
	}

	private Type next() {
		if (column >= table.types.length) {
			throw new IllegalStateException(table.name + " has only " + table.types.length + " columns");
		}
		return table.types[column++];
	}

	private IllegalStateException mismatch(Type type, String given) {
		return new IllegalStateException(
				table.name + "." + table.columns[column - 1] + " is " + type + ", not " + given);
	}

	@Override
	public final void end() throws SQLException {
		if (column != table.columns.length) {
			throw new IllegalStateException(table.name + " row has " + column + " values, not " + table.columns.length);
		}
		endRow(table);
		counts[table.index]++;
		if (full()) {
			send();
		}
	}

	@Override
	public final void flush() throws SQLException {
		if (pending()) {
			send();
		}
		await();
	}

	@Override
	public final long rows(Table table) {
		return table.sink == this ? counts[table.index] : 0;
	}

	@Override
	public final void close() throws SQLException {
		try {
			flush();
		}
		finally {
			release();
		}
	}

	/** A table was registered; its {@link Table#index} is the next one. */
	abstract void registered(Table table);

	/** A row of this table begins. */
	abstract void startRow(Table table) throws SQLException;

	/** A BIGINT value of the column at this index (from 0). */
	abstract void putLong(int column, long value) throws SQLException;

	abstract void putInt(int column, int value) throws SQLException;

	abstract void putText(int column, CharSequence value) throws SQLException;

	abstract void putDate(int column, LocalDate value) throws SQLException;

	abstract void putBool(int column, boolean value) throws SQLException;

	abstract void putNull(int column, Type type) throws SQLException;

	/** The row has all its values: buffer it. */
	abstract void endRow(Table table) throws SQLException;

	/** Whether enough is buffered to send now. */
	abstract boolean full();

	/** Whether anything is buffered. */
	abstract boolean pending();

	/** Sends (or hands off) what is buffered. */
	abstract void send() throws SQLException;

	/** Waits until everything sent is written; by default sending is synchronous. */
	void await() throws SQLException {
	}

	/** Frees what the sink holds, after the last flush. */
	abstract void release() throws SQLException;

}
