package cn.huoxian.org;

import static cn.huoxian.db.Tables.BUILDING;
import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.REGION;

import java.util.Optional;

import cn.huoxian.db.tables.records.HouseholdRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households (and the buildings they sit in) under grids. */
@Service
public class Households {

	private final DSLContext db;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	Households(DSLContext db, Regions regions, ApplicationEventPublisher events) {
		this.db = db;
		this.regions = regions;
		this.events = events;
	}

	/** The households under a region, by path then id. */
	public PageResult<HouseholdView> list(String regionCode, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		RegionView region = regions.find(regionCode, scope);
		Condition under = cn.huoxian.shared.DataScope.under(HOUSEHOLD.PATH, region.path());
		// the region's maintained counter is the total: no count(*) over a large subtree
		long total = region.counts().households();
		var items = db.select(HOUSEHOLD.fields())
			.select(BUILDING.NAME, REGION.CODE)
			.from(HOUSEHOLD)
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.where(under)
			.orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(this::view);
		return new PageResult<>(items, total, page, size);
	}

	public HouseholdView find(long id, DataScope scope) {
		return fetch(id).filter(h -> scope.coversRegion(h.path()))
			.orElseThrow(() -> new NotFoundException(Messages.text("org.what.household", id)));
	}

	/**
	 * The household a request field names, resolved through the caller's scope: one the
	 * caller cannot read answers exactly like a missing one (404 naming the field).
	 */
	public HouseholdView resolve(String field, Long id, DataScope scope) {
		if (id == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return fetch(id).filter(h -> scope.coversRegion(h.path()))
			.orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	/** Unscoped lookup for other modules; they check scope themselves. */
	public Optional<HouseholdView> fetch(long id) {
		return db.select(HOUSEHOLD.fields())
			.select(BUILDING.NAME, REGION.CODE)
			.from(HOUSEHOLD)
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.where(HOUSEHOLD.ID.eq(id))
			.fetchOptional(this::view);
	}

	@Transactional
	public HouseholdView create(HouseholdForm form, CurrentUser user) {
		user.requirePeopleEditor();
		RegionView grid = gridFor(form.regionCode(), user);
		HouseholdRecord household = db.newRecord(HOUSEHOLD);
		household.setRegionId(grid.id());
		household.setPath(grid.path());
		household.setBuildingId(buildingId(grid, form.building()));
		household.setAddress(form.address().strip());
		household.setDoor(blankToNull(form.door()));
		household.store();
		regions.adjustCounts(grid.path(), 1, 0, 0);
		events.publishEvent(new HouseholdsAdded(grid.path(), 1));
		return fetch(household.getId()).orElseThrow();
	}

	@Transactional
	public HouseholdView update(long id, HouseholdForm form, CurrentUser user) {
		user.requirePeopleEditor();
		HouseholdView existing = writable(id, user);
		// the named grid is resolved first: one out of scope answers like a missing one
		RegionView grid = gridFor(form.regionCode(), user);
		if (!existing.regionCode().equals(form.regionCode())) {
			throw new RuleViolationException(Messages.text("org.error.household.move"));
		}
		db.update(HOUSEHOLD)
			.set(HOUSEHOLD.ADDRESS, form.address().strip())
			.set(HOUSEHOLD.DOOR, blankToNull(form.door()))
			.set(HOUSEHOLD.BUILDING_ID, buildingId(grid, form.building()))
			.where(HOUSEHOLD.ID.eq(id))
			.execute();
		return fetch(id).orElseThrow();
	}

	/** A household the user may change: 404 if missing, 403 if outside their scope. */
	public HouseholdView writable(long id, CurrentUser user) {
		HouseholdView household = fetch(id)
			.orElseThrow(() -> new NotFoundException(Messages.text("org.what.household", id)));
		if (!user.scope().coversRegion(household.path())) {
			throw new ForbiddenException(Messages.text("org.error.outside-scope.household", id));
		}
		return household;
	}

	/** Counts a resident in or out of a household and every region above it. */
	public void adjustResidents(long householdId, String path, int residents, int partyMembers) {
		db.update(HOUSEHOLD)
			.set(HOUSEHOLD.RESIDENTS, HOUSEHOLD.RESIDENTS.plus(residents))
			.where(HOUSEHOLD.ID.eq(householdId))
			.execute();
		regions.adjustCounts(path, 0, residents, partyMembers);
	}

	private RegionView gridFor(String code, CurrentUser user) {
		RegionView region = regions.resolve("regionCode", code, user.scope());
		if (region.level() != RegionLevel.GRID) {
			throw new InvalidInputException("regionCode",
					Messages.text("org.error.household.grid-only", Messages.text("level." + region.level())));
		}
		return region;
	}

	private Long buildingId(RegionView grid, String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		Long id = db.select(BUILDING.ID)
			.from(BUILDING)
			.where(BUILDING.REGION_ID.eq(grid.id()), BUILDING.NAME.eq(name.strip()))
			.fetchOne(BUILDING.ID);
		if (id != null) {
			return id;
		}
		return db.insertInto(BUILDING, BUILDING.REGION_ID, BUILDING.PATH, BUILDING.NAME)
			.values(grid.id(), grid.path(), name.strip())
			.returning(BUILDING.ID)
			.fetchOne(BUILDING.ID);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private HouseholdView view(Record r) {
		return new HouseholdView(r.get(HOUSEHOLD.ID), r.get(REGION.CODE), r.get(HOUSEHOLD.PATH),
				r.get(HOUSEHOLD.BUILDING_ID), r.get(BUILDING.NAME), r.get(HOUSEHOLD.ADDRESS), r.get(HOUSEHOLD.DOOR),
				r.get(HOUSEHOLD.RESIDENTS));
	}

	/** Households by id in one query (unscoped: for ids other modules already hold). */
	public java.util.Map<Long, HouseholdView> views(java.util.Collection<Long> ids) {
		java.util.Map<Long, HouseholdView> views = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			db.select(HOUSEHOLD.fields())
				.select(BUILDING.NAME, REGION.CODE)
				.from(HOUSEHOLD)
				.join(REGION)
				.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
				.leftJoin(BUILDING)
				.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
				.where(HOUSEHOLD.ID.in(ids))
				.forEach(r -> views.put(r.get(HOUSEHOLD.ID), view(r)));
		}
		return views;
	}

}
