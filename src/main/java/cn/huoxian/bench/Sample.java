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

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.shared.RegionPath;

/**
 * Existing codes and ID numbers drawn at random (seeded) from the generated city, read
 * before timing starts through the owners' "for benchmarks" lookups.
 */
record Sample(List<String> counties, List<String> townships, List<String> grids, List<String> idNumbers) {

	static Sample draw(Regions regions, People people, Random random, int size) {
		List<String> idNumbers = people.sampleIdNumbers(random, size);
		if (idNumbers.isEmpty()) {
			throw new IllegalStateException("no persons: generate the demo city first");
		}
		return new Sample(codes(regions, RegionLevel.COUNTY, random, size),
				codes(regions, RegionLevel.TOWNSHIP, random, size), codes(regions, RegionLevel.GRID, random, size),
				idNumbers);
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
	static List<RegionPath> paths(Regions regions, RegionLevel level, Random random, int size) {
		List<RegionPath> paths = new ArrayList<>(regions.atLevel(level).stream().map(RegionView::path).toList());
		Collections.shuffle(paths, random);
		return paths.subList(0, Math.min(size, paths.size()));
	}

	private static List<String> codes(Regions regions, RegionLevel level, Random random, int size) {
		List<String> codes = new ArrayList<>(regions.atLevel(level).stream().map(RegionView::code).toList());
		if (codes.isEmpty()) {
			throw new IllegalStateException("no " + level + " region: generate the demo city first");
		}
		Collections.shuffle(codes, random);
		return codes.subList(0, Math.min(size, codes.size()));
	}

}
