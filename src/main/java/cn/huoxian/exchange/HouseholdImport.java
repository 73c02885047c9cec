package cn.huoxian.exchange;

import static cn.huoxian.db.Tables.BUILDING;
import static cn.huoxian.db.Tables.HOUSEHOLD;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import org.jooq.DSLContext;

/**
 * Households under grids, with their buildings found or created by name. Written in JDBC
 * batches with the region counters added once per grid at the end, not once per row, so
 * the transaction does not hold the city's counter row locked from the first row to the
 * last.
 */
final class HouseholdImport implements RowImport {

	/** A checked row. */
	private record Household(RegionView grid, String building, String address, String door) {

		String key() {
			return key(grid.id(), building, address, door);
		}

		static String key(long gridId, String building, String address, String door) {
			return gridId + "\u0000" + (building == null ? "" : building) + "\u0000" + address + "\u0000"
					+ (door == null ? "" : door);
		}

	}

	private final DSLContext db;

	private final Regions regions;

	private final CurrentUser user;

	private final Map<String, Optional<RegionView>> grids = new HashMap<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private final Map<String, Long> buildings = new HashMap<>();

	private final Map<String, Integer> added = new HashMap<>();

	HouseholdImport(DSLContext db, Regions regions, CurrentUser user) {
		this.db = db;
		this.regions = regions;
		this.user = user;
	}

	@Override
	public void check(List<ImportRow> rows) {
		Map<String, ImportRow> fresh = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Household household = parse(row);
			if (household == null) {
				continue;
			}
			Integer first = seen.putIfAbsent(household.key(), row.number());
			if (first != null) {
				row.error("address", "exchange.error.household.repeats", first);
			}
			else {
				fresh.put(household.key(), row);
			}
		}
		reportRegistered(fresh);
	}

	private Household parse(ImportRow row) {
		String code = row.required("regionCode", 20);
		String building = row.optional("building", 100);
		String address = row.required("address", 200);
		String door = row.optional("door", 40);
		RegionView grid = code == null ? null : grid(row, code);
		return row.hasErrors() ? null : new Household(grid, building, address, door);
	}

	private RegionView grid(ImportRow row, String code) {
		RegionView region = grids.computeIfAbsent(code, regions::byCode).orElse(null);
		if (region == null || !user.scope().coversRegion(region.path())) {
			row.error("regionCode", "exchange.error.region.unknown", code);
		}
		else if (region.level() != RegionLevel.GRID) {
			row.error("regionCode", "exchange.error.household.notGrid");
		}
		return row.hasErrors() ? null : region;
	}

	/**
	 * A household already registered at the same grid, building, address and door: likely
	 * a second upload.
	 */
	private void reportRegistered(Map<String, ImportRow> fresh) {
		if (fresh.isEmpty()) {
			return;
		}
		Set<String> paths = new HashSet<>();
		Set<String> addresses = new HashSet<>();
		fresh.values().forEach(row -> {
			paths.add(grids.get(row.text("regionCode")).orElseThrow().path());
			addresses.add(row.text("address"));
		});
		// a household carries its grid's path: the (path, id) index finds the grid's
		// households
		db.select(HOUSEHOLD.ID, HOUSEHOLD.REGION_ID, BUILDING.NAME, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR)
			.from(HOUSEHOLD)
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.where(HOUSEHOLD.PATH.in(paths))
			.and(HOUSEHOLD.ADDRESS.in(addresses))
			.forEach(r -> {
				ImportRow row = fresh.remove(Household.key(r.get(HOUSEHOLD.REGION_ID), r.get(BUILDING.NAME),
						r.get(HOUSEHOLD.ADDRESS), r.get(HOUSEHOLD.DOOR)));
				if (row != null) {
					row.error("address", "exchange.error.household.registered", r.get(HOUSEHOLD.ID));
				}
			});
	}

	@Override
	public void write(List<ImportRow> rows) {
		var insert = db.insertInto(HOUSEHOLD, HOUSEHOLD.REGION_ID, HOUSEHOLD.PATH, HOUSEHOLD.BUILDING_ID,
				HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR);
		int households = 0;
		for (ImportRow row : rows) {
			Household household = parse(row);
			if (household == null) {
				continue;
			}
			RegionView grid = household.grid();
			insert = insert.values(grid.id(), grid.path(), buildingId(grid, household.building()), household.address(),
					household.door());
			added.merge(grid.path(), 1, Integer::sum);
			households++;
		}
		// one multi-row INSERT per chunk
		if (households > 0) {
			insert.execute();
		}
	}

	private Long buildingId(RegionView grid, String name) {
		if (name == null) {
			return null;
		}
		return buildings.computeIfAbsent(grid.id() + "\u0000" + name, k -> {
			Long id = db.select(BUILDING.ID)
				.from(BUILDING)
				.where(BUILDING.REGION_ID.eq(grid.id()), BUILDING.NAME.eq(name))
				.fetchOne(BUILDING.ID);
			return id != null ? id
					: db.insertInto(BUILDING, BUILDING.REGION_ID, BUILDING.PATH, BUILDING.NAME)
						.values(grid.id(), grid.path(), name)
						.returning(BUILDING.ID)
						.fetchOne(BUILDING.ID);
		});
	}

	@Override
	public void written() {
		added.forEach(regions::householdsAdded);
	}

}
