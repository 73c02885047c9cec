package cn.huoxian.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huoxian.org.HouseholdForm;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;

/**
 * Households under grids, with their buildings found or created by name. Written through
 * {@link Households.Registration}, one multi-row insert per chunk, which adds the region
 * counters once per grid at the end, not once per row, so the transaction does not hold
 * the city's counter row locked from the first row to the last.
 */
final class HouseholdImport implements RowImport {

	/** A checked row. */
	private record Household(RegionView grid, String building, String address, String door) {

		String key() {
			return key(grid.path(), building, address, door);
		}

		static String key(RegionPath gridPath, String building, String address, String door) {
			return gridPath.value() + "\u0000" + (building == null ? "" : building) + "\u0000" + address + "\u0000"
					+ (door == null ? "" : door);
		}

	}

	private final Regions regions;

	private final Households households;

	private final CurrentUser user;

	private final Map<String, Optional<RegionView>> grids = new HashMap<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private Households.Registration registration;

	HouseholdImport(Regions regions, Households households, CurrentUser user) {
		this.regions = regions;
		this.households = households;
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
		Set<RegionPath> paths = new HashSet<>();
		Set<String> addresses = new HashSet<>();
		fresh.values().forEach(row -> {
			paths.add(grids.get(row.text("regionCode")).orElseThrow().path());
			addresses.add(row.text("address"));
		});
		for (HouseholdView household : households.atAddresses(paths, addresses)) {
			ImportRow row = fresh.remove(
					Household.key(household.path(), household.buildingName(), household.address(), household.door()));
			if (row != null) {
				row.error("address", "exchange.error.household.registered", household.id());
			}
		}
	}

	@Override
	public void write(List<ImportRow> rows) {
		if (registration == null) {
			registration = households.registration(user);
		}
		List<ImportRow> valid = new ArrayList<>();
		List<HouseholdForm> forms = new ArrayList<>();
		for (ImportRow row : rows) {
			Household household = parse(row);
			if (household != null) {
				valid.add(row);
				forms.add(new HouseholdForm(household.grid().code(), household.building(), household.address(),
						household.door()));
			}
		}
		try {
			registration.register(forms);
		}
		catch (InvalidInputException ex) {
			Refusals.report(ImportKind.HOUSEHOLDS, valid, ex, "regionCode");
		}
	}

	@Override
	public void written() {
		if (registration != null) {
			registration.finish();
		}
	}

}
