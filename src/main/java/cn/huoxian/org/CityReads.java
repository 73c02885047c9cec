package cn.huoxian.org;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The organisation network read whole, one query per call, unscoped: for code that plans
 * over all of the city at once (the demo's deployment network), not for pages.
 */
@Service
public class CityReads {

	private final DSLContext db;

	CityReads(DSLContext db) {
		this.db = db;
	}

	public record RegionLine(long id, String path, String name, RegionLevel level) {
	}

	/** A party organisation with the path of the region it sits in. */
	public record OrganisationLine(long id, long regionId, String path, String post) {
	}

	public record HouseholdLine(long id, String path) {
	}

	/** Every region, by id. */
	public List<RegionLine> regions() {
		return db.select(REGION.ID, REGION.PATH, REGION.NAME, REGION.REGION_LEVEL)
			.from(REGION)
			.orderBy(REGION.ID)
			.fetch(r -> new RegionLine(r.value1(), r.value2(), r.value3(), RegionLevel.valueOf(r.value4())));
	}

	/** The units of these kinds directly at the region path, by id. */
	public List<Long> unitsAt(String path, Collection<UnitKind> kinds) {
		return db.select(UNIT.ID)
			.from(UNIT)
			.where(UNIT.PATH.eq(path))
			.and(UNIT.KIND.in(kinds.stream().map(Enum::name).toList()))
			.orderBy(UNIT.ID)
			.fetch(UNIT.ID);
	}

	/** The region paths of these units. */
	public Map<Long, String> unitPaths(Collection<Long> ids) {
		return db.select(UNIT.ID, UNIT.PATH)
			.from(UNIT)
			.where(SqlArrays.anyOf(UNIT.ID, ids))
			.fetchMap(UNIT.ID, UNIT.PATH);
	}

	/** The region paths of these party organisations. */
	public Map<Long, String> organisationPaths(Collection<Long> ids) {
		return db.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.PATH)
			.from(PARTY_ORGANISATION)
			.where(SqlArrays.anyOf(PARTY_ORGANISATION.ID, ids))
			.fetchMap(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.PATH);
	}

	/** The temporary party organisations with their posts, by id. */
	public List<OrganisationLine> temporaryOrganisations() {
		return db
			.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.REGION_ID, PARTY_ORGANISATION.PATH,
					PARTY_ORGANISATION.POST)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.TEMPORARY.isTrue())
			.orderBy(PARTY_ORGANISATION.ID)
			.fetch(r -> new OrganisationLine(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/**
	 * The standing party organisations of villages and communities (not of a unit), with
	 * their village's path and no post, by id.
	 */
	public List<OrganisationLine> villageBranches() {
		return db.select(PARTY_ORGANISATION.ID, REGION.ID, REGION.PATH)
			.from(PARTY_ORGANISATION)
			.join(REGION)
			.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID))
			.where(REGION.REGION_LEVEL.eq(RegionLevel.VILLAGE.name()))
			.and(PARTY_ORGANISATION.TEMPORARY.isFalse())
			.and(PARTY_ORGANISATION.UNIT_ID.isNull())
			.orderBy(PARTY_ORGANISATION.ID)
			.fetch(r -> new OrganisationLine(r.value1(), r.value2(), r.value3(), null));
	}

	/** The households under a region path, by id. */
	public List<HouseholdLine> householdsUnder(String path) {
		return db.select(HOUSEHOLD.ID, HOUSEHOLD.PATH)
			.from(HOUSEHOLD)
			.where(DataScope.under(HOUSEHOLD.PATH, new RegionPath(path)))
			.orderBy(HOUSEHOLD.ID)
			.fetch(r -> new HouseholdLine(r.value1(), r.value2()));
	}

}
