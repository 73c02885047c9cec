package cn.huoxian.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;

/** Regions: each row's parent is in the database or in an earlier row of the file. */
final class RegionImport implements RowImport {

	/**
	 * A region as the file would leave it: its level and path, or invalid when its row
	 * has errors.
	 */
	private record Placed(int row, RegionLevel level, RegionPath path, boolean valid) {
	}

	private final Regions regions;

	private final CurrentUser user;

	private final Map<String, Placed> inFile = new HashMap<>();

	private final Map<String, Optional<RegionView>> stored = new HashMap<>();

	private final List<ImportRow> orphans = new ArrayList<>();

	RegionImport(Regions regions, CurrentUser user) {
		this.regions = regions;
		this.user = user;
	}

	@Override
	public void check(List<ImportRow> rows) {
		rows.forEach(this::check);
	}

	private void check(ImportRow row) {
		String code = row.required("code", 20);
		row.required("name", 100);
		String parentCode = row.required("parentCode", 20);
		Placed earlier = code == null ? null : inFile.get(code);
		if (earlier != null) {
			row.error("code", "exchange.error.repeats", earlier.row());
			return;
		}
		Placed parent = parentCode == null ? null : parent(row, parentCode);
		RegionLevel level = parent == null ? null : parent.level().below();
		if (parent != null && level == null) {
			row.error("parentCode", "exchange.error.region.parentIsGrid");
		}
		if (code != null && level != null) {
			if (level.codeProblem(code, parentCode) != null) {
				row.error("code", "exchange.error.region.code." + level.name(), parentCode);
			}
			else if (lookup(code).isPresent()) {
				row.error("code", "exchange.error.region.exists");
			}
		}
		if (code != null) {
			RegionPath path = level == null ? null : parent.path().child(code);
			inFile.put(code, new Placed(row.number(), level, path, level != null && !row.hasErrors()));
		}
	}

	/**
	 * The parent from an earlier row or the database; null (with an error, or deferred)
	 * otherwise.
	 */
	private Placed parent(ImportRow row, String parentCode) {
		Placed earlier = inFile.get(parentCode);
		if (earlier != null) {
			if (!earlier.valid()) {
				row.error("parentCode", "exchange.error.region.parentHasErrors", earlier.row());
				return null;
			}
			return earlier;
		}
		// a parent the importer cannot read is treated exactly like a missing one
		RegionView region = lookup(parentCode).filter(r -> user.scope().coversRegion(r.path())).orElse(null);
		if (region == null) {
			// perhaps defined further down: told apart once the whole file is read
			orphans.add(row);
			return null;
		}
		return new Placed(0, region.level(), region.path(), true);
	}

	private Optional<RegionView> lookup(String code) {
		return stored.computeIfAbsent(code, regions::byCode);
	}

	@Override
	public void checked() {
		for (ImportRow row : orphans) {
			String parentCode = row.text("parentCode");
			Placed below = inFile.get(parentCode);
			if (below != null) {
				row.error("parentCode", "exchange.error.region.parentBelow", below.row());
			}
			else {
				row.error("parentCode", "exchange.error.region.unknown", parentCode);
			}
		}
	}

	/**
	 * Creates the chunk's regions through {@link Regions#createAll}, in file order so
	 * parents exist before their children; it applies {@code Regions.create}'s rules
	 * again (a region created meanwhile by someone else is refused there, row by row).
	 */
	@Override
	public void write(List<ImportRow> rows) {
		List<RegionForm> forms = rows.stream()
			.map(row -> new RegionForm(row.text("code"), row.text("name"), row.text("parentCode")))
			.toList();
		try {
			regions.createAll(forms, user);
		}
		catch (InvalidInputException ex) {
			Refusals.report(ImportKind.REGIONS, rows, ex, "code");
		}
	}

}
