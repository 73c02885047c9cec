package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Batched INSERTs through one prepared statement per table: portable to H2 and
 * PostgreSQL.
 */
class JdbcBatchSink implements RowSink {

	private static final int BATCH = 5000;

	private final Connection connection;

	private final PreparedStatement[] statements = new PreparedStatement[Table.values().length];

	private final int[] pending = new int[Table.values().length];

	private final long[] counts = new long[Table.values().length];

	private int pendingTotal;

	private Table table;

	private PreparedStatement statement;

	private int column;

	JdbcBatchSink(Connection connection) {
		this.connection = connection;
	}

	@Override
	public RowSink row(Table table) {
		this.table = table;
		this.statement = statements[table.ordinal()];
		this.column = 0;
		return this;
	}

	@Override
	public RowSink value(long value) {
		try {
			if (table.types[column] == Type.INT) {
				prepared().setInt(column + 1, Math.toIntExact(value));
			}
			else {
				prepared().setLong(column + 1, value);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		column++;
		return this;
	}

	@Override
	public RowSink value(CharSequence value) {
		return value == null ? nul() : set(value.toString());
	}

	@Override
	public RowSink value(LocalDate value) {
		return value == null ? nul() : set(value);
	}

	@Override
	public RowSink value(boolean value) {
		return set(value);
	}

	@Override
	public RowSink nul() {
		try {
			prepared().setNull(column + 1, table.types[column].sqlType);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		column++;
		return this;
	}

	private RowSink set(Object value) {
		try {
			prepared().setObject(column + 1, value);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		column++;
		return this;
	}

	private PreparedStatement prepared() throws SQLException {
		if (statement == null) {
			String sql = "insert into " + table.name + " (" + table.columnList() + ") values ("
					+ "?, ".repeat(table.columns.length - 1) + "?)";
			statement = connection.prepareStatement(sql);
			statements[table.ordinal()] = statement;
		}
		return statement;
	}

	@Override
	public void end() throws SQLException {
		if (column != table.columns.length) {
			throw new IllegalStateException(table.name + " row has " + column + " values, not " + table.columns.length);
		}
		prepared().addBatch();
		pending[table.ordinal()]++;
		counts[table.ordinal()]++;
		if (++pendingTotal >= BATCH) {
			flush();
		}
	}

	@Override
	public void flush() throws SQLException {
		for (Table t : Table.values()) {
			if (pending[t.ordinal()] > 0) {
				statements[t.ordinal()].executeBatch();
				pending[t.ordinal()] = 0;
			}
		}
		pendingTotal = 0;
	}

	@Override
	public long rows(Table table) {
		return counts[table.ordinal()];
	}

	@Override
	public void close() throws SQLException {
		try {
			flush();
		}
		finally {
			for (PreparedStatement s : statements) {
				if (s != null) {
					s.close();
				}
			}
		}
	}

}
