package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_LOG;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.FirstSecretaryReturnRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.people.RoleChecks.FirstSecretaryRole;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.DSLContext;
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

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RoleChecks roles;

	private final Regions regions;

	private final Units units;

	FirstSecretaries(DSLContext db, ApplicationEventPublisher events, Clock clock, RoleChecks roles, Regions regions,
			Units units) {
		this.roles = roles;
		this.regions = regions;
		this.units = units;
		this.db = db;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The first secretaries whose village lies under the region (all visible ones when
	 * regionPath is null), optionally only those at post (or not).
	 */
	public PageResult<FirstSecretaryView> list(RegionPath regionPath, Boolean atPost, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		// first secretaries are one per village at most (hundreds in a city): their
		// roles,
		// villages, units and returns are read in one query each, then filtered and
		// ordered here
		Predicate<FirstSecretaryView> where = visible(scope);
		if (regionPath != null) {
			where = where.and(v -> v.path().isWithin(regionPath));
		}
		if (atPost != null) {
			where = where.and(v -> v.atPost() == atPost);
		}
		List<FirstSecretaryView> all = views(roles.firstSecretaries(null)).stream()
			.filter(where)
			.sorted(Comparator.comparing((FirstSecretaryView v) -> v.path().value())
				.thenComparing(FirstSecretaryView::name)
				.thenComparingLong(FirstSecretaryView::personId))
			.toList();
		List<FirstSecretaryView> items = all.stream().skip((long) page * size).limit(size).toList();
		return new PageResult<>(items, all.size(), page, size);
	}

	/**
	 * First secretaries at post (returned, not left) whose village lies under the region,
	 * within the scope's regions: the headline figure, counted from records.
	 */
	public long countAtPost(RegionPath regionPath, DataScope scope) {
		return db.fetchCount(FIRST_SECRETARY_RETURN,
				scope.regionCondition(FIRST_SECRETARY_RETURN.PATH)
					.and(DataScope.under(FIRST_SECRETARY_RETURN.PATH, regionPath))
					.and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull()));
	}

	/** One first secretary, or 404 when not one or not visible. */
	public FirstSecretaryView find(long personId, DataScope scope) {
		return views(roles.firstSecretaries(personId)).stream()
			.filter(visible(scope))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.first-secretary", personId)));
	}

	/**
	 * Unscoped lookup (callers check scope), 404 when the person is no first secretary.
	 */
	FirstSecretaryView fetch(long personId) {
		return views(roles.firstSecretaries(personId)).stream()
			.findFirst()
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
		current.setPath(secretary.path().value());
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
		// the entry's shape is checked on the form (FirstSecretaryApi.LogForm)
		long id = db.insertInto(FIRST_SECRETARY_LOG)
			.set(FIRST_SECRETARY_LOG.PERSON_ID, personId)
			.set(FIRST_SECRETARY_LOG.PATH, secretary.path().value())
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
	static Predicate<FirstSecretaryView> visible(DataScope scope) {
		return v -> scope.coversRegion(v.path()) || scope.coversUnit(v.dispatchingUnitId())
				|| Long.valueOf(v.personId()).equals(scope.selfPersonId());
	}

	/**
	 * Views of first secretaries' roles: villages, units, returns and last log days in
	 * one query each.
	 */
	private List<FirstSecretaryView> views(List<FirstSecretaryRole> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		Set<Long> personIds = roles.stream().map(FirstSecretaryRole::personId).collect(Collectors.toSet());
		Map<Long, RegionView> villages = regions
			.views(roles.stream().map(FirstSecretaryRole::villageId).collect(Collectors.toSet()));
		Map<Long, String> unitNames = units
			.names(roles.stream().map(FirstSecretaryRole::dispatchingUnitId).collect(Collectors.toSet()));
		Map<Long, FirstSecretaryReturnRecord> returns = db.selectFrom(FIRST_SECRETARY_RETURN)
			.where(FIRST_SECRETARY_RETURN.PERSON_ID.in(personIds))
			.fetchMap(FIRST_SECRETARY_RETURN.PERSON_ID);
		Map<Long, LocalDate> lastLogDays = db
			.select(FIRST_SECRETARY_LOG.PERSON_ID, DSL.max(FIRST_SECRETARY_LOG.BUSINESS_DAY))
			.from(FIRST_SECRETARY_LOG)
			.where(FIRST_SECRETARY_LOG.PERSON_ID.in(personIds))
			.groupBy(FIRST_SECRETARY_LOG.PERSON_ID)
			.fetchMap(r -> r.value1(), r -> r.value2());
		return roles.stream().map(role -> {
			RegionView village = villages.get(role.villageId());
			FirstSecretaryReturnRecord back = returns.get(role.personId());
			LocalDate returned = back == null ? null : back.getReturnedOn();
			LocalDate left = back == null ? null : back.getLeftOn();
			return new FirstSecretaryView(role.personId(), role.name(), village.id(), village.code(), village.name(),
					village.path(), role.dispatchingUnitId(), unitNames.get(role.dispatchingUnitId()), returned, left,
					returned != null && left == null, lastLogDays.get(role.personId()));
		}).toList();
	}

	/**
	 * First secretaries at post on the day (returned by then, not left) whose village
	 * lies under the region: the headline figure (unscoped: the headline is asked for a
	 * region the caller may read).
	 */
	public long countAtPostOn(RegionPath regionPath, LocalDate day) {
		return db.fetchCount(FIRST_SECRETARY_RETURN,
				DataScope.under(FIRST_SECRETARY_RETURN.PATH, regionPath)
					.and(FIRST_SECRETARY_RETURN.RETURNED_ON.le(day))
					.and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull().or(FIRST_SECRETARY_RETURN.LEFT_ON.gt(day))));
	}

}
