package cn.huoxian.org;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.REGION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huoxian.db.tables.records.PartyOrganisationRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party organisations (committee > general branch > branch), including temporary ones at
 * key posts.
 */
@Service
public class PartyOrganisations {

	private final DSLContext db;

	private final Regions regions;

	private final Units units;

	/**
	 * The ids of the party organisations within a scope's organisation subtrees, as a
	 * subquery other modules can filter by (they never name this module's table).
	 */
	public static Select<Record1<Long>> idsWithin(DataScope scope) {
		return DSL.select(PARTY_ORGANISATION.ID)
			.from(PARTY_ORGANISATION)
			.where(scope.organisationCondition(PARTY_ORGANISATION.ORG_PATH));
	}

	/**
	 * The name of the party organisation a field holds the id of, as a scalar subquery.
	 */
	public static org.jooq.Field<String> nameOf(org.jooq.Field<Long> organisationId) {
		return DSL.field(DSL.select(PARTY_ORGANISATION.NAME)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.ID.eq(organisationId)));
	}

	/**
	 * The temporary party organisations under a region path (itself included), with their
	 * region's code, as a derived table other modules join, filter and count in one
	 * statement (they never name this module's table).
	 */
	public static Temporaries temporaryUnder(RegionPath path) {
		return temporaries(DataScope.under(PARTY_ORGANISATION.PATH, path));
	}

	/**
	 * The temporary party organisation with this id, as {@link #temporaryUnder} gives it.
	 */
	public static Temporaries temporary(long id) {
		return temporaries(PARTY_ORGANISATION.ID.eq(id));
	}

	private static Temporaries temporaries(Condition where) {
		org.jooq.Table<?> table = DSL
			.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.CODE, PARTY_ORGANISATION.NAME,
					PARTY_ORGANISATION.CATEGORY, PARTY_ORGANISATION.POST, REGION.CODE.as("region_code"),
					PARTY_ORGANISATION.PATH, PARTY_ORGANISATION.SET_UP_ON, PARTY_ORGANISATION.DISSOLVED_ON)
			.from(PARTY_ORGANISATION)
			.join(REGION)
			.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID))
			.where(PARTY_ORGANISATION.TEMPORARY.isTrue().and(where))
			.asTable("temporary_row");
		return new Temporaries(table, table.field("id", Long.class), table.field("code", String.class),
				table.field("name", String.class), table.field("category", String.class),
				table.field("post", String.class), table.field("region_code", String.class),
				table.field("path", String.class), table.field("set_up_on", java.time.LocalDate.class),
				table.field("dissolved_on", java.time.LocalDate.class));
	}

	/**
	 * The columns of {@link #temporaryUnder} and {@link #temporary}; {@code category} is
	 * a {@link TemporaryCategory} name.
	 */
	public record Temporaries(org.jooq.Table<?> table, org.jooq.Field<Long> id, org.jooq.Field<String> code,
			org.jooq.Field<String> name, org.jooq.Field<String> category, org.jooq.Field<String> post,
			org.jooq.Field<String> regionCode, org.jooq.Field<String> path, org.jooq.Field<java.time.LocalDate> setUpOn,
			org.jooq.Field<java.time.LocalDate> dissolvedOn) {
	}

	PartyOrganisations(DSLContext db, Regions regions, Units units) {
		this.db = db;
		this.regions = regions;
		this.units = units;
	}

	/**
	 * Party organisations the scope covers whose name contains the words or whose code
	 * starts with them, at most {@code limit}, in the organisation tree's order: the
	 * picker's search.
	 */
	public java.util.List<PartyOrganisationView> matching(String query, DataScope scope, int limit) {
		String q = query.strip().replace("%", "").replace("_", "");
		return select().where(visible(scope))
			.and(q.isEmpty() ? DSL.trueCondition()
					: PARTY_ORGANISATION.NAME.contains(q).or(PARTY_ORGANISATION.CODE.startsWith(q)))
			.orderBy(PARTY_ORGANISATION.ORG_PATH)
			.limit(limit)
			.fetch(PartyOrganisations::view);
	}

	public PageResult<PartyOrganisationView> list(String regionCode, Boolean temporary, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = visible(scope);
		if (regionCode != null && !regionCode.isBlank()) {
			where = where.and(
					cn.huoxian.shared.DataScope.under(PARTY_ORGANISATION.PATH, regions.find(regionCode, scope).path()));
		}
		if (temporary != null) {
			where = where.and(PARTY_ORGANISATION.TEMPORARY.eq(temporary));
		}
		long total = db.fetchCount(PARTY_ORGANISATION, where);
		var items = select().where(where)
			.orderBy(PARTY_ORGANISATION.ORG_PATH)
			.limit(size)
			.offset((long) page * size)
			.fetch(PartyOrganisations::view);
		return new PageResult<>(items, total, page, size);
	}

	public PartyOrganisationView find(long id, DataScope scope) {
		return fetch(id).filter(o -> covers(scope, o))
			.orElseThrow(() -> new NotFoundException(Messages.text("org.what.party-organisation", id)));
	}

	/**
	 * The party organisation a request field names, resolved through the caller's scope:
	 * one the caller cannot read answers exactly like a missing one (404 naming the
	 * field).
	 */
	public PartyOrganisationView resolve(String field, Long id, DataScope scope) {
		if (id == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return fetch(id).filter(o -> covers(scope, o) || above(scope, o))
			.orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	/**
	 * The organisation sits at or above one of the scope's regions, in its line (a grid
	 * worker's community branch, district and city committees): a member may be assigned
	 * to it, though it lies outside the scope's subtree.
	 */
	private static boolean above(DataScope scope, PartyOrganisationView o) {
		return o.path() != null && scope.regions().stream().anyMatch(r -> r.isWithin(o.path()));
	}

	public Optional<PartyOrganisationView> fetch(long id) {
		return select().where(PARTY_ORGANISATION.ID.eq(id)).fetchOptional(PartyOrganisations::view);
	}

	/**
	 * The party organisation with this code when the scope covers it (imports by code).
	 */
	public Optional<PartyOrganisationView> byCode(String code, DataScope scope) {
		return byCode(code).filter(o -> covers(scope, o));
	}

	public Optional<PartyOrganisationView> byCode(String code) {
		return select().where(PARTY_ORGANISATION.CODE.eq(code)).fetchOptional(PartyOrganisations::view);
	}

	/**
	 * Temporary party organisations active on a day under a region (a headline figure).
	 */
	public long countActiveTemporary(RegionPath path, java.time.LocalDate day) {
		return db.fetchCount(PARTY_ORGANISATION,
				PARTY_ORGANISATION.TEMPORARY.isTrue()
					.and(cn.huoxian.shared.DataScope.under(PARTY_ORGANISATION.PATH, path))
					.and(PARTY_ORGANISATION.SET_UP_ON.le(day))
					.and(PARTY_ORGANISATION.DISSOLVED_ON.isNull().or(PARTY_ORGANISATION.DISSOLVED_ON.gt(day))));
	}

	@Transactional
	public PartyOrganisationView create(PartyOrganisationForm form, CurrentUser user) {
		user.requireNetworkEditor();
		Placement placement = place(form, true, user);
		if (byCode(form.code()).isPresent()) {
			throw new InvalidInputException("code", Messages.text("org.error.code-taken.party-organisation"));
		}
		PartyOrganisationRecord org = db.newRecord(PARTY_ORGANISATION);
		org.setCode(form.code());
		org.setOrgPath("/");
		apply(org, form, placement);
		org.store();
		org.setOrgPath((placement.parent == null ? "/" : placement.parent.orgPath()) + org.getId() + "/");
		org.store();
		return fetch(org.getId()).orElseThrow();
	}

	@Transactional
	public PartyOrganisationView update(long id, PartyOrganisationForm form, CurrentUser user) {
		user.requireNetworkEditor();
		PartyOrganisationView existing = fetch(id)
			.orElseThrow(() -> new NotFoundException(Messages.text("org.what.party-organisation", id)));
		if (!covers(user.scope(), existing)) {
			throw new ForbiddenException(Messages.text("org.error.outside-scope.party-organisation", id));
		}
		boolean parentChanged = !java.util.Objects.equals(existing.parentId(), form.parentId());
		if (parentChanged && form.parentId() != null) {
			// a parent the caller cannot read answers like a missing one, before any rule
			resolve("parentId", form.parentId(), user.scope());
		}
		if (parentChanged) {
			throw new InvalidInputException("parentId", Messages.text("org.error.party-organisation.parent-fixed"));
		}
		PartyOrganisationRecord org = db.fetchOne(PARTY_ORGANISATION, PARTY_ORGANISATION.ID.eq(id));
		// the unchanged parent may lie above the caller's scope (a district committee's
		// city committee): it is not a new reference, so it is not resolved again
		apply(org, form, place(form, false, user));
		org.store();
		return fetch(id).orElseThrow();
	}

	private void apply(PartyOrganisationRecord org, PartyOrganisationForm form, Placement placement) {
		org.setName(form.name().strip());
		org.setKind(form.kind().name());
		org.setParentId(form.parentId());
		org.setRegionId(placement.region.id());
		org.setPath(placement.region.path().value());
		org.setUnitId(form.unitId());
		org.setTemporary(form.isTemporary());
		org.setCategory(form.category() == null ? null : form.category().name());
		org.setPost(form.post() == null || form.post().isBlank() ? null : form.post().strip());
		org.setSetUpOn(form.setUpOn());
		org.setDissolvedOn(form.dissolvedOn());
	}

	private record Placement(RegionView region, PartyOrganisationView parent) {
	}

	/**
	 * Checks the form's rules and finds the region it hangs in (its own, or its unit's).
	 */
	private Placement place(PartyOrganisationForm form, boolean newParent, CurrentUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.isTemporary()) {
			if (form.category() == null) {
				problems.add(
						new FieldProblem("category", Messages.text("org.error.party-organisation.temporary-required")));
			}
			if (form.post() == null || form.post().isBlank()) {
				problems
					.add(new FieldProblem("post", Messages.text("org.error.party-organisation.temporary-required")));
			}
			if (form.setUpOn() == null) {
				problems
					.add(new FieldProblem("setUpOn", Messages.text("org.error.party-organisation.temporary-required")));
			}
		}
		if (form.setUpOn() != null && form.dissolvedOn() != null && form.dissolvedOn().isBefore(form.setUpOn())) {
			problems.add(new FieldProblem("dissolvedOn",
					Messages.text("org.error.party-organisation.dissolved-before-set-up")));
		}
		boolean hasRegion = form.regionCode() != null && !form.regionCode().isBlank();
		if (hasRegion == (form.unitId() != null)) {
			problems.add(new FieldProblem("regionCode", Messages.text("org.error.party-organisation.region-or-unit")));
		}
		// every reference is resolved through the caller's scope before any rule about it
		PartyOrganisationView parent = form.parentId() == null ? null
				: newParent ? resolve("parentId", form.parentId(), user.scope()) : fetch(form.parentId()).orElseThrow();
		if (parent != null && parent.kind() == PartyOrganisationKind.BRANCH) {
			problems.add(
					new FieldProblem("parentId", Messages.text("org.error.party-organisation.branch-has-no-children")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		RegionView region;
		if (hasRegion) {
			region = regions.resolve("regionCode", form.regionCode(), user.scope());
		}
		else {
			var unit = units.resolve("unitId", form.unitId(), user.scope());
			region = regions.byCode(unit.regionCode()).orElseThrow();
		}
		if (!user.scope().coversRegion(region.path())) {
			// a unit the caller reads by unit binding, in a region they cannot write to
			throw new ForbiddenException(Messages.text("org.error.outside-scope.unit-region"));
		}
		return new Placement(region, parent);
	}

	static boolean covers(DataScope scope, PartyOrganisationView o) {
		return scope.coversRegion(o.path()) || scope.coversOrganisation(o.orgPath()) || scope.coversUnit(o.unitId());
	}

	private static Condition visible(DataScope scope) {
		return DSL.or(scope.regionCondition(PARTY_ORGANISATION.PATH),
				scope.organisationCondition(PARTY_ORGANISATION.ORG_PATH),
				scope.unitCondition(PARTY_ORGANISATION.UNIT_ID));
	}

	private org.jooq.SelectOnConditionStep<Record> select() {
		return db.select(PARTY_ORGANISATION.fields())
			.select(REGION.CODE)
			.from(PARTY_ORGANISATION)
			.join(REGION)
			.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID));
	}

	static PartyOrganisationView view(Record r) {
		String category = r.get(PARTY_ORGANISATION.CATEGORY);
		return new PartyOrganisationView(r.get(PARTY_ORGANISATION.ID), r.get(PARTY_ORGANISATION.CODE),
				r.get(PARTY_ORGANISATION.NAME), PartyOrganisationKind.valueOf(r.get(PARTY_ORGANISATION.KIND)),
				r.get(PARTY_ORGANISATION.PARENT_ID), r.get(PARTY_ORGANISATION.ORG_PATH), r.get(REGION.CODE),
				RegionPath.of(r.get(PARTY_ORGANISATION.PATH)), r.get(PARTY_ORGANISATION.UNIT_ID),
				r.get(PARTY_ORGANISATION.TEMPORARY), category == null ? null : TemporaryCategory.valueOf(category),
				r.get(PARTY_ORGANISATION.POST), r.get(PARTY_ORGANISATION.SET_UP_ON),
				r.get(PARTY_ORGANISATION.DISSOLVED_ON));
	}

}
