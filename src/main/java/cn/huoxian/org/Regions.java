package cn.huoxian.org;

import static cn.huoxian.db.Tables.REGION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huoxian.db.tables.records.RegionRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions: scoped reads, validated creation, and the counters kept at every level. */
@Service
public class Regions {

	private final DSLContext db;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final RegionNames names;

	Regions(DSLContext db, org.springframework.context.ApplicationEventPublisher events, RegionNames names) {
		this.db = db;
		this.events = events;
		this.names = names;
	}

	/** A region the scope covers, or 404. */
	public RegionView find(String code, DataScope scope) {
		RegionRecord region = db.selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOne();
		if (region == null || !scope.coversRegion(RegionPath.of(region.getPath()))) {
			throw new NotFoundException(Messages.text("org.what.region", code));
		}
		return view(region);
	}

	/**
	 * The region a request field names by code, resolved through the caller's scope: a
	 * code the caller cannot read answers exactly like an unknown one (404 naming the
	 * field).
	 */
	public RegionView resolve(String field, String code, DataScope scope) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		RegionRecord region = db.selectFrom(REGION).where(REGION.CODE.eq(code.strip())).fetchOne();
		if (region == null || !scope.coversRegion(RegionPath.of(region.getPath()))) {
			throw new ReferenceNotFoundException(field);
		}
		return view(region);
	}

	/**
	 * The region with this code (404 outside the scope), or the scope's first root when
	 * no code is given (404 when the scope has no region): what a page or list shows by
	 * default.
	 */
	public RegionView findOrFirstRoot(String code, DataScope scope) {
		if (code == null || code.isBlank()) {
			return roots(scope).stream()
				.findFirst()
				.orElseThrow(() -> new NotFoundException(Messages.text("org.what.scope-region")));
		}
		return find(code.strip(), scope);
	}

	/** The children of a region the scope covers, ordered by code. */
	public List<RegionView> children(String code, DataScope scope) {
		RegionView parent = find(code, scope);
		return db.selectFrom(REGION).where(REGION.PARENT_ID.eq(parent.id())).orderBy(REGION.CODE).fetch(this::view);
	}

	/**
	 * The chain from the user's highest visible ancestor down to this region, for
	 * breadcrumbs.
	 */
	public List<RegionView> breadcrumbs(String code, DataScope scope) {
		RegionView region = find(code, scope);
		List<String> codes = region.path().codes();
		List<RegionView> chain = new ArrayList<>();
		db.selectFrom(REGION).where(REGION.CODE.in(codes)).orderBy(REGION.PATH).fetch(this::view).forEach(r -> {
			if (scope.coversRegion(r.path())) {
				chain.add(r);
			}
		});
		return chain;
	}

	/**
	 * Regions the scope covers whose name contains the words or whose code starts with
	 * them, the higher levels first, at most {@code limit}: the region picker's search
	 * (about 12,600 regions in a city: a scan of the small table).
	 */
	public List<RegionView> matching(String query, DataScope scope, int limit) {
		String q = query.strip().replace("%", "").replace("_", "");
		if (q.isEmpty()) {
			return roots(scope);
		}
		return db.selectFrom(REGION)
			.where(scope.regionCondition(REGION.PATH))
			.and(REGION.NAME.contains(q).or(REGION.CODE.startsWith(q)))
			.orderBy(DSL.length(REGION.PATH), REGION.CODE)
			.limit(limit)
			.fetch(this::view);
	}

	/**
	 * The regions a home page counts for: the scope's first three roots (an account bound
	 * to more sees the rest from the tree).
	 */
	public List<RegionView> homeRoots(DataScope scope) {
		return roots(scope).stream().limit(3).toList();
	}

	/** The scope's own roots, for the tree's starting point. */
	public List<RegionView> roots(DataScope scope) {
		List<String> codes = scope.regions().stream().map(RegionPath::code).toList();
		return db.selectFrom(REGION).where(REGION.CODE.in(codes)).orderBy(REGION.PATH).fetch(this::view);
	}

	/**
	 * Unscoped lookup for other modules that resolve codes they were given (scope checked
	 * by the caller).
	 */
	public Optional<RegionView> byCode(String code) {
		return db.selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOptional(this::view);
	}

	/** The codes of regions by id (unscoped: for ids other modules already hold). */
	public Map<Long, String> codes(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new HashMap<>(); // callers look up null ids too
		}
		return db.select(REGION.ID, REGION.CODE).from(REGION).where(REGION.ID.in(ids)).fetchMap(REGION.ID, REGION.CODE);
	}

	public Optional<RegionView> byId(long id) {
		return db.selectFrom(REGION).where(REGION.ID.eq(id)).fetchOptional(this::view);
	}

	@Transactional
	public RegionView create(RegionForm form, CurrentUser user) {
		user.requireNetworkEditor();
		RegionView parent = writableParent(form.parentCode(), user);
		RegionLevel level = parent.level().below();
		if (level == null) {
			throw new RuleViolationException(Messages.text("org.error.region.grid-has-no-children"));
		}
		String problem = level.codeProblem(form.code(), parent.code());
		if (problem != null) {
			throw new InvalidInputException("code", problem);
		}
		if (byCode(form.code()).isPresent()) {
			throw new InvalidInputException("code", Messages.text("org.error.code-taken.region"));
		}
		RegionRecord record = db.newRecord(REGION);
		record.setCode(form.code());
		record.setName(form.name().strip());
		record.setRegionLevel(level.name());
		record.setParentId(parent.id());
		record.setPath(parent.path().child(form.code()).value());
		record.store();
		events.publishEvent(new RegionCreated(record.getId(), record.getCode(), RegionPath.of(record.getPath())));
		// re-read: the counters are filled by column defaults the stored record does not
		// hold
		return byId(record.getId()).orElseThrow();
	}

	@Transactional
	public RegionView rename(String code, String name, CurrentUser user) {
		user.requireNetworkEditor();
		RegionView region = writable(code, user);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", Messages.text("org.error.region.name"));
		}
		db.update(REGION).set(REGION.NAME, name.strip()).where(REGION.ID.eq(region.id())).execute();
		names.renamed(code);
		return find(code, user.scope());
	}

	/**
	 * A region the user may write to: 404 when they cannot see it at all, 403 never (seen
	 * means in scope).
	 */
	RegionView writable(String code, CurrentUser user) {
		RegionRecord region = db.selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOne();
		if (region == null) {
			throw new NotFoundException(Messages.text("org.what.region", code));
		}
		if (!user.scope().coversRegion(RegionPath.of(region.getPath()))) {
			throw new ForbiddenException(Messages.text("org.error.outside-scope.region", code));
		}
		return view(region);
	}

	private RegionView writableParent(String code, CurrentUser user) {
		return resolve("parentCode", code, user.scope());
	}

	/**
	 * Adds to the counters of the region at this path and of every ancestor, in the
	 * caller's transaction, so the counts are right the moment the change commits.
	 */
	void adjustCounts(RegionPath path, long households, long residents, long partyMembers, long cadres) {
		if (households == 0 && residents == 0 && partyMembers == 0 && cadres == 0) {
			return;
		}
		db.update(REGION)
			.set(REGION.HOUSEHOLDS, REGION.HOUSEHOLDS.plus(households))
			.set(REGION.RESIDENTS, REGION.RESIDENTS.plus(residents))
			.set(REGION.PARTY_MEMBERS, REGION.PARTY_MEMBERS.plus(partyMembers))
			.set(REGION.CADRES, REGION.CADRES.plus(cadres))
			.where(REGION.CODE.in(path.codes()))
			.execute();
	}

	RegionView view(Record r) {
		RegionRecord region = r.into(REGION);
		RegionPath path = new RegionPath(region.getPath());
		List<String> codes = path.codes();
		String parentCode = codes.size() > 1 ? codes.get(codes.size() - 2) : null;
		return new RegionView(region.getId(), region.getCode(), region.getName(),
				RegionLevel.valueOf(region.getRegionLevel()), path, parentCode, new RegionView.Counts(
						region.getHouseholds(), region.getResidents(), region.getPartyMembers(), region.getCadres()));
	}

	/**
	 * Counts persons placed at a region (their household's grid, or the region they
	 * belong to) in it and every region above: {@code residents} only for persons in
	 * households, {@code partyMembers} and {@code cadres} for all; negative to take
	 * persons away. For people, which keeps these counters right when it registers or
	 * moves persons or changes their roles; in the caller's transaction.
	 */
	public void peopleAdded(RegionPath path, long residents, long partyMembers, long cadres) {
		adjustCounts(path, 0, residents, partyMembers, cadres);
	}

	/**
	 * Creates regions in bulk (an import) with {@link #create}'s rules: each parent is in
	 * the database or earlier in the list, and in the user's scope; the level follows
	 * from it; the code fits the level and is free. Problems name
	 * {@code regions[i].field}; nothing is written unless every region passes. Listeners
	 * hear of each region, as from create. Answers the new ids in list order.
	 */
	@Transactional
	public List<Long> createAll(List<RegionForm> forms, CurrentUser user) {
		user.requireNetworkEditor();
		java.util.Set<String> codes = new java.util.HashSet<>();
		forms.forEach(f -> {
			codes.add(f.code());
			codes.add(f.parentCode());
		});
		codes.remove(null);
		// one query for every code the list names, as child or parent
		Map<String, RegionView> stored = new HashMap<>();
		db.selectFrom(REGION).where(REGION.CODE.in(codes)).fetch(this::view).forEach(r -> stored.put(r.code(), r));
		Map<String, NewRegion> added = new java.util.LinkedHashMap<>();
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			NewRegion region = checked(forms.get(i), "regions[" + i + "].", stored, added, user, problems);
			if (region != null) {
				added.put(region.code(), region);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Long> ids = new HashMap<>();
		stored.values().forEach(r -> ids.put(r.code(), r.id()));
		List<Long> created = new ArrayList<>();
		for (NewRegion region : added.values()) {
			long id = db
				.insertInto(REGION, REGION.CODE, REGION.NAME, REGION.REGION_LEVEL, REGION.PARENT_ID, REGION.PATH)
				.values(region.code(), region.name(), region.level().name(), ids.get(region.parentCode()),
						region.path().value())
				.returning(REGION.ID)
				.fetchOne(REGION.ID);
			ids.put(region.code(), id);
			created.add(id);
			events.publishEvent(new RegionCreated(id, region.code(), region.path()));
		}
		cn.huoxian.shared.bulk.Statistics.refreshAfter(db, created.size(), REGION);
		return created;
	}

	/** A region {@link #createAll} may add, or null with its problems. */
	private static NewRegion checked(RegionForm form, String at, Map<String, RegionView> stored,
			Map<String, NewRegion> added, CurrentUser user, List<InvalidInputException.FieldProblem> problems) {
		String code = form.code();
		if (code == null || code.isBlank() || form.name() == null || form.name().isBlank()) {
			problems.add(new InvalidInputException.FieldProblem(at + (code == null || code.isBlank() ? "code" : "name"),
					Messages.text("problem.required")));
			return null;
		}
		NewRegion earlier = added.get(form.parentCode());
		RegionView parent = stored.get(form.parentCode());
		RegionLevel parentLevel = earlier != null ? earlier.level()
				: parent != null && user.scope().coversRegion(parent.path()) ? parent.level() : null;
		if (parentLevel == null) {
			problems.add(new InvalidInputException.FieldProblem(at + "parentCode",
					Messages.text("problem.referenceNotFound")));
			return null;
		}
		RegionLevel level = parentLevel.below();
		String problem = level == null ? null : level.codeProblem(code, form.parentCode());
		if (level == null) {
			problems.add(new InvalidInputException.FieldProblem(at + "parentCode",
					Messages.text("org.error.region.grid-has-no-children")));
		}
		else if (problem != null) {
			problems.add(new InvalidInputException.FieldProblem(at + "code", problem));
		}
		else if (stored.containsKey(code) || added.containsKey(code)) {
			problems
				.add(new InvalidInputException.FieldProblem(at + "code", Messages.text("org.error.code-taken.region")));
		}
		else {
			RegionPath parentPath = earlier != null ? earlier.path() : parent.path();
			return new NewRegion(code, form.name().strip(), form.parentCode(), level, parentPath.child(code));
		}
		return null;
	}

	/** A region checked for {@link #createAll}, not yet written. */
	private record NewRegion(String code, String name, String parentCode, RegionLevel level, RegionPath path) {
	}

	/**
	 * Every region of one level, ordered by code, unscoped: for benchmarks drawing codes
	 * from a generated city.
	 */
	public List<RegionView> atLevel(RegionLevel level) {
		return db.selectFrom(REGION).where(REGION.REGION_LEVEL.eq(level.name())).orderBy(REGION.CODE).fetch(this::view);
	}

	/**
	 * The regions under a path (itself included), as a derived table other modules join
	 * and filter in one statement (they never name this module's table).
	 */
	public static Rows under(RegionPath path) {
		return rows(DataScope.under(REGION.PATH, path));
	}

	/** A region's children, as {@link #under} gives them. */
	public static Rows childrenOf(long parentId) {
		return rows(REGION.PARENT_ID.eq(parentId));
	}

	private static Rows rows(org.jooq.Condition where) {
		org.jooq.Table<?> table = org.jooq.impl.DSL
			.select(REGION.ID, REGION.CODE, REGION.NAME, REGION.REGION_LEVEL, REGION.PATH, REGION.HOUSEHOLDS)
			.from(REGION)
			.where(where)
			.asTable("region_row");
		return new Rows(table, table.field("id", Long.class), table.field("code", String.class),
				table.field("name", String.class), table.field("region_level", String.class),
				table.field("path", String.class), table.field("households", Long.class));
	}

	/** The columns of {@link #under} and {@link #childrenOf}. */
	public record Rows(org.jooq.Table<?> table, org.jooq.Field<Long> id, org.jooq.Field<String> code,
			org.jooq.Field<String> name, org.jooq.Field<String> level, org.jooq.Field<String> path,
			org.jooq.Field<Long> households) {
	}

	/** The code of the region a field holds the id of, as a scalar subquery. */
	public static org.jooq.Field<String> codeOf(org.jooq.Field<Long> regionId) {
		return org.jooq.impl.DSL
			.field(org.jooq.impl.DSL.select(REGION.CODE).from(REGION).where(REGION.ID.eq(regionId)));
	}

	/** The name of the region a field holds the id of, as a scalar subquery. */
	public static org.jooq.Field<String> nameOf(org.jooq.Field<Long> regionId) {
		return org.jooq.impl.DSL
			.field(org.jooq.impl.DSL.select(REGION.NAME).from(REGION).where(REGION.ID.eq(regionId)));
	}

	/** The names of regions by id (unscoped: for ids other modules already hold). */
	public Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new HashMap<>();
		}
		return db.select(REGION.ID, REGION.NAME).from(REGION).where(REGION.ID.in(ids)).fetchMap(REGION.ID, REGION.NAME);
	}

	/** Regions by id in one query (unscoped: for ids other modules already hold). */
	public Map<Long, RegionView> views(Collection<Long> ids) {
		Map<Long, RegionView> views = new HashMap<>();
		if (!ids.isEmpty()) {
			db.selectFrom(REGION).where(REGION.ID.in(ids)).forEach(r -> views.put(r.getId(), view(r)));
		}
		return views;
	}

	/**
	 * The regions of one level under a path, ordered by path (unscoped: the caller
	 * checked the path against the scope).
	 */
	public List<RegionView> under(RegionPath path, RegionLevel level) {
		return db.selectFrom(REGION)
			.where(DataScope.under(REGION.PATH, path).and(REGION.REGION_LEVEL.eq(level.name())))
			.orderBy(REGION.PATH)
			.fetch(this::view);
	}

	/** Regions by path in one query (unscoped: for paths other modules already hold). */
	public Map<RegionPath, RegionView> byPaths(Collection<RegionPath> paths) {
		Map<RegionPath, RegionView> views = new HashMap<>();
		if (!paths.isEmpty()) {
			db.selectFrom(REGION)
				.where(REGION.PATH.in(paths.stream().map(RegionPath::value).toList()))
				.forEach(r -> views.put(RegionPath.of(r.getPath()), view(r)));
		}
		return views;
	}

}
