package cn.huoxian.org;

import java.util.List;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;

import java.util.Optional;

import cn.huoxian.db.tables.records.UnitRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units: government organs, SOEs and two-new organisations. */
@Service
public class Units {

	private final DSLContext db;

	private final Regions regions;

	Units(DSLContext db, Regions regions) {
		this.db = db;
		this.regions = regions;
	}

	/**
	 * Units the scope covers whose name contains the words or whose code starts with
	 * them, at most {@code limit}, by code: the unit picker's search.
	 */
	public List<UnitView> matching(String query, DataScope scope, int limit) {
		String q = query.strip().replace("%", "").replace("_", "");
		return db.select(UNIT.fields())
			.select(REGION.CODE)
			.from(UNIT)
			.join(REGION)
			.on(REGION.ID.eq(UNIT.REGION_ID))
			.where(visible(scope))
			.and(q.isEmpty() ? DSL.trueCondition() : UNIT.NAME.contains(q).or(UNIT.CODE.startsWith(q)))
			.orderBy(UNIT.CODE)
			.limit(limit)
			.fetch(this::view);
	}

	/** Units in a region subtree, or the units a unit-bound user belongs to. */
	public PageResult<UnitView> list(String regionCode, UnitKind kind, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = visible(scope);
		if (regionCode != null && !regionCode.isBlank()) {
			where = where.and(cn.huoxian.shared.DataScope.under(UNIT.PATH, regions.find(regionCode, scope).path()));
		}
		if (kind != null) {
			where = where.and(UNIT.KIND.eq(kind.name()));
		}
		long total = db.fetchCount(UNIT, where);
		var items = db.select(UNIT.fields())
			.select(REGION.CODE)
			.from(UNIT)
			.join(REGION)
			.on(REGION.ID.eq(UNIT.REGION_ID))
			.where(where)
			.orderBy(UNIT.CODE)
			.limit(size)
			.offset((long) page * size)
			.fetch(this::view);
		return new PageResult<>(items, total, page, size);
	}

	public UnitView find(long id, DataScope scope) {
		return fetch(id).filter(u -> scope.coversRegion(u.path()) || scope.coversUnit(u.id()))
			.orElseThrow(() -> new NotFoundException(Messages.text("org.what.unit", id)));
	}

	/**
	 * The unit a request field names, resolved through the caller's scope: one the caller
	 * cannot read answers exactly like a missing one (404 naming the field).
	 */
	public UnitView resolve(String field, Long id, DataScope scope) {
		if (id == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return fetch(id).filter(u -> covers(scope, u)).orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	/** As {@link #resolve}, for a unit named by its code. */
	public UnitView resolveCode(String field, String code, DataScope scope) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return byCode(code.strip()).filter(u -> covers(scope, u))
			.orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	private static boolean covers(DataScope scope, UnitView unit) {
		return scope.coversRegion(unit.path()) || scope.coversUnit(unit.id());
	}

	public Optional<UnitView> fetch(long id) {
		return db.select(UNIT.fields())
			.select(REGION.CODE)
			.from(UNIT)
			.join(REGION)
			.on(REGION.ID.eq(UNIT.REGION_ID))
			.where(UNIT.ID.eq(id))
			.fetchOptional(this::view);
	}

	public Optional<UnitView> byCode(String code) {
		Long id = db.select(UNIT.ID).from(UNIT).where(UNIT.CODE.eq(code)).fetchOne(UNIT.ID);
		return id == null ? Optional.empty() : fetch(id);
	}

	@Transactional
	public UnitView create(UnitForm form, CurrentUser user) {
		user.requireNetworkEditor();
		RegionView region = regionInScope(form.regionCode(), user);
		if (byCode(form.code()).isPresent()) {
			throw new InvalidInputException("code", Messages.text("org.error.code-taken.unit"));
		}
		UnitRecord unit = db.newRecord(UNIT);
		unit.setCode(form.code());
		unit.setName(form.name().strip());
		unit.setKind(form.kind().name());
		unit.setRegionId(region.id());
		unit.setPath(region.path().value());
		unit.setPartyOrganisationId(organisationInScope(form.partyOrganisationId(), user));
		unit.store();
		return fetch(unit.getId()).orElseThrow();
	}

	@Transactional
	public UnitView update(long id, UnitForm form, CurrentUser user) {
		user.requireNetworkEditor();
		UnitView unit = fetch(id).orElseThrow(() -> new NotFoundException(Messages.text("org.what.unit", id)));
		if (!user.scope().coversRegion(unit.path())) {
			throw new ForbiddenException(Messages.text("org.error.outside-scope.unit", id));
		}
		RegionView region = regionInScope(form.regionCode(), user);
		db.update(UNIT)
			.set(UNIT.NAME, form.name().strip())
			.set(UNIT.KIND, form.kind().name())
			.set(UNIT.REGION_ID, region.id())
			.set(UNIT.PATH, region.path().value())
			.set(UNIT.PARTY_ORGANISATION_ID,
					java.util.Objects.equals(unit.partyOrganisationId(), form.partyOrganisationId())
							? form.partyOrganisationId() : organisationInScope(form.partyOrganisationId(), user))
			.where(UNIT.ID.eq(id))
			.execute();
		return fetch(id).orElseThrow();
	}

	private RegionView regionInScope(String code, CurrentUser user) {
		return regions.resolve("regionCode", code, user.scope());
	}

	/** The unit's party organisation, when given, must be one the caller may read. */
	private Long organisationInScope(Long id, CurrentUser user) {
		if (id == null) {
			return null;
		}
		PartyOrganisationView org = fetchOrganisation(id);
		if (org == null || !PartyOrganisations.covers(user.scope(), org)) {
			throw new ReferenceNotFoundException("partyOrganisationId");
		}
		return id;
	}

	// read here, not through PartyOrganisations, which depends on this service
	private PartyOrganisationView fetchOrganisation(long id) {
		return db.select(PARTY_ORGANISATION.fields())
			.select(REGION.CODE)
			.from(PARTY_ORGANISATION)
			.join(REGION)
			.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID))
			.where(PARTY_ORGANISATION.ID.eq(id))
			.fetchOptional(PartyOrganisations::view)
			.orElse(null);
	}

	private static Condition visible(DataScope scope) {
		return DSL.or(scope.regionCondition(UNIT.PATH), scope.unitCondition(UNIT.ID));
	}

	private UnitView view(Record r) {
		return new UnitView(r.get(UNIT.ID), r.get(UNIT.CODE), r.get(UNIT.NAME), UnitKind.valueOf(r.get(UNIT.KIND)),
				r.get(REGION.CODE), RegionPath.of(r.get(UNIT.PATH)), r.get(UNIT.PARTY_ORGANISATION_ID));
	}

	/**
	 * The paths (their regions') of units by id, unscoped: for ids other modules already
	 * hold.
	 */
	public java.util.Map<Long, RegionPath> paths(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		return db.select(UNIT.ID, UNIT.PATH)
			.from(UNIT)
			.where(UNIT.ID.in(ids))
			.fetchMap(UNIT.ID, r -> RegionPath.of(r.value2()));
	}

	/**
	 * The ids of the units whose party organisation this is, as a subquery other modules
	 * can filter by (they never name this module's table).
	 */
	public static org.jooq.Select<org.jooq.Record1<Long>> idsOfOrganisation(long organisationId) {
		return DSL.select(UNIT.ID).from(UNIT).where(UNIT.PARTY_ORGANISATION_ID.eq(organisationId));
	}

	/** The name of the unit a field holds the id of, as a scalar subquery. */
	public static org.jooq.Field<String> nameOf(org.jooq.Field<Long> unitId) {
		return DSL.field(DSL.select(UNIT.NAME).from(UNIT).where(UNIT.ID.eq(unitId)));
	}

	/** The names of units by id (unscoped: for ids other modules already hold). */
	public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new java.util.HashMap<>();
		}
		return db.select(UNIT.ID, UNIT.NAME).from(UNIT).where(UNIT.ID.in(ids)).fetchMap(UNIT.ID, UNIT.NAME);
	}

	/** Units by id in one query (unscoped: for ids other modules already hold). */
	public java.util.Map<Long, UnitView> views(java.util.Collection<Long> ids) {
		java.util.Map<Long, UnitView> views = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			db.select(UNIT.fields())
				.select(REGION.CODE)
				.from(UNIT)
				.join(REGION)
				.on(REGION.ID.eq(UNIT.REGION_ID))
				.where(UNIT.ID.in(ids))
				.forEach(r -> views.put(r.get(UNIT.ID), view(r)));
		}
		return views;
	}

}
