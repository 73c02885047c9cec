package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.INSPECTION_LOOK;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.InspectionRecord;
import cn.huoxian.liaison.LiaisonGroups;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.FieldChecks;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectWhereStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下沉一级 · 四看: a cadre inspects a region or a unit at least one level below their own and
 * within their own region, rates the four looks, and turns findings into rectifications.
 */
@Service
public class Inspections {

	private final DSLContext db;

	private final RoleChecks roles;

	private final Regions regions;

	private final Units units;

	private final Rectifications rectifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final People people;

	private final PartyOrganisations partyOrganisations;

	private final LiaisonGroups liaisonGroups;

	private final Names names;

	private final Forms forms;

	Inspections(DSLContext db, RoleChecks roles, Regions regions, Units units, People people,
			Rectifications rectifications, ApplicationEventPublisher events, Clock clock,
			PartyOrganisations partyOrganisations, LiaisonGroups liaisonGroups, Names names, Forms forms) {
		this.partyOrganisations = partyOrganisations;
		this.liaisonGroups = liaisonGroups;
		this.names = names;
		this.db = db;
		this.people = people;
		this.roles = roles;
		this.regions = regions;
		this.units = units;
		this.rectifications = rectifications;
		this.events = events;
		this.clock = clock;
		this.forms = forms;
	}

	/**
	 * The region a cadre serves at: their cadre unit's region, else their party
	 * organisation's.
	 */
	record Seat(RegionLevel level, RegionPath path, String name) {
	}

	/**
	 * The region the inspector serves at: the region of their cadre unit or, without a
	 * unit, of their party organisation; empty when neither is known.
	 */
	java.util.Optional<Seat> seat(long personId) {
		Long unitId = roles.cadreUnit(personId);
		java.util.Optional<String> regionCode = unitId != null ? units.fetch(unitId).map(UnitView::regionCode)
				: roles.partyOrganisation(personId)
					.flatMap(partyOrganisations::fetch)
					.map(PartyOrganisationView::regionCode);
		return regionCode.flatMap(regions::byCode).map(r -> new Seat(r.level(), r.path(), r.name()));
	}

	@Transactional
	public InspectionView record(InspectionForm form, CurrentUser user) {
		// the form's shape is checked where it is bound (InspectionForm) and again here
		// for a caller that did not; then what needs the database, the clock or the
		// caller's scope
		forms.check(form);
		FieldChecks checks = new FieldChecks();
		LocalDate today = BusinessDay.today(clock);
		// every reference through the caller's scope, before any rule about it
		people.resolve("inspectorId", form.inspectorId(), user.scope());
		checks.attempt(() -> roles.requireCadre("inspectorId", form.inspectorId()));
		RegionView targetRegion;
		UnitView targetUnit = null;
		if (Text.orNull(form.targetRegion()) != null) {
			targetRegion = regions.resolve("targetRegion", Text.orNull(form.targetRegion()), user.scope());
		}
		else {
			targetUnit = units.resolveCode("targetUnit", Text.orNull(form.targetUnit()), user.scope());
			targetRegion = regions.byCode(targetUnit.regionCode()).orElseThrow();
		}
		LocalDate date = form.date() == null ? today : form.date();
		List<RectificationForm> findings = form.rectifications() == null ? List.of() : form.rectifications();
		rectifications.check(findings, date, "rectifications", checks, user.scope());
		if (form.liaisonGroupId() != null) {
			RegionPath groupPath = liaisonGroups.path(form.liaisonGroupId()).orElse(null);
			if (!user.scope().coversRegion(groupPath)) {
				throw new ReferenceNotFoundException("liaisonGroupId");
			}
			checks.require(targetUnit == null && liaisonGroups.answersFor(form.liaisonGroupId(), targetRegion.id()),
					"liaisonGroupId", "inspection.field.group-community");
		}
		checks.done();
		RegionPath path = targetUnit != null ? targetUnit.path() : targetRegion.path();
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
			.set(INSPECTION.PATH, path.value())
			.set(INSPECTION.LIAISON_GROUP_ID, form.liaisonGroupId())
			.set(INSPECTION.INSPECTED_ON, date)
			.set(INSPECTION.SUMMARY, Text.orNull(form.summary()))
			.set(INSPECTION.RECORDED_BY, user.username())
			.returning(INSPECTION.ID)
			.fetchOne(INSPECTION.ID);
		for (InspectionForm.LookEntry look : form.looks()) {
			db.insertInto(INSPECTION_LOOK)
				.set(INSPECTION_LOOK.INSPECTION_ID, id)
				.set(INSPECTION_LOOK.LOOK, look.look().name())
				.set(INSPECTION_LOOK.RATING, look.rating())
				.set(INSPECTION_LOOK.FINDINGS, Text.orNull(look.findings()))
				.execute();
		}
		rectifications.insert(id, path, findings);
		events.publishEvent(new Events.InspectionCompleted(id, form.inspectorId(), path, date, findings.size()));
		return view(id).orElseThrow();
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
		if (!target.path().isWithin(seat.path())) {
			throw new InspectionLevelException(Messages.text("inspect.refused.OUTSIDE", name, seat.name()),
					InspectionLevelException.Reason.OUTSIDE, seat.level(), seat.name(), name, target.level());
		}
	}

	/** Inspections under a region, newest first. */
	public PageResult<InspectionView> list(RegionPath regionPath, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(INSPECTION.PATH).and(DataScope.under(INSPECTION.PATH, regionPath));
		long total = db.fetchCount(INSPECTION, where);
		List<InspectionRecord> rows = select().where(where)
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

	private SelectWhereStep<InspectionRecord> select() {
		return db.selectFrom(INSPECTION);
	}

	private List<InspectionView> views(List<InspectionRecord> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(InspectionRecord::getId).toList();
		Map<Long, List<InspectionView.LookView>> looks = new HashMap<>();
		db.selectFrom(INSPECTION_LOOK)
			.where(INSPECTION_LOOK.INSPECTION_ID.in(ids))
			.forEach(l -> looks.computeIfAbsent(l.getInspectionId(), k -> new ArrayList<>())
				.add(new InspectionView.LookView(Look.valueOf(l.getLook()), l.getRating(), l.getFindings())));
		looks.values().forEach(list -> list.sort(java.util.Comparator.comparing(InspectionView.LookView::look)));
		Map<Long, List<RectificationView>> fixes = new HashMap<>();
		rectifications.ofInspections(ids, fixes);
		Names.Batch named = names.of(rows, InspectionRecord::getInspectorId, InspectionRecord::getTargetRegionId,
				InspectionRecord::getTargetUnitId);
		return rows.stream().map(r -> {
			long id = r.getId();
			return new InspectionView(id, r.getInspectorId(), named.person(r.getInspectorId()),
					RegionLevel.valueOf(r.getInspectorLevel()), named.regionCode(r.getTargetRegionId()),
					named.unitCode(r.getTargetUnitId()), named.targetName(r.getTargetRegionId(), r.getTargetUnitId()),
					RegionPath.of(r.getPath()), r.getLiaisonGroupId(), r.getInspectedOn(), r.getSummary(),
					r.getRecordedBy(), looks.getOrDefault(id, List.of()), fixes.getOrDefault(id, List.of()));
		}).toList();
	}

}
