package cn.huoxian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

/**
 * Existing codes and ID numbers drawn at random (seeded) from the generated city, read
 * before timing starts.
 */
record Sample(List<String> counties, List<String> townships, List<String> grids, List<String> idNumbers) {

	static Sample draw(DataSource dataSource, Random random, int size) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return new Sample(codes(connection, "COUNTY", random, size), codes(connection, "TOWNSHIP", random, size),
					codes(connection, "GRID", random, size), idNumbers(connection, random, size));
		}
	}

	/**
	 * The database product and version, and on PostgreSQL its collation (LIKE uses
	 * indexes only under C).
	 */
	static String describe(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
			if (!product.toLowerCase().contains("postgres")) {
				return product;
			}
			try (PreparedStatement query = connection.prepareStatement(
					"select datcollate, pg_size_pretty(pg_database_size(current_database())) from pg_database "
							+ "where datname = current_database()");
					ResultSet rs = query.executeQuery()) {
				rs.next();
				return product + ", collation " + rs.getString(1) + ", size " + rs.getString(2);
			}
		}
	}

	/** Paths of up to {@code size} regions of one level, in random order. */
	static List<String> paths(DataSource dataSource, String level, Random random, int size) throws SQLException {
		List<String> paths = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection
					.prepareStatement("select path from region where region_level = ? order by code")) {
			query.setString(1, level);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					paths.add(rs.getString(1));
				}
			}
		}
		Collections.shuffle(paths, random);
		return paths.subList(0, Math.min(size, paths.size()));
	}

	private static List<String> codes(Connection connection, String level, Random random, int size)
			throws SQLException {
		List<String> codes = new ArrayList<>();
		try (PreparedStatement query = connection
			.prepareStatement("select code from region where region_level = ? order by code")) {
			query.setString(1, level);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					codes.add(rs.getString(1));
				}
			}
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException("no " + level + " region: generate the demo city first");
		}
		Collections.shuffle(codes, random);
		return codes.subList(0, Math.min(size, codes.size()));
	}

	/**
	 * ID numbers of persons picked by random id, so each iteration looks up a different
	 * one.
	 */
	private static List<String> idNumbers(Connection connection, Random random, int size) throws SQLException {
		long min;
		long max;
		try (PreparedStatement query = connection.prepareStatement("select min(id), max(id) from person");
				ResultSet rs = query.executeQuery()) {
			rs.next();
			min = rs.getLong(1);
			max = rs.getLong(2);
		}
		List<String> numbers = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select id_number from person where id = ?")) {
			for (int tries = 0; numbers.size() < size && tries < size * 10; tries++) {
				query.setLong(1, min + (long) (random.nextDouble() * (max - min + 1)));
				try (ResultSet rs = query.executeQuery()) {
					if (rs.next()) {
						numbers.add(rs.getString(1));
					}
				}
			}
		}
		if (numbers.isEmpty()) {
			throw new IllegalStateException("no persons: generate the demo city first");
		}
		return numbers;
	}

}
