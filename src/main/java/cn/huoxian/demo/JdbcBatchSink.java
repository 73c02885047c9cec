package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Batched multi-row INSERTs: portable to H2 and PostgreSQL. */
class JdbcBatchSink implements RowSink {

	private static final int BATCH = 2000;

	private final Connection connection;

	private final Map<Table, List<Object[]>> buffers = new EnumMap<>(Table.class);

	private final Map<Table, Long> counts = new EnumMap<>(Table.class);

	JdbcBatchSink(Connection connection) {
		this.connection = connection;
		for (Table table : Table.values()) {
			buffers.put(table, new ArrayList<>());
			counts.put(table, 0L);
		}
	}

	@Override
	public void add(Table table, Object... row) throws SQLException {
		List<Object[]> buffer = buffers.get(table);
		buffer.add(row);
		counts.merge(table, 1L, Long::sum);
		if (buffer.size() >= BATCH) {
			flush();
		}
	}

	@Override
	public void flush() throws SQLException {
		for (Table table : Table.values()) {
			List<Object[]> buffer = buffers.get(table);
			if (buffer.isEmpty()) {
				continue;
			}
			String sql = "insert into " + table.name + " (" + String.join(", ", table.columns) + ") values ("
					+ "?, ".repeat(table.columns.length - 1) + "?)";
			try (PreparedStatement insert = connection.prepareStatement(sql)) {
				for (Object[] row : buffer) {
					for (int i = 0; i < row.length; i++) {
						insert.setObject(i + 1, row[i]);
					}
					insert.addBatch();
				}
				insert.executeBatch();
			}
			buffer.clear();
		}
	}

	@Override
	public long rows(Table table) {
		return counts.get(table);
	}

}
