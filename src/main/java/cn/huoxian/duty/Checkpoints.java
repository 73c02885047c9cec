package cn.huoxian.duty;

import static cn.huoxian.db.Tables.CHECKPOINT;
import static cn.huoxian.db.Tables.CHECKPOINT_UNIT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.CheckpointRecord;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints (卡口): where they stand, the temporary party organisation serving them, the
 * departments that staff them (their cadres are the roster's pool), the minimum staff per
 * shift and the shift template. Set up by region staff (and the administrator) within
 * their scope; read by whoever's scope covers the checkpoint's region.
 */
@Service
public class Checkpoints {

	static final int MAX_UNITS = 20;

	private final DSLContext db;

	private final Regions regions;

	private final Units units;

	private final PartyOrganisations organisations;

	Checkpoints(DSLContext db, Regions regions, Units units, PartyOrganisations organisations) {
		this.db = db;
		this.regions = regions;
		this.units = units;
		this.organisations = organisations;
	}

	/** A staffing department. */
	public record UnitRef(long id, String name) {
	}

	public record CheckpointView(long id, String name, CheckpointKind kind, String regionCode, String regionName,
			RegionPath path, @Nullable Long partyOrganisationId, @Nullable String partyOrganisationName,
			List<UnitRef> units, int minStaff, ShiftPattern pattern) {

		public List<Long> unitIds() {
			return units.stream().map(UnitRef::id).toList();
		}

	}

	/** What a checkpoint is set up with. */
	public record CheckpointForm(@Nullable String name, @Nullable String kind, @Nullable String regionCode,
			@Nullable Long partyOrganisationId, @Nullable List<Long> unitIds, @Nullable Integer minStaff,
			@Nullable String pattern) {
	}

	/** Sets up a checkpoint in a region in scope. */
	@Transactional
	public CheckpointView create(CheckpointForm form, CurrentUser user) {
		RegionView region = regions.resolve("regionCode", form.regionCode(), user.scope());
		requireManager(user);
		PartyOrganisationView organisation = form.partyOrganisationId() == null ? null
				: organisations.resolve("partyOrganisationId", form.partyOrganisationId(), user.scope());
		List<Long> unitIds = form.unitIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(form.unitIds()));
		for (int i = 0; i < unitIds.size(); i++) {
			if (unitIds.get(i) == null) {
				throw new ReferenceNotFoundException("unitIds[" + i + "]");
			}
			units.resolve("unitIds[" + i + "]", unitIds.get(i), user.scope());
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (form.name() == null || form.name().isBlank()) {
			problems.add(new FieldProblem("name", Messages.text("problem.required")));
		}
		else if (form.name().strip().length() > 100) {
			problems.add(new FieldProblem("name", Messages.text("problem.field.too-long", 100)));
		}
		CheckpointKind kind = parse(CheckpointKind.class, form.kind(), "kind", problems);
		ShiftPattern pattern = form.pattern() == null ? ShiftPattern.THREE_EIGHTS
				: parse(ShiftPattern.class, form.pattern(), "pattern", problems);
		if (organisation != null && !organisation.temporary()) {
			problems.add(new FieldProblem("partyOrganisationId", Messages.text("duty.problem.not-temporary")));
		}
		if (unitIds.isEmpty()) {
			problems.add(new FieldProblem("unitIds", Messages.text("duty.problem.units-needed")));
		}
		else if (unitIds.size() > MAX_UNITS) {
			problems.add(new FieldProblem("unitIds", Messages.text("duty.problem.too-many-units", MAX_UNITS)));
		}
		if (form.minStaff() == null || form.minStaff() < 1 || form.minStaff() > 50) {
			problems.add(new FieldProblem("minStaff", Messages.text("problem.field.between", 1, 50)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = db
			.insertInto(CHECKPOINT, CHECKPOINT.NAME, CHECKPOINT.KIND, CHECKPOINT.REGION_ID, CHECKPOINT.PATH,
					CHECKPOINT.PARTY_ORGANISATION_ID, CHECKPOINT.MIN_STAFF, CHECKPOINT.PATTERN, CHECKPOINT.CREATED_BY)
			.values(form.name().strip(), kind.name(), region.id(), region.path().value(),
					organisation == null ? null : organisation.id(), form.minStaff(), pattern.name(), user.username())
			.returning(CHECKPOINT.ID)
			.fetchOne(CHECKPOINT.ID);
		for (long unit : unitIds) {
			db.insertInto(CHECKPOINT_UNIT, CHECKPOINT_UNIT.CHECKPOINT_ID, CHECKPOINT_UNIT.UNIT_ID)
				.values(id, unit)
				.execute();
		}
		return view(db.fetchOne(CHECKPOINT, CHECKPOINT.ID.eq(id)));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, Messages.text("duty.problem.choose", field)));
			return null;
		}
	}

	/**
	 * The checkpoints at and below a region in scope (or the scope's first root), by
	 * name.
	 */
	@Transactional(readOnly = true)
	public PageResult<CheckpointView> list(@Nullable String regionCode, int page, int size, CurrentUser user) {
		PageResult.check(page, size);
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		var where = DataScope.under(CHECKPOINT.PATH, region.path()).and(user.scope().regionCondition(CHECKPOINT.PATH));
		long total = db.fetchCount(CHECKPOINT, where);
		List<CheckpointView> items = views(db.selectFrom(CHECKPOINT)
			.where(where)
			.orderBy(CHECKPOINT.PATH, CHECKPOINT.NAME, CHECKPOINT.ID)
			.limit(size)
			.offset(page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * A checkpoint the user may read, or 404 naming the field (alike for one that does
	 * not exist and one outside the scope).
	 */
	public CheckpointView visible(@Nullable Long id, String field, CurrentUser user) {
		CheckpointRecord record = id == null ? null : db.fetchOne(CHECKPOINT, CHECKPOINT.ID.eq(id));
		if (record == null || !user.scope().coversRegion(RegionPath.of(record.getPath()))) {
			throw new ReferenceNotFoundException(field);
		}
		return view(record);
	}

	/** A region in scope (or the scope's first root): where lists and gaps are read. */
	RegionPath region(@Nullable String regionCode, CurrentUser user) {
		return regions.findOrFirstRoot(regionCode, user.scope()).path();
	}

	/** A checkpoint by id, unscoped: for a shift the caller already may read. */
	CheckpointView get(long id) {
		return view(db.fetchOne(CHECKPOINT, CHECKPOINT.ID.eq(id)));
	}

	/**
	 * Throws 403 unless the user sets up checkpoints and rosters (region staff,
	 * administrator).
	 */
	static void requireManager(CurrentUser user) {
		if (!user.mayReportDaily()) {
			throw new ForbiddenException(Messages.text("duty.problem.role", user.role().label()));
		}
	}

	private CheckpointView view(CheckpointRecord r) {
		return views(List.of(r)).get(0);
	}

	private List<CheckpointView> views(List<CheckpointRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = records.stream().map(CheckpointRecord::getId).collect(Collectors.toSet());
		Map<Long, List<Long>> unitsOf = db.select(CHECKPOINT_UNIT.CHECKPOINT_ID, CHECKPOINT_UNIT.UNIT_ID)
			.from(CHECKPOINT_UNIT)
			.where(CHECKPOINT_UNIT.CHECKPOINT_ID.in(ids))
			.orderBy(CHECKPOINT_UNIT.UNIT_ID)
			.fetchGroups(CHECKPOINT_UNIT.CHECKPOINT_ID, CHECKPOINT_UNIT.UNIT_ID);
		Map<Long, String> unitNames = units
			.names(unitsOf.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		Map<String, String> regionNames = new java.util.HashMap<>();
		List<CheckpointView> views = new ArrayList<>();
		for (CheckpointRecord r : records) {
			RegionPath path = RegionPath.of(r.getPath());
			String regionName = regionNames.computeIfAbsent(path.code(),
					c -> regions.byCode(c).map(RegionView::name).orElse(c));
			String organisationName = r.getPartyOrganisationId() == null ? null
					: organisations.fetch(r.getPartyOrganisationId()).map(PartyOrganisationView::name).orElse(null);
			List<UnitRef> refs = unitsOf.getOrDefault(r.getId(), List.of())
				.stream()
				.map(u -> new UnitRef(u, unitNames.getOrDefault(u, "")))
				.toList();
			views.add(new CheckpointView(r.getId(), r.getName(), CheckpointKind.valueOf(r.getKind()), path.code(),
					regionName, path, r.getPartyOrganisationId(), organisationName, refs, r.getMinStaff(),
					ShiftPattern.valueOf(r.getPattern())));
		}
		return views;
	}

}
