package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_LOG;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.FirstSecretaryReturnRecord;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
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
 * First secretaries (persons with a FIRST_SECRETARY role: village and dispatching unit)
 * back at their villages, and their work log. Visible to region scope over the village,
 * to their dispatching unit's staff, and to themselves; written by region staff in scope
 * or by the first secretary.
 */
@Service
public class FirstSecretaries {

	private static final Field<LocalDate> LAST_LOG_DAY = DSL
		.field(DSL.select(DSL.max(FIRST_SECRETARY_LOG.BUSINESS_DAY))
			.from(FIRST_SECRETARY_LOG)
			.where(FIRST_SECRETARY_LOG.PERSON_ID.eq(PERSON.ID)))
		.as("last_log_day");

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FirstSecretaries(DSLContext db, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The first secretaries whose village lies under the region (all visible ones when
	 * regionPath is null), optionally only those at post (or not).
	 */
	public PageResult<FirstSecretaryView> list(String regionPath, Boolean atPost, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = visible(scope);
		if (regionPath != null) {
			where = where.and(DataScope.under(REGION.PATH, regionPath));
		}
		if (atPost != null) {
			Condition at = FIRST_SECRETARY_RETURN.PERSON_ID.isNotNull().and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull());
			where = where.and(atPost ? at : DSL.not(at));
		}
		long total = db.fetchCount(select().where(where));
		List<FirstSecretaryView> items = select().where(where)
			.orderBy(REGION.PATH, PERSON.NAME, PERSON.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(FirstSecretaries::view);
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * First secretaries at post (returned, not left) whose village lies under the region,
	 * within the scope's regions: the headline figure, counted from records.
	 */
	public long countAtPost(String regionPath, DataScope scope) {
		return db.fetchCount(FIRST_SECRETARY_RETURN,
				scope.regionCondition(FIRST_SECRETARY_RETURN.PATH)
					.and(DataScope.under(FIRST_SECRETARY_RETURN.PATH, regionPath))
					.and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull()));
	}

	/** One first secretary, or 404 when not one or not visible. */
	public FirstSecretaryView find(long personId, DataScope scope) {
		return select().where(PERSON.ID.eq(personId).and(visible(scope)))
			.fetchOptional(FirstSecretaries::view)
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.first-secretary", personId)));
	}

	/**
	 * Unscoped lookup (callers check scope), 404 when the person is no first secretary.
	 */
	FirstSecretaryView fetch(long personId) {
		return select().where(PERSON.ID.eq(personId))
			.fetchOptional(FirstSecretaries::view)
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.first-secretary", personId)));
	}

	/** Records the return to the village; 422 while already at post. */
	@Transactional
	public FirstSecretaryView returnToPost(long personId, LocalDate returnedOn, CurrentUser user) {
		FirstSecretaryView secretary = fetch(personId);
		user.requireMayWriteInOrAsSelf(secretary.path(), personId,
				Messages.text("frontline.what.first-secretary", personId));
		LocalDate on = day("returnedOn", returnedOn);
		FirstSecretaryReturnRecord current = db.selectFrom(FIRST_SECRETARY_RETURN)
			.where(FIRST_SECRETARY_RETURN.PERSON_ID.eq(personId))
			.forUpdate()
			.fetchOne();
		if (current != null && current.getLeftOn() == null) {
			throw new RuleViolationException(Messages.text("frontline.secretary.already-at-post", secretary.name(),
					secretary.villageName(), current.getReturnedOn()));
		}
		if (current != null && on.isBefore(current.getLeftOn())) {
			throw new InvalidInputException("returnedOn",
					Messages.text("frontline.secretary.returned-before-left", current.getLeftOn()));
		}
		if (current == null) {
			current = db.newRecord(FIRST_SECRETARY_RETURN);
			current.setPersonId(personId);
		}
		current.setVillageId(secretary.villageId());
		current.setPath(secretary.path());
		current.setDispatchingUnitId(secretary.dispatchingUnitId());
		current.setReturnedOn(on);
		current.setLeftOn(null);
		current.setRecordedBy(user.username());
		current.store();
		events.publishEvent(
				new Events.FirstSecretaryReturned(personId, secretary.villageId(), secretary.dispatchingUnitId(), on));
		return fetch(personId);
	}

	/** Records that the first secretary left the post; 422 when not at post. */
	@Transactional
	public FirstSecretaryView leave(long personId, LocalDate leftOn, CurrentUser user) {
		FirstSecretaryView secretary = fetch(personId);
		user.requireMayWriteInOrAsSelf(secretary.path(), personId,
				Messages.text("frontline.what.first-secretary", personId));
		LocalDate on = day("leftOn", leftOn);
		FirstSecretaryReturnRecord current = db.selectFrom(FIRST_SECRETARY_RETURN)
			.where(FIRST_SECRETARY_RETURN.PERSON_ID.eq(personId))
			.forUpdate()
			.fetchOne();
		if (current == null || current.getLeftOn() != null) {
			throw new RuleViolationException(Messages.text("frontline.secretary.not-at-post", secretary.name()));
		}
		if (on.isBefore(current.getReturnedOn())) {
			throw new InvalidInputException("leftOn",
					Messages.text("frontline.secretary.left-before-returned", current.getReturnedOn()));
		}
		current.setLeftOn(on);
		current.store();
		return fetch(personId);
	}

	/** Adds an entry to the work log. */
	@Transactional
	public FirstSecretaryLogEntry log(long personId, LocalDate day, String entry, CurrentUser user) {
		FirstSecretaryView secretary = fetch(personId);
		user.requireMayWriteInOrAsSelf(secretary.path(), personId,
				Messages.text("frontline.what.first-secretary", personId));
		LocalDate on = day("day", day);
		if (entry == null || entry.isBlank() || entry.strip().length() > 1000) {
			throw new InvalidInputException("entry", Messages.text("frontline.secretary.log-entry"));
		}
		long id = db.insertInto(FIRST_SECRETARY_LOG)
			.set(FIRST_SECRETARY_LOG.PERSON_ID, personId)
			.set(FIRST_SECRETARY_LOG.PATH, secretary.path())
			.set(FIRST_SECRETARY_LOG.BUSINESS_DAY, on)
			.set(FIRST_SECRETARY_LOG.ENTRY, entry.strip())
			.set(FIRST_SECRETARY_LOG.RECORDED_BY, user.username())
			.returning(FIRST_SECRETARY_LOG.ID)
			.fetchOne(FIRST_SECRETARY_LOG.ID);
		return db.selectFrom(FIRST_SECRETARY_LOG)
			.where(FIRST_SECRETARY_LOG.ID.eq(id))
			.fetchOne(r -> new FirstSecretaryLogEntry(r.getId(), r.getPersonId(), r.getBusinessDay(), r.getEntry(),
					r.getRecordedBy(), r.getRecordedAt()));
	}

	/** The work log, newest day first (404 when the first secretary is not visible). */
	public List<FirstSecretaryLogEntry> logOf(long personId, DataScope scope) {
		find(personId, scope);
		return db.selectFrom(FIRST_SECRETARY_LOG)
			.where(FIRST_SECRETARY_LOG.PERSON_ID.eq(personId))
			.orderBy(FIRST_SECRETARY_LOG.BUSINESS_DAY.desc(), FIRST_SECRETARY_LOG.ID.desc())
			.fetch(r -> new FirstSecretaryLogEntry(r.getId(), r.getPersonId(), r.getBusinessDay(), r.getEntry(),
					r.getRecordedBy(), r.getRecordedAt()));
	}

	private LocalDate day(String field, LocalDate value) {
		LocalDate today = BusinessDay.today(clock);
		if (value == null) {
			return today;
		}
		if (value.isAfter(today)) {
			throw new InvalidInputException(field, Messages.text("problem.field.future"));
		}
		return value;
	}

	/** Region scope over the village, the dispatching unit's scope, or oneself. */
	static Condition visible(DataScope scope) {
		Condition self = scope.selfPersonId() == null ? DSL.falseCondition() : PERSON.ID.eq(scope.selfPersonId());
		return DSL.or(scope.regionCondition(REGION.PATH), scope.unitCondition(PERSON_ROLE.DISPATCHING_UNIT_ID), self);
	}

	private SelectOnConditionStep<? extends Record> select() {
		return db
			.select(PERSON.ID, PERSON.NAME, REGION.ID, REGION.CODE, REGION.NAME, REGION.PATH, UNIT.ID, UNIT.NAME,
					FIRST_SECRETARY_RETURN.RETURNED_ON, FIRST_SECRETARY_RETURN.LEFT_ON, LAST_LOG_DAY)
			.from(PERSON_ROLE)
			.join(PERSON)
			.on(PERSON.ID.eq(PERSON_ROLE.PERSON_ID))
			.join(REGION)
			.on(REGION.ID.eq(PERSON_ROLE.VILLAGE_ID).and(PERSON_ROLE.ROLE.eq(RoleKind.FIRST_SECRETARY.name())))
			.join(UNIT)
			.on(UNIT.ID.eq(PERSON_ROLE.DISPATCHING_UNIT_ID))
			.leftJoin(FIRST_SECRETARY_RETURN)
			.on(FIRST_SECRETARY_RETURN.PERSON_ID.eq(PERSON_ROLE.PERSON_ID));
	}

	private static FirstSecretaryView view(Record r) {
		LocalDate returned = r.get(FIRST_SECRETARY_RETURN.RETURNED_ON);
		LocalDate left = r.get(FIRST_SECRETARY_RETURN.LEFT_ON);
		return new FirstSecretaryView(r.get(PERSON.ID), r.get(PERSON.NAME), r.get(REGION.ID), r.get(REGION.CODE),
				r.get(REGION.NAME), r.get(REGION.PATH), r.get(UNIT.ID), r.get(UNIT.NAME), returned, left,
				returned != null && left == null, r.get(LAST_LOG_DAY));
	}

	/**
	 * First secretaries at post on the day (returned by then, not left) whose village
	 * lies under the region: the headline figure (unscoped: the headline is asked for a
	 * region the caller may read).
	 */
	public long countAtPostOn(String regionPath, LocalDate day) {
		return db.fetchCount(FIRST_SECRETARY_RETURN,
				DataScope.under(FIRST_SECRETARY_RETURN.PATH, regionPath)
					.and(FIRST_SECRETARY_RETURN.RETURNED_ON.le(day))
					.and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull().or(FIRST_SECRETARY_RETURN.LEFT_ON.gt(day))));
	}

}
