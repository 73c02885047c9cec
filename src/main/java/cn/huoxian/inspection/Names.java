package cn.huoxian.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import org.springframework.stereotype.Component;

/**
 * The names inspections show — inspectors and owners, target regions and units — read
 * from their owners in one query per kind for a batch of rows (unscoped: the rows were
 * already filtered by scope).
 */
@Component
class Names {

	/** Rows of a stream whose names are looked up together. */
	static final int CHUNK = 1000;

	private final People people;

	private final Regions regions;

	private final Units units;

	Names(People people, Regions regions, Units units) {
		this.people = people;
		this.regions = regions;
		this.units = units;
	}

	/** The names of these rows' persons and targets. */
	<R> Batch of(Collection<R> rows, Function<R, Long> person, Function<R, Long> region, Function<R, Long> unit) {
		return new Batch(people.names(ids(rows, person)), regions.views(ids(rows, region)),
				units.views(ids(rows, unit)));
	}

	/** Writes streamed rows in order, a chunk at a time with its names. */
	<R> void inChunks(Iterable<R> rows, Function<R, Long> person, Function<R, Long> region, Function<R, Long> unit,
			Writer<R> writer) throws IOException {
		List<R> chunk = new ArrayList<>();
		for (R row : rows) {
			chunk.add(row);
			if (chunk.size() == CHUNK) {
				write(chunk, person, region, unit, writer);
				chunk.clear();
			}
		}
		write(chunk, person, region, unit, writer);
	}

	/** As {@link #inChunks} for writers that throw nothing checked. */
	<R> void inChunksUnchecked(Iterable<R> rows, Function<R, Long> person, Function<R, Long> region,
			Function<R, Long> unit, Writer<R> writer) {
		try {
			inChunks(rows, person, region, unit, writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <R> void write(List<R> chunk, Function<R, Long> person, Function<R, Long> region, Function<R, Long> unit,
			Writer<R> writer) throws IOException {
		if (chunk.isEmpty()) {
			return;
		}
		Batch names = of(chunk, person, region, unit);
		for (R row : chunk) {
			writer.write(row, names);
		}
	}

	private static <R> java.util.Set<Long> ids(Collection<R> rows, Function<R, Long> id) {
		return rows.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	/** Writes one row with the names of its chunk. */
	interface Writer<R> {

		void write(R row, Batch names) throws IOException;

	}

	/** Looked-up names: a target is its region, else its unit. */
	record Batch(Map<Long, String> persons, Map<Long, RegionView> regions, Map<Long, UnitView> units) {

		String person(Long id) {
			return id == null ? null : persons.get(id);
		}

		String regionCode(Long id) {
			RegionView region = id == null ? null : regions.get(id);
			return region == null ? null : region.code();
		}

		String unitCode(Long id) {
			UnitView unit = id == null ? null : units.get(id);
			return unit == null ? null : unit.code();
		}

		String targetName(Long regionId, Long unitId) {
			RegionView region = regionId == null ? null : regions.get(regionId);
			if (region != null && region.name() != null) {
				return region.name();
			}
			UnitView unit = unitId == null ? null : units.get(unitId);
			return unit == null ? null : unit.name();
		}

		String targetCode(Long regionId, Long unitId) {
			RegionView region = regionId == null ? null : regions.get(regionId);
			if (region != null && region.code() != null) {
				return region.code();
			}
			return unitCode(unitId);
		}

	}

}
