package cn.huoxian.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Sends the rows of some tables to one sink and the rest to another, so two COPY streams
 * on two connections load in parallel (PostgreSQL parses one COPY on one core).
 */
final class SplitSink implements RowSink {

	private final RowSink main;

	private final RowSink side;

	private final Set<Table> sideTables;

	private RowSink current;

	SplitSink(RowSink main, RowSink side, Set<Table> sideTables) {
		this.main = main;
		this.side = side;
		this.sideTables = sideTables;
	}

	@Override
	public RowSink row(Table table) {
		current = sideTables.contains(table) ? side : main;
		current.row(table);
		return this;
	}

	@Override
	public RowSink value(long value) {
		current.value(value);
		return this;
	}

	@Override
	public RowSink value(CharSequence value) {
		current.value(value);
		return this;
	}

	@Override
	public RowSink value(LocalDate value) {
		current.value(value);
		return this;
	}

	@Override
	public RowSink value(boolean value) {
		current.value(value);
		return this;
	}

	@Override
	public RowSink nul() {
		current.nul();
		return this;
	}

	@Override
	public void end() throws SQLException {
		current.end();
	}

	@Override
	public void flush() throws SQLException {
		side.flush();
		main.flush();
	}

	@Override
	public long rows(Table table) {
		return sideTables.contains(table) ? side.rows(table) : main.rows(table);
	}

	@Override
	public void close() throws SQLException {
		try {
			side.close();
		}
		finally {
			main.close();
		}
	}

}
