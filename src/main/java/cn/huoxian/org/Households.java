package cn.huoxian.org;

import static cn.huoxian.db.Tables.BUILDING;
import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.REGION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.huoxian.db.tables.records.HouseholdRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.bulk.SqlArrays;
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
		var items = viewsWhere(under).orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID)
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
		return viewsWhere(HOUSEHOLD.ID.eq(id)).fetchOptional(this::view);
	}

	@Transactional
	public HouseholdView create(HouseholdForm form, CurrentUser user) {
		user.requirePeopleEditor();
		RegionView grid = gridFor(form.regionCode(), user);
		HouseholdRecord household = db.newRecord(HOUSEHOLD);
		household.setRegionId(grid.id());
		household.setPath(grid.path().value());
		household.setBuildingId(buildingId(grid, form.building()));
		household.setAddress(form.address().strip());
		household.setDoor(blankToNull(form.door()));
		household.store();
		regions.adjustCounts(grid.path(), 1, 0, 0, 0);
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

	/**
	 * Counts a resident in or out of a household and every region above it (with their
	 * party membership and cadre role).
	 */
	public void adjustResidents(long householdId, RegionPath path, int residents, int partyMembers, int cadres) {
		db.update(HOUSEHOLD)
			.set(HOUSEHOLD.RESIDENTS, HOUSEHOLD.RESIDENTS.plus(residents))
			.where(HOUSEHOLD.ID.eq(householdId))
			.execute();
		regions.adjustCounts(path, 0, residents, partyMembers, cadres);
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
			.values(grid.id(), grid.path().value(), name.strip())
			.returning(BUILDING.ID)
			.fetchOne(BUILDING.ID);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private HouseholdView view(Record r) {
		return new HouseholdView(r.get(HOUSEHOLD.ID), r.get(GRID_CODE), RegionPath.of(r.get(HOUSEHOLD.PATH)),
				r.get(HOUSEHOLD.BUILDING_ID), r.get(BUILDING_NAME), r.get(HOUSEHOLD.ADDRESS), r.get(HOUSEHOLD.DOOR),
				r.get(HOUSEHOLD.RESIDENTS));
	}

	/**
	 * The households registered at these grids (by path) and addresses, unscoped: for an
	 * import that has already checked the grids are in the user's scope. One query; the
	 * (path, id) index finds a grid's households.
	 */
	public List<HouseholdView> atAddresses(Collection<RegionPath> gridPaths, Collection<String> addresses) {
		if (gridPaths.isEmpty() || addresses.isEmpty()) {
			return List.of();
		}
		return viewsWhere(HOUSEHOLD.PATH.in(gridPaths.stream().map(RegionPath::value).toList()))
			.and(HOUSEHOLD.ADDRESS.in(addresses))
			.fetch(this::view);
	}

	/**
	 * Households by id, in one query, unscoped: callers check each one's path against
	 * their scope.
	 */
	public Map<Long, HouseholdView> fetchAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, HouseholdView> found = new HashMap<>();
		viewsWhere(HOUSEHOLD.ID.in(ids)).fetch(this::view).forEach(h -> found.put(h.id(), h));
		return found;
	}

	/**
	 * Adds residents registered in bulk to their households' counters, in JDBC batches.
	 * Only the households: people counts the regions above through
	 * {@link Regions#peopleAdded}.
	 */
	public void residentsAdded(Map<Long, Integer> byHousehold) {
		List<Map.Entry<Long, Integer>> entries = new ArrayList<>(byHousehold.entrySet());
		for (int from = 0; from < entries.size(); from += BATCH) {
			var batch = db.batch(db.update(HOUSEHOLD)
				.set(HOUSEHOLD.RESIDENTS, HOUSEHOLD.RESIDENTS.plus((Integer) null))
				.where(HOUSEHOLD.ID.eq((Long) null)));
			entries.subList(from, Math.min(from + BATCH, entries.size()))
				.forEach(e -> batch.bind(e.getValue(), e.getKey()));
			batch.execute();
		}
	}

	/**
	 * The households under a region path, by path then id, read lazily with this fetch
	 * size: for exports in constant memory. Unscoped (the caller found the region in its
	 * scope); close the stream, inside a transaction for PostgreSQL to stream.
	 */
	public Stream<HouseholdView> streamUnder(RegionPath path, int fetchSize) {
		return viewsWhere(cn.huoxian.shared.DataScope.under(HOUSEHOLD.PATH, path)).orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID)
			.fetchSize(fetchSize)
			.fetchStream()
			.map(this::view);
	}

	/**
	 * Starts registering households in bulk (an import) for a user who may edit people:
	 * see {@link Registration}.
	 */
	public Registration registration(CurrentUser user) {
		user.requirePeopleEditor();
		return new Registration(user);
	}

	/** Rows per JDBC batch or multi-row statement in bulk writes. */
	private static final int BATCH = 500;

	/**
	 * One bulk registration, in the caller's transaction: {@link #register} each list of
	 * households, then {@link #finish} once. The region counters are added once per grid
	 * at the end, not once per list, so the transaction does not hold the city's counter
	 * row locked from the first list to the last.
	 */
	public final class Registration {

		private final CurrentUser user;

		private final Map<String, Optional<RegionView>> grids = new HashMap<>();

		private final Map<String, Long> buildings = new HashMap<>();

		private final Map<RegionPath, Long> added = new LinkedHashMap<>();

		private Registration(CurrentUser user) {
			this.user = user;
		}

		/**
		 * Registers these households with {@link #create}'s rules (a grid in the user's
		 * scope; a building found or created by name) in one multi-row insert. Problems
		 * name {@code households[i].field}; then nothing of this list is written.
		 */
		public void register(List<HouseholdForm> forms) {
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			List<RegionView> placed = new ArrayList<>();
			for (int i = 0; i < forms.size(); i++) {
				placed.add(grid(forms.get(i), "households[" + i + "].", problems));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			if (forms.isEmpty()) {
				return;
			}
			var insert = db.insertInto(HOUSEHOLD, HOUSEHOLD.REGION_ID, HOUSEHOLD.PATH, HOUSEHOLD.BUILDING_ID,
					HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR);
			for (int i = 0; i < forms.size(); i++) {
				HouseholdForm form = forms.get(i);
				RegionView grid = placed.get(i);
				insert = insert.values(grid.id(), grid.path().value(), building(grid, form.building()),
						form.address().strip(), blankToNull(form.door()));
				added.merge(grid.path(), 1L, Long::sum);
			}
			insert.execute();
		}

		private RegionView grid(HouseholdForm form, String at, List<InvalidInputException.FieldProblem> problems) {
			if (form.address() == null || form.address().isBlank()) {
				problems.add(new InvalidInputException.FieldProblem(at + "address", Messages.text("problem.required")));
			}
			String code = form.regionCode() == null ? "" : form.regionCode().strip();
			RegionView region = grids.computeIfAbsent(code, regions::byCode)
				.filter(r -> user.scope().coversRegion(r.path()))
				.orElse(null);
			if (region == null) {
				problems.add(new InvalidInputException.FieldProblem(at + "regionCode",
						Messages.text("problem.referenceNotFound")));
			}
			else if (region.level() != RegionLevel.GRID) {
				problems.add(new InvalidInputException.FieldProblem(at + "regionCode",
						Messages.text("org.error.household.grid-only", Messages.text("level." + region.level()))));
			}
			return region;
		}

		private Long building(RegionView grid, String name) {
			if (name == null || name.isBlank()) {
				return null;
			}
			return buildings.computeIfAbsent(grid.id() + "\u0000" + name.strip(), k -> buildingId(grid, name));
		}

		/**
		 * Counts the registered households at their grids and every region above, and
		 * tells listeners, once per grid.
		 */
		public void finish() {
			// an import: fresh statistics once it is large (it may double a new city)
			cn.huoxian.shared.bulk.Statistics.refreshAfter(db, added.values().stream().mapToLong(Long::longValue).sum(),
					HOUSEHOLD, BUILDING);
			added.forEach((path, count) -> {
				regions.adjustCounts(path, count, 0, 0, 0);
				events.publishEvent(new HouseholdsAdded(path, count));
			});
			added.clear();
		}

	}

	/**
	 * Households with their building's name and their grid's code and name, as a derived
	 * table other modules join and filter in one statement (they never name this module's
	 * tables). The building and grid columns are key probes (scalar subqueries), made
	 * only for the rows the outer query returns, whatever the statistics.
	 */
	public static Located located() {
		org.jooq.Table<?> table = org.jooq.impl.DSL
			.select(HOUSEHOLD.ID, HOUSEHOLD.PATH, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR, HOUSEHOLD.RESIDENTS,
					keyProbe(BUILDING.NAME, BUILDING.ID, HOUSEHOLD.BUILDING_ID).as("building_name"),
					keyProbe(REGION.CODE, REGION.ID, HOUSEHOLD.REGION_ID).as("grid_code"),
					keyProbe(REGION.NAME, REGION.ID, HOUSEHOLD.REGION_ID).as("grid_name"))
			.from(HOUSEHOLD)
			.asTable("located_household");
		return new Located(table, table.field("id", Long.class), table.field("path", String.class),
				table.field("address", String.class), table.field("door", String.class),
				table.field("residents", Integer.class), table.field("building_name", String.class),
				table.field("grid_code", String.class), table.field("grid_name", String.class));
	}

	/** The columns of {@link #located()}. */
	public record Located(org.jooq.Table<?> table, org.jooq.Field<Long> id, org.jooq.Field<String> path,
			org.jooq.Field<String> address, org.jooq.Field<String> door, org.jooq.Field<Integer> residents,
			org.jooq.Field<String> building, org.jooq.Field<String> gridCode, org.jooq.Field<String> gridName) {
	}

	/** The address of the household a field holds the id of, as a scalar subquery. */
	public static org.jooq.Field<String> addressOf(org.jooq.Field<Long> householdId) {
		return org.jooq.impl.DSL
			.field(org.jooq.impl.DSL.select(HOUSEHOLD.ADDRESS).from(HOUSEHOLD).where(HOUSEHOLD.ID.eq(householdId)));
	}

	/**
	 * The paths of households by id, locked for update in id order (unscoped: the caller
	 * checks the paths against its scope); other modules lock the households they write
	 * about so concurrent batches on the same ones take turns.
	 */
	public java.util.Map<Long, RegionPath> lockPaths(java.util.Collection<Long> ids) {
		return db.select(HOUSEHOLD.ID, HOUSEHOLD.PATH)
			.from(HOUSEHOLD)
			.where(SqlArrays.anyOf(HOUSEHOLD.ID, ids))
			.orderBy(HOUSEHOLD.ID)
			.forUpdate()
			.fetchMap(HOUSEHOLD.ID, r -> RegionPath.of(r.value2()));
	}

	/** The number of households at each path under a region path (one grouped query). */
	public java.util.Map<RegionPath, Integer> countsByPath(RegionPath path) {
		return db.select(HOUSEHOLD.PATH, org.jooq.impl.DSL.count())
			.from(HOUSEHOLD)
			.where(DataScope.under(HOUSEHOLD.PATH, path))
			.groupBy(HOUSEHOLD.PATH)
			.fetchMap(r -> RegionPath.of(r.value1()), r -> r.value2());
	}

	/**
	 * Households with their building's name and grid code, as {@link #view} reads them.
	 */
	private org.jooq.SelectConditionStep<Record> viewsWhere(Condition condition) {
		return db.select(HOUSEHOLD.fields()).select(BUILDING_NAME, GRID_CODE).from(HOUSEHOLD).where(condition);
	}

	// the building's and grid's columns are key probes per household read, as scalar
	// subqueries PostgreSQL never turns into a join: as joins they were planned, on
	// tables never analysed, as hash joins over a scan of every building and region
	// (docs/BENCHMARKS.md "Plans that stay good")
	private static final org.jooq.Field<String> BUILDING_NAME = keyProbe(BUILDING.NAME, BUILDING.ID,
			HOUSEHOLD.BUILDING_ID)
		.as("building_name");

	private static final org.jooq.Field<String> GRID_CODE = keyProbe(REGION.CODE, REGION.ID, HOUSEHOLD.REGION_ID)
		.as("grid_code");

	/** A column of the row whose primary key a household's column holds. */
	private static <T> org.jooq.Field<T> keyProbe(org.jooq.TableField<?, T> column, org.jooq.TableField<?, Long> key,
			org.jooq.Field<Long> reference) {
		return org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(column).from(key.getTable()).where(key.eq(reference)));
	}

}
