package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.INSPECTION_LOOK;
import static cn.huoxian.db.Tables.LIAISON_GROUP;
import static cn.huoxian.db.Tables.LIAISON_GROUP_COMMUNITY;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下沉一级 · 四看: a cadre inspects a region or a unit at least one level below their own and
 * within their own region, rates the four looks, and turns findings into rectifications.
 */
@Service
public class Inspections {

	private static final Field<String> TARGET_NAME = DSL.coalesce(REGION.NAME, UNIT.NAME).as("target_name");

	private final DSLContext db;

	private final RoleChecks roles;

	private final Regions regions;

	private final Units units;

	private final Rectifications rectifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final People people;

	Inspections(DSLContext db, RoleChecks roles, Regions regions, Units units, People people,
			Rectifications rectifications, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.people = people;
		this.roles = roles;
		this.regions = regions;
		this.units = units;
		this.rectifications = rectifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The region a cadre serves at: their cadre unit's region, else their party
	 * organisation's.
	 */
	record Seat(RegionLevel level, String path, String name) {
	}

	/**
	 * The region the inspector serves at: the region of their cadre unit or, without a
	 * unit, of their party organisation; empty when neither is known.
	 */
	java.util.Optional<Seat> seat(long personId) {
		java.util.Optional<Record3<String, String, String>> byUnit = db
			.select(REGION.REGION_LEVEL, REGION.PATH, REGION.NAME)
			.from(PERSON_ROLE)
			.join(UNIT)
			.on(UNIT.ID.eq(PERSON_ROLE.UNIT_ID))
			.join(REGION)
			.on(REGION.ID.eq(UNIT.REGION_ID))
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())))
			.fetchOptional();
		java.util.Optional<Record3<String, String, String>> found = byUnit.isPresent() ? byUnit
				: db.select(REGION.REGION_LEVEL, REGION.PATH, REGION.NAME)
					.from(PERSON_ROLE)
					.join(PARTY_ORGANISATION)
					.on(PARTY_ORGANISATION.ID.eq(PERSON_ROLE.PARTY_ORGANISATION_ID))
					.join(REGION)
					.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID))
					.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
					.fetchOptional();
		return found.map(r -> new Seat(RegionLevel.valueOf(r.value1()), r.value2(), r.value3()));
	}

	@Transactional
	public InspectionView record(InspectionForm form, CurrentUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = BusinessDay.today(clock);
		if (form.inspectorId() == null) {
			problems.add(new FieldProblem("inspectorId", Messages.text("problem.required")));
		}
		else {
			// every reference through the caller's scope, before any rule about it
			people.resolve("inspectorId", form.inspectorId(), user.scope());
			try {
				roles.requireCadre("inspectorId", form.inspectorId());
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		String regionCode = blank(form.targetRegion());
		String unitCode = blank(form.targetUnit());
		RegionView targetRegion = null;
		UnitView targetUnit = null;
		if ((regionCode == null) == (unitCode == null)) {
			problems.add(new FieldProblem("targetRegion", Messages.text("inspection.field.one-target")));
		}
		else if (regionCode != null) {
			targetRegion = regions.resolve("targetRegion", regionCode, user.scope());
		}
		else {
			targetUnit = units.resolveCode("targetUnit", unitCode, user.scope());
			targetRegion = regions.byCode(targetUnit.regionCode()).orElseThrow();
		}
		LocalDate date = form.date() == null ? today : form.date();
		if (date.isAfter(today)) {
			problems.add(new FieldProblem("date", Messages.text("problem.field.future")));
		}
		checkLooks(form.looks(), problems);
		if (form.summary() != null && form.summary().strip().length() > 1000) {
			problems.add(new FieldProblem("summary", Messages.text("problem.field.too-long", 1000)));
		}
		List<RectificationForm> findings = form.rectifications() == null ? List.of() : form.rectifications();
		rectifications.check(findings, date, "rectifications", problems, user.scope());
		if (form.liaisonGroupId() != null) {
			String groupPath = db.select(LIAISON_GROUP.PATH)
				.from(LIAISON_GROUP)
				.where(LIAISON_GROUP.ID.eq(form.liaisonGroupId()))
				.fetchOne(LIAISON_GROUP.PATH);
			if (!user.scope().coversRegion(groupPath)) {
				throw new ReferenceNotFoundException("liaisonGroupId");
			}
			if (targetUnit != null || targetRegion == null
					|| !db.fetchExists(LIAISON_GROUP_COMMUNITY,
							LIAISON_GROUP_COMMUNITY.GROUP_ID.eq(form.liaisonGroupId())
								.and(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID.eq(targetRegion.id())))) {
				problems.add(new FieldProblem("liaisonGroupId", Messages.text("inspection.field.group-community")));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String path = targetUnit != null ? targetUnit.path() : targetRegion.path();
		String targetName = targetUnit != null ? targetUnit.name() : targetRegion.name();
		user.requireMayWriteInOrAsSelf(path, form.inspectorId(), Messages.text("inspection.what.target", targetName));
		Seat seat = seat(form.inspectorId())
			.orElseThrow(() -> new InspectionLevelException(Messages.text("inspect.refused.UNKNOWN_LEVEL"),
					InspectionLevelException.Reason.UNKNOWN_LEVEL, null, null, targetName, null));
		checkLevel(seat, targetRegion, targetUnit);

		long id = db.insertInto(INSPECTION)
			.set(INSPECTION.INSPECTOR_ID, form.inspectorId())
			.set(INSPECTION.INSPECTOR_LEVEL, seat.level().name())
			.set(INSPECTION.TARGET_REGION_ID, targetUnit == null ? targetRegion.id() : null)
			.set(INSPECTION.TARGET_UNIT_ID, targetUnit == null ? null : targetUnit.id())
			.set(INSPECTION.PATH, path)
			.set(INSPECTION.LIAISON_GROUP_ID, form.liaisonGroupId())
			.set(INSPECTION.INSPECTED_ON, date)
			.set(INSPECTION.SUMMARY, blank(form.summary()))
			.set(INSPECTION.RECORDED_BY, user.username())
			.returning(INSPECTION.ID)
			.fetchOne(INSPECTION.ID);
		for (InspectionForm.LookEntry look : form.looks()) {
			db.insertInto(INSPECTION_LOOK)
				.set(INSPECTION_LOOK.INSPECTION_ID, id)
				.set(INSPECTION_LOOK.LOOK, look.look().name())
				.set(INSPECTION_LOOK.RATING, look.rating())
				.set(INSPECTION_LOOK.FINDINGS, blank(look.findings()))
				.execute();
		}
		rectifications.insert(id, path, findings);
		events.publishEvent(new Events.InspectionCompleted(id, form.inspectorId(), path, date, findings.size()));
		return view(id).orElseThrow();
	}

	private static void checkLooks(List<InspectionForm.LookEntry> looks, List<FieldProblem> problems) {
		if (looks == null || looks.size() != Look.values().length) {
			problems.add(new FieldProblem("looks", Messages.text("inspection.field.four-looks")));
			if (looks == null) {
				return;
			}
		}
		Set<Look> seen = EnumSet.noneOf(Look.class);
		for (int i = 0; i < looks.size(); i++) {
			InspectionForm.LookEntry entry = looks.get(i);
			String at = "looks[" + i + "].";
			if (entry == null || entry.look() == null) {
				problems.add(new FieldProblem(at + "look", Messages.text("problem.required")));
				continue;
			}
			if (!seen.add(entry.look())) {
				problems.add(new FieldProblem(at + "look",
						Messages.text("inspection.field.look-twice", Messages.text("inspect.look." + entry.look()))));
			}
			if (entry.rating() == null || entry.rating() < 1 || entry.rating() > 5) {
				problems.add(new FieldProblem(at + "rating", Messages.text("problem.field.between", 1, 5)));
			}
			if (entry.findings() != null && entry.findings().strip().length() > 1000) {
				problems.add(new FieldProblem(at + "findings", Messages.text("problem.field.too-long", 1000)));
			}
		}
		if (problems.stream().noneMatch(p -> p.field().startsWith("looks")) && seen.size() != Look.values().length) {
			problems.add(new FieldProblem("looks", Messages.text("inspection.field.each-look")));
		}
	}

	/**
	 * 下沉一级: the target lies strictly below the inspector's level and inside the
	 * inspector's own region.
	 */
	private static void checkLevel(Seat seat, RegionView target, UnitView unit) {
		String name = unit == null ? target.name() : unit.name();
		if (target.level().ordinal() <= seat.level().ordinal()) {
			throw new InspectionLevelException(
					Messages.text("inspect.refused.NOT_BELOW", Messages.text("inspect.level." + seat.level()), name,
							Messages.text("inspect.level." + target.level())),
					InspectionLevelException.Reason.NOT_BELOW, seat.level(), seat.name(), name, target.level());
		}
		if (!target.path().startsWith(seat.path())) {
			throw new InspectionLevelException(Messages.text("inspect.refused.OUTSIDE", name, seat.name()),
					InspectionLevelException.Reason.OUTSIDE, seat.level(), seat.name(), name, target.level());
		}
	}

	/** Inspections under a region, newest first. */
	public PageResult<InspectionView> list(String regionPath, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(INSPECTION.PATH).and(DataScope.under(INSPECTION.PATH, regionPath));
		long total = db.fetchCount(INSPECTION, where);
		List<Record> rows = select().where(where)
			.orderBy(INSPECTION.INSPECTED_ON.desc(), INSPECTION.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		return new PageResult<>(views(rows), total, page, size);
	}

	/** An inspection the scope covers, or 404. */
	public InspectionView find(long id, DataScope scope) {
		InspectionView view = view(id).orElse(null);
		if (view == null || !scope.coversRegion(view.path())) {
			throw new NotFoundException(Messages.text("inspection.what.inspection", id));
		}
		return view;
	}

	private java.util.Optional<InspectionView> view(long id) {
		List<InspectionView> found = views(select().where(INSPECTION.ID.eq(id)).fetch());
		return found.stream().findFirst();
	}

	private SelectOnConditionStep<Record> select() {
		return db.select(INSPECTION.fields())
			.select(PERSON.NAME, REGION.CODE, UNIT.CODE, TARGET_NAME)
			.from(INSPECTION)
			.join(PERSON)
			.on(PERSON.ID.eq(INSPECTION.INSPECTOR_ID))
			.leftJoin(REGION)
			.on(REGION.ID.eq(INSPECTION.TARGET_REGION_ID))
			.leftJoin(UNIT)
			.on(UNIT.ID.eq(INSPECTION.TARGET_UNIT_ID));
	}

	private List<InspectionView> views(List<Record> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(r -> r.get(INSPECTION.ID)).toList();
		Map<Long, List<InspectionView.LookView>> looks = new HashMap<>();
		db.selectFrom(INSPECTION_LOOK)
			.where(INSPECTION_LOOK.INSPECTION_ID.in(ids))
			.forEach(l -> looks.computeIfAbsent(l.getInspectionId(), k -> new ArrayList<>())
				.add(new InspectionView.LookView(Look.valueOf(l.getLook()), l.getRating(), l.getFindings())));
		looks.values().forEach(list -> list.sort(java.util.Comparator.comparing(InspectionView.LookView::look)));
		Map<Long, List<RectificationView>> fixes = new HashMap<>();
		rectifications.ofInspections(ids, fixes);
		return rows.stream().map(r -> {
			long id = r.get(INSPECTION.ID);
			return new InspectionView(id, r.get(INSPECTION.INSPECTOR_ID), r.get(PERSON.NAME),
					RegionLevel.valueOf(r.get(INSPECTION.INSPECTOR_LEVEL)), r.get(REGION.CODE), r.get(UNIT.CODE),
					r.get(TARGET_NAME), r.get(INSPECTION.PATH), r.get(INSPECTION.LIAISON_GROUP_ID),
					r.get(INSPECTION.INSPECTED_ON), r.get(INSPECTION.SUMMARY), r.get(INSPECTION.RECORDED_BY),
					looks.getOrDefault(id, List.of()), fixes.getOrDefault(id, List.of()));
		}).toList();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
