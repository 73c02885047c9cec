package cn.huoxian.shared.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Batched INSERTs through one prepared statement per table: portable to H2 and
 * PostgreSQL.
 */
class JdbcBatchSink extends BatchSink {

	private static final int BATCH = 5000;

	private final Connection connection;

	private PreparedStatement[] statements = new PreparedStatement[0];

	private int[] pending = new int[0];

	private int pendingTotal;

	private PreparedStatement statement;

	JdbcBatchSink(Connection connection) {
		this.connection = connection;
	}

	@Override
	void registered(Table table) {
		statements = Arrays.copyOf(statements, table.index + 1);
		pending = Arrays.copyOf(pending, table.index + 1);
	}

	@Override
	void startRow(Table table) throws SQLException {
		statement = statements[table.index];
		if (statement == null) {
			String sql = "insert into " + table.name + " (" + table.columnList() + ") values ("
					+ "?, ".repeat(table.columns.length - 1) + "?)";
			statement = connection.prepareStatement(sql);
			statements[table.index] = statement;
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
		pending[table.index]++;
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

	/** One batch per table, in registration order. */
	@Override
	void send() throws SQLException {
		for (Table t : tables) {
			if (pending[t.index] > 0) {
				statements[t.index].executeBatch();
				pending[t.index] = 0;
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
