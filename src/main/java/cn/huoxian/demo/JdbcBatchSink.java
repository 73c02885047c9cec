package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Batched INSERTs through one prepared statement per table: portable to H2 and
 * PostgreSQL.
 */
class JdbcBatchSink extends BatchSink {

	private static final int BATCH = 5000;

	private final Connection connection;

	private final PreparedStatement[] statements = new PreparedStatement[Table.values().length];

	private final int[] pending = new int[Table.values().length];

	private int pendingTotal;

	private PreparedStatement statement;

	JdbcBatchSink(Connection connection) {
		this.connection = connection;
	}

	@Override
	void startRow(Table table) throws SQLException {
		statement = statements[table.ordinal()];
		if (statement == null) {
			String sql = "insert into " + table.name + " (" + table.columnList() + ") values ("
					+ "?, ".repeat(table.columns.length - 1) + "?)";
			statement = connection.prepareStatement(sql);
			statements[table.ordinal()] = statement;
		}
	}

	@Override
	void putLong(int column, long value) throws SQLException {
		statement.setLong(column + 1, value);
	}

	@Override
	void putInt(int column, int value) throws SQLException {
		statement.setInt(column + 1, value);
	}

	@Override
	void putText(int column, CharSequence value) throws SQLException {
		statement.setObject(column + 1, value.toString());
	}

	@Override
	void putDate(int column, LocalDate value) throws SQLException {
		statement.setObject(column + 1, value);
	}

	@Override
	void putBool(int column, boolean value) throws SQLException {
		statement.setObject(column + 1, value);
	}

	@Override
	void putNull(int column, Type type) throws SQLException {
		statement.setNull(column + 1, type.sqlType);
	}

	@Override
	void endRow(Table table) throws SQLException {
		statement.addBatch();
		pending[table.ordinal()]++;
		pendingTotal++;
	}

	@Override
	boolean full() {
		return pendingTotal >= BATCH;
	}

	@Override
	boolean pending() {
		return pendingTotal > 0;
	}

	/** One batch per table, in foreign-key order. */
	@Override
	void send() throws SQLException {
		for (Table t : Table.values()) {
			if (pending[t.ordinal()] > 0) {
				statements[t.ordinal()].executeBatch();
				pending[t.ordinal()] = 0;
			}
		}
		pendingTotal = 0;
	}

	@Override
	void release() throws SQLException {
		for (PreparedStatement s : statements) {
			if (s != null) {
				s.close();
			}
		}
	}

}
