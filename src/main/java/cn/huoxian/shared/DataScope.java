package cn.huoxian.shared;

import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What one user may see: region subtrees (by path), units, party-organisation subtrees
 * (by org path), and for self-service accounts only their own person. Every query that
 * lists or loads scoped rows adds one of the conditions built here, so scope is enforced
 * in the query layer.
 */
public record DataScope(List<RegionPath> regions, List<Long> unitIds, List<String> organisationPaths,
		Long selfPersonId) {

	public DataScope {
		regions = List.copyOf(regions);
		unitIds = List.copyOf(unitIds);
		organisationPaths = List.copyOf(organisationPaths);
	}

	public static DataScope ofRegions(RegionPath... paths) {
		return new DataScope(List.of(paths), List.of(), List.of(), null);
	}

	public static DataScope none() {
		return new DataScope(List.of(), List.of(), List.of(), null);
	}

	/**
	 * True when the region at this path lies inside one of the scope's region subtrees.
	 */
	public boolean coversRegion(RegionPath path) {
		return path != null && regions.stream().anyMatch(path::isWithin);
	}

	/** True when the party organisation with this org path lies inside the scope. */
	public boolean coversOrganisation(String orgPath) {
		return orgPath != null && organisationPaths.stream().anyMatch(orgPath::startsWith);
	}

	public boolean coversUnit(Long unitId) {
		return unitId != null && unitIds.contains(unitId);
	}

	/**
	 * {@code path LIKE r1% OR path LIKE r2% ...}; false when the scope holds no region.
	 */
	public Condition regionCondition(Field<String> path) {
		return DSL.or(regions.stream().map(r -> under(path, r)).toList());
	}

	/**
	 * {@code path LIKE 'prefix%'} with the prefix inlined, not bound: PostgreSQL turns it
	 * into an index range only when it sees the prefix, and a cached generic plan for
	 * {@code LIKE ?} scans the table. Paths are digits and slashes read from the
	 * database, and jOOQ escapes inlined literals.
	 */
	public static Condition under(Field<String> path, RegionPath region) {
		return path.like(DSL.inline(region.subtreePattern()));
	}

	/** {@code orgPath LIKE 'prefix%'}, inlined like {@link #under(Field, RegionPath)}. */
	private static Condition underOrganisation(Field<String> orgPath, String prefix) {
		return orgPath.like(DSL.inline(prefix + "%"));
	}

	public Condition organisationCondition(Field<String> orgPath) {
		return DSL.or(organisationPaths.stream().map(p -> underOrganisation(orgPath, p)).toList());
	}

	public Condition unitCondition(Field<Long> unitId) {
		return unitIds.isEmpty() ? DSL.falseCondition() : unitId.in(unitIds);
	}

}
