package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.RECTIFICATION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.records.InspectionRecord;
import cn.huoxian.db.tables.records.RectificationRecord;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.FieldChecks;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifications: the findings of an inspection with an owner and a deadline, closed with
 * evidence; the open and overdue ones under a region, counted per child region.
 */
@Service
public class Rectifications {

	static final String OPEN = "OPEN";

	static final String CLOSED = "CLOSED";

	private final DSLContext db;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final People people;

	private final Names names;

	Rectifications(DSLContext db, Regions regions, People people, ApplicationEventPublisher events, Clock clock,
			Names names) {
		this.names = names;
		this.db = db;
		this.people = people;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks what the rectifications of an inspection on a day need beyond their form:
	 * owners in the caller's scope, deadlines not before the inspection. Field names
	 * start with prefix.
	 */
	void check(List<RectificationForm> forms, LocalDate inspected, String prefix, FieldChecks checks, DataScope scope) {
		for (int i = 0; i < forms.size(); i++) {
			RectificationForm form = forms.get(i);
			String at = prefix == null ? "" : prefix + "[" + i + "].";
			people.resolve(at + "ownerId", form.ownerId(), scope);
			checks.require(inspected == null || !form.deadline().isBefore(inspected), at + "deadline",
					"rectification.field.before-inspection", inspected);
		}
	}

	/** Stores checked rectifications of an inspection; returns their ids. */
	List<Long> insert(long inspectionId, RegionPath path, List<RectificationForm> forms) {
		List<Long> ids = new ArrayList<>();
		for (RectificationForm form : forms) {
			ids.add(db.insertInto(RECTIFICATION)
				.set(RECTIFICATION.INSPECTION_ID, inspectionId)
				.set(RECTIFICATION.LOOK, form.look().name())
				.set(RECTIFICATION.PATH, path.value())
				.set(RECTIFICATION.ITEM, form.item().strip())
				.set(RECTIFICATION.OWNER_ID, form.ownerId())
				.set(RECTIFICATION.DEADLINE, form.deadline())
				.set(RECTIFICATION.STATUS, OPEN)
				.returning(RECTIFICATION.ID)
				.fetchOne(RECTIFICATION.ID));
		}
		return ids;
	}

	/**
	 * Adds a rectification to a recorded inspection: the inspector or region staff in
	 * scope.
	 */
	@Transactional
	public RectificationView add(long inspectionId, RectificationForm form, CurrentUser user) {
		InspectionRecord inspection = db.fetchOne(INSPECTION, INSPECTION.ID.eq(inspectionId));
		if (inspection == null) {
			throw new NotFoundException(Messages.text("inspection.what.inspection", inspectionId));
		}
		user.requireMayWriteInOrAsSelf(RegionPath.of(inspection.getPath()), inspection.getInspectorId(),
				Messages.text("inspection.what.inspection", inspectionId));
		FieldChecks checks = new FieldChecks();
		check(List.of(form), inspection.getInspectedOn(), null, checks, user.scope());
		checks.done();
		long id = insert(inspectionId, RegionPath.of(inspection.getPath()), List.of(form)).get(0);
		return find(id, user.scope(), true);
	}

	/**
	 * Closes a rectification with evidence: its owner or region staff in scope. Closing
	 * twice answers 422.
	 */
	@Transactional
	public RectificationView close(long id, String evidence, LocalDate closedOn, CurrentUser user) {
		RectificationRecord record = db.selectFrom(RECTIFICATION).where(RECTIFICATION.ID.eq(id)).forUpdate().fetchOne();
		if (record == null) {
			throw new NotFoundException(Messages.text("rectification.what.rectification", id));
		}
		user.requireMayWriteInOrAsSelf(RegionPath.of(record.getPath()), record.getOwnerId(),
				Messages.text("rectification.what.rectification", id));
		if (CLOSED.equals(record.getStatus())) {
			throw new RuleViolationException(
					Messages.text("rectification.rule.closed", id, record.getClosedOn(), record.getClosedBy()));
		}
		LocalDate today = BusinessDay.today(clock);
		LocalDate day = closedOn == null ? today : closedOn;
		LocalDate inspected = db.select(INSPECTION.INSPECTED_ON)
			.from(INSPECTION)
			.where(INSPECTION.ID.eq(record.getInspectionId()))
			.fetchOne(INSPECTION.INSPECTED_ON);
		new FieldChecks().require(!day.isAfter(today), "closedOn", "problem.field.future")
			.require(day.isAfter(today) || !day.isBefore(inspected), "closedOn",
					"rectification.field.before-inspection", inspected)
			.done();
		record.setStatus(CLOSED);
		record.setEvidence(evidence.strip());
		record.setClosedOn(day);
		record.setClosedBy(user.username());
		record.store();
		events.publishEvent(new Events.RectificationClosed(id, record.getInspectionId(), record.getOwnerId(), day,
				record.getDeadline()));
		return find(id, user.scope(), true);
	}

	/** A rectification the scope covers, or 404. */
	public RectificationView find(long id, DataScope scope) {
		return find(id, scope, false);
	}

	private RectificationView find(long id, DataScope scope, boolean written) {
		RectificationView view = views(select().where(RECTIFICATION.ID.eq(id)).fetch()).stream()
			.findFirst()
			.orElse(null);
		// the owner acting for themselves may have closed one outside their region scope
		if (view == null || (!written && !scope.coversRegion(view.path()))) {
			throw new NotFoundException(Messages.text("rectification.what.rectification", id));
		}
		return view;
	}

	/**
	 * Rectifications under a region, optionally of one status or only the overdue ones
	 * (open after their deadline); by deadline.
	 */
	public PageResult<RectificationView> list(RegionPath regionPath, String status, boolean overdue, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(RECTIFICATION.PATH)
			.and(DataScope.under(RECTIFICATION.PATH, regionPath));
		if (status != null && !status.isBlank()) {
			if (!OPEN.equals(status) && !CLOSED.equals(status)) {
				throw new InvalidInputException("status", Messages.text("rectification.field.status"));
			}
			where = where.and(RECTIFICATION.STATUS.eq(status));
		}
		if (overdue) {
			where = where.and(overdueCondition());
		}
		long total = db.fetchCount(RECTIFICATION, where);
		List<RectificationView> items = views(select().where(where)
			.orderBy(RECTIFICATION.DEADLINE, RECTIFICATION.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/** The rectifications of one inspection, in the order they were made. */
	List<RectificationView> ofInspections(List<Long> inspectionIds, Map<Long, List<RectificationView>> into) {
		Map<Long, List<RectificationView>> byInspection = into == null ? new HashMap<>() : into;
		List<RectificationView> all = views(
				select().where(RECTIFICATION.INSPECTION_ID.in(inspectionIds)).orderBy(RECTIFICATION.ID).fetch());
		all.forEach(r -> byInspection.computeIfAbsent(r.inspectionId(), k -> new ArrayList<>()).add(r));
		return all;
	}

	/** One child region and the overdue rectifications under it. */
	public record OverdueCount(String code, String name, RegionLevel level, long overdue) {
	}

	/**
	 * For each child region of a region in scope, the count of overdue rectifications
	 * under it: one grouped query by path prefix.
	 */
	public List<OverdueCount> overdueByRegion(String regionCode, DataScope scope) {
		RegionView parent = regions.find(regionCode, scope);
		List<RegionView> children = regions.children(regionCode, scope);
		Map<String, Long> counts = new HashMap<>();
		children.stream().map(c -> c.path().value().length()).distinct().forEach(length -> {
			Field<String> prefix = DSL.substring(RECTIFICATION.PATH, DSL.inline(1), DSL.inline(length));
			db.select(prefix, DSL.count())
				.from(RECTIFICATION)
				.where(scope.regionCondition(RECTIFICATION.PATH))
				.and(DataScope.under(RECTIFICATION.PATH, parent.path()))
				.and(overdueCondition())
				.groupBy(prefix)
				.forEach(r -> counts.merge(r.value1(), r.value2().longValue(), Long::sum));
		});
		return children.stream()
			.map(c -> new OverdueCount(c.code(), c.name(), c.level(), counts.getOrDefault(c.path().value(), 0L)))
			.toList();
	}

	private Condition overdueCondition() {
		return RECTIFICATION.STATUS.eq(OPEN).and(RECTIFICATION.DEADLINE.lt(BusinessDay.today(clock)));
	}

	private SelectOnConditionStep<Record> select() {
		return db.select(RECTIFICATION.fields())
			.select(INSPECTION.TARGET_REGION_ID, INSPECTION.TARGET_UNIT_ID)
			.from(RECTIFICATION)
			.join(INSPECTION)
			.on(INSPECTION.ID.eq(RECTIFICATION.INSPECTION_ID));
	}

	/** Views of rows with their owners' and targets' names, one lookup per kind. */
	private List<RectificationView> views(List<Record> rows) {
		Names.Batch named = names.of(rows, r -> r.get(RECTIFICATION.OWNER_ID), r -> r.get(INSPECTION.TARGET_REGION_ID),
				r -> r.get(INSPECTION.TARGET_UNIT_ID));
		return rows.stream().map(r -> view(r, named)).toList();
	}

	private RectificationView view(Record r, Names.Batch named) {
		boolean open = OPEN.equals(r.get(RECTIFICATION.STATUS));
		LocalDate deadline = r.get(RECTIFICATION.DEADLINE);
		return new RectificationView(r.get(RECTIFICATION.ID), r.get(RECTIFICATION.INSPECTION_ID),
				Look.valueOf(r.get(RECTIFICATION.LOOK)), RegionPath.of(r.get(RECTIFICATION.PATH)),
				named.targetName(r.get(INSPECTION.TARGET_REGION_ID), r.get(INSPECTION.TARGET_UNIT_ID)),
				r.get(RECTIFICATION.ITEM), r.get(RECTIFICATION.OWNER_ID), named.person(r.get(RECTIFICATION.OWNER_ID)),
				deadline, r.get(RECTIFICATION.STATUS), r.get(RECTIFICATION.EVIDENCE), r.get(RECTIFICATION.CLOSED_ON),
				r.get(RECTIFICATION.CLOSED_BY), open && deadline.isBefore(BusinessDay.today(clock)));
	}

}
