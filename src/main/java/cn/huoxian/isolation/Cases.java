package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static cn.huoxian.db.Tables.ISOLATION_RESPONSIBLE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.IsolationCaseRecord;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.DuplicateException;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.FieldChecks;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Isolation cases: opening (from a screening flag or directly), the period rules, the
 * daily contact and the overdue list, shortening by a higher level, and release.
 */
@Service
public class Cases {

	private final DSLContext db;

	private final People people;

	private final cn.huoxian.screening.Flags flags;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MemberCases members;

	private final Forms forms;

	Cases(DSLContext db, People people, cn.huoxian.screening.Flags flags, ApplicationEventPublisher events, Clock clock,
			MemberCases members, Forms forms) {
		this.db = db;
		this.people = people;
		this.flags = flags;
		this.members = members;
		this.events = events;
		this.clock = clock;
		this.forms = forms;
	}

	@Transactional
	public CaseView open(CaseForm form, CurrentUser user) {
		user.requirePeopleEditor();
		// the form's rules (CaseForm), also for callers that bound it without @Valid
		forms.check(form);
		PersonView person = people.resolve("personId", form.personId(), user.scope());
		check(form, user);
		refuseSecondOpenCase(person.id(), form.type());
		LocalDate start = form.startDate() == null ? BusinessDay.today(clock) : form.startDate();
		int days = form.periodDays() == null ? form.type().defaultDays() : form.periodDays();
		LocalDate end = start.plusDays(days - 1L);
		IsolationCaseRecord record = db.newRecord(ISOLATION_CASE);
		record.setPersonId(person.id());
		record.setPath(person.path().value());
		record.setCaseType(form.type().name());
		record.setReason(form.reason().name());
		record.setFlagId(form.flagId());
		record.setStartDate(start);
		record.setEndDate(end);
		record.setPlannedEnd(end);
		record.setPlace(Text.orNull(form.place()));
		record.setContactTime(form.contactTime() == null ? "09:00" : form.contactTime());
		record.setStatus(CaseStatus.ACTIVE.name());
		record.setCreatedBy(user.username());
		record.setActivePersonId(person.id());
		storeOpenCase(record);
		for (Long responsible : form.responsibleIds().stream().distinct().toList()) {
			db.insertInto(ISOLATION_RESPONSIBLE, ISOLATION_RESPONSIBLE.CASE_ID, ISOLATION_RESPONSIBLE.PERSON_ID)
				.values(record.getId(), responsible)
				.execute();
		}
		if (form.flagId() != null) {
			try {
				flags.handle(form.flagId(), "隔离病例 " + record.getId() + " / isolation case opened", user);
			}
			catch (NotFoundException | ForbiddenException ex) {
				// a flag outside the scope answers like a missing one
				throw new ReferenceNotFoundException("flagId");
			}
		}
		events.publishEvent(new Events.IsolationStarted(record.getId(), person.id(), person.path(), start, end));
		return find(record.getId(), user.scope());
	}

	/** One open case per person and type: a second answers 409 naming the open one. */
	private void refuseSecondOpenCase(long personId, CaseType type) {
		IsolationCaseRecord open = db.selectFrom(ISOLATION_CASE)
			.where(ISOLATION_CASE.ACTIVE_PERSON_ID.eq(personId))
			.and(ISOLATION_CASE.CASE_TYPE.eq(type.name()))
			.fetchOne();
		if (open != null) {
			throw new DuplicateException(Messages.text("isolation.problem.duplicate", personId,
					Messages.text("isolation.type." + type), open.getId(), open.getStartDate()), open.getId(),
					Map.of("startDate", open.getStartDate()));
		}
	}

	/**
	 * Inserts the case in a savepoint: when another request opened the same case a moment
	 * ago, uq_isolation_case_active refuses this one and the transaction can still name
	 * that case (PostgreSQL aborts a transaction on an error, not a savepoint).
	 */
	private void storeOpenCase(IsolationCaseRecord record) {
		try {
			db.transaction(savepoint -> record.store());
		}
		catch (DuplicateKeyException ex) {
			refuseSecondOpenCase(record.getPersonId(), CaseType.valueOf(record.getCaseType()));
			throw ex;
		}
	}

	/**
	 * What opening a case needs beyond its form (CaseForm): a start not after tomorrow,
	 * the responsible cadres and the flag in the caller's scope.
	 */
	private void check(CaseForm form, CurrentUser user) {
		people.resolveAll("responsibleIds", form.responsibleIds(), user.scope());
		if (form.flagId() != null) {
			flags.resolve("flagId", form.flagId(), user.scope());
		}
		new FieldChecks()
			.require(form.startDate() == null || !form.startDate().isAfter(BusinessDay.today(clock).plusDays(1)),
					"startDate", "problem.field.future")
			.done();
	}

	/** Cases under a region, optionally of one status; newest first. */
	public PageResult<CaseView> list(RegionPath regionPath, CaseStatus status, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(ISOLATION_CASE.PATH);
		if (regionPath != null) {
			where = where.and(DataScope.under(ISOLATION_CASE.PATH, regionPath));
		}
		if (status != null) {
			where = where.and(ISOLATION_CASE.STATUS.eq(status.name()));
		}
		long total = db.fetchCount(ISOLATION_CASE, where);
		List<CaseView> items = views(
				select().where(where).orderBy(ISOLATION_CASE.ID.desc()).limit(size).offset((long) page * size).fetch());
		return new PageResult<>(items, total, page, size);
	}

	public CaseView find(long id, DataScope scope) {
		List<CaseView> found = views(select().where(ISOLATION_CASE.ID.eq(id)).fetch());
		if (found.isEmpty() || !scope.coversRegion(found.get(0).path())) {
			throw new NotFoundException(Messages.text("isolation.what.case", id));
		}
		return found.get(0);
	}

	/**
	 * Records the day's contact. It counts for the business day of its real time;
	 * symptoms restart the observation period from that day, and a failed contact on or
	 * after the last day keeps the case open one more day, so no case ends without a
	 * final contact that reached the person.
	 */
	@Transactional
	public long contact(long caseId, ContactForm form, CurrentUser user) {
		user.requirePeopleEditor();
		IsolationCaseRecord record = form.partyOrganisationId() == null ? writable(caseId, user)
				: members.writableThrough(caseId, form.partyOrganisationId(), user);
		if (!CaseStatus.valueOf(record.getStatus()).isOpen()) {
			throw new RuleViolationException(Messages.text("isolation.problem.case-ended", caseId));
		}
		if (form.channel() == null || form.reached() == null) {
			throw new InvalidInputException(form.channel() == null ? "channel" : "reached",
					Messages.text("problem.required"));
		}
		OffsetDateTime at = form.contactedAt() == null ? OffsetDateTime.now(clock) : form.contactedAt();
		if (at.isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
			throw new InvalidInputException("contactedAt", Messages.text("problem.field.future"));
		}
		LocalDate day = at.atZoneSameInstant(BusinessDay.ZONE).toLocalDate();
		if (day.isBefore(record.getStartDate())) {
			throw new InvalidInputException("contactedAt", Messages.text("isolation.problem.before-start"));
		}
		boolean symptoms = Boolean.TRUE.equals(form.symptoms());
		long id = db.insertInto(ISOLATION_CONTACT)
			.set(ISOLATION_CONTACT.CASE_ID, caseId)
			.set(ISOLATION_CONTACT.BUSINESS_DAY, day)
			.set(ISOLATION_CONTACT.CONTACTED_AT, at)
			.set(ISOLATION_CONTACT.CHANNEL, form.channel().name())
			.set(ISOLATION_CONTACT.REACHED, form.reached())
			.set(ISOLATION_CONTACT.TEMPERATURE, form.temperature())
			.set(ISOLATION_CONTACT.SYMPTOMS, symptoms)
			.set(ISOLATION_CONTACT.MOOD, Text.orNull(form.mood()))
			.set(ISOLATION_CONTACT.NOTE, Text.orNull(form.note()))
			.set(ISOLATION_CONTACT.MADE_BY, user.personId())
			.set(ISOLATION_CONTACT.PARTY_ORGANISATION_ID, form.partyOrganisationId())
			.set(ISOLATION_CONTACT.RECORDED_BY, user.username())
			.returning(ISOLATION_CONTACT.ID)
			.fetchOne(ISOLATION_CONTACT.ID);
		if (form.reached()) {
			reached(caseId, day);
		}
		LocalDate end = PeriodRules.endAfterContact(record.getEndDate(), day, form.reached(), symptoms,
				CaseType.valueOf(record.getCaseType()).defaultDays());
		if (end.isAfter(record.getEndDate())) {
			record.setEndDate(end);
			record.setStatus(CaseStatus.EXTENDED.name());
			record.store();
		}
		events.publishEvent(new Events.ContactMade(id, caseId, user.personId(), at, day, form.reached()));
		return id;
	}

	/**
	 * Keeps {@code last_reached_day} the latest business day a contact reached the
	 * person: a contact arriving late for an earlier day leaves it. One conditional
	 * update, so concurrent contacts of a case keep the latest whatever their order.
	 */
	private void reached(long caseId, LocalDate day) {
		db.update(ISOLATION_CASE)
			.set(ISOLATION_CASE.LAST_REACHED_DAY, day)
			.where(ISOLATION_CASE.ID.eq(caseId))
			.and(ISOLATION_CASE.LAST_REACHED_DAY.isNull().or(ISOLATION_CASE.LAST_REACHED_DAY.lt(day)))
			.execute();
	}

	/** The contacts recorded for a case, newest first. */
	public List<ContactView> contacts(long caseId, DataScope scope) {
		find(caseId, scope);
		return db.selectFrom(ISOLATION_CONTACT)
			.where(ISOLATION_CONTACT.CASE_ID.eq(caseId))
			.orderBy(ISOLATION_CONTACT.CONTACTED_AT.desc(), ISOLATION_CONTACT.ID.desc())
			.fetch(r -> new ContactView(r.getId(), r.getCaseId(), r.getBusinessDay(), r.getContactedAt(),
					Channel.valueOf(r.getChannel()), Boolean.TRUE.equals(r.getReached()), r.getTemperature(),
					Boolean.TRUE.equals(r.getSymptoms()), r.getMood(), r.getNote(), r.getRecordedBy()));
	}

	/**
	 * Active cases with no contact reaching the person on that business day, under a
	 * region.
	 */
	public PageResult<CaseView> overdue(RegionPath regionPath, LocalDate day, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = overdueCondition(regionPath, day, scope);
		long total = db.fetchCount(ISOLATION_CASE, where);
		// the page's ids from the index (path, id, status, last_reached_day, start_date,
		// end_date) alone, in its order, then their rows: on tables never analysed the
		// planner expects one row and sorts rather than reads in order, which read every
		// overdue case's row for a page of 50
		var ids = DSL.select(ISOLATION_CASE.ID)
			.from(ISOLATION_CASE)
			.where(where)
			.orderBy(ISOLATION_CASE.PATH, ISOLATION_CASE.ID)
			.limit(size)
			.offset((long) page * size);
		List<CaseView> items = views(
				select().where(ISOLATION_CASE.ID.in(ids)).orderBy(ISOLATION_CASE.PATH, ISOLATION_CASE.ID).fetch());
		return new PageResult<>(items, total, page, size);
	}

	/**
	 * How many cases under a region are overdue on a day, counted up to {@code bound} + 1
	 * (more than {@code bound} means at least that many): for the home page, which shows
	 * "1,000+" rather than counting a city's tens of thousands each time it opens.
	 */
	public long overdueUpTo(RegionPath regionPath, LocalDate day, int bound, DataScope scope) {
		return db.fetchCount(
				DSL.selectOne().from(ISOLATION_CASE).where(overdueCondition(regionPath, day, scope)).limit(bound + 1));
	}

	/**
	 * The daily contacts of the cases under a region from a business day on, newest
	 * first, with the case's person: what a community's contact list shows.
	 */
	public PageResult<ContactEntry> contactsUnder(RegionPath regionPath, LocalDate from, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(ISOLATION_CASE.PATH)
			.and(DataScope.under(ISOLATION_CASE.PATH, regionPath))
			.and(ISOLATION_CONTACT.BUSINESS_DAY.ge(from));
		long total = db.fetchCount(db.selectOne()
			.from(ISOLATION_CONTACT)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
			.where(where));
		var rows = db
			.select(ISOLATION_CONTACT.ID, ISOLATION_CONTACT.CASE_ID, ISOLATION_CASE.PERSON_ID, ISOLATION_CASE.PATH,
					ISOLATION_CONTACT.BUSINESS_DAY, ISOLATION_CONTACT.CONTACTED_AT, ISOLATION_CONTACT.CHANNEL,
					ISOLATION_CONTACT.REACHED, ISOLATION_CONTACT.TEMPERATURE, ISOLATION_CONTACT.SYMPTOMS,
					ISOLATION_CONTACT.MOOD, ISOLATION_CONTACT.NOTE, ISOLATION_CONTACT.MADE_BY,
					ISOLATION_CONTACT.RECORDED_BY)
			.from(ISOLATION_CONTACT)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
			.where(where)
			.orderBy(ISOLATION_CONTACT.CONTACTED_AT.desc(), ISOLATION_CONTACT.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		Map<Long, String> names = people.names(rows.stream().map(r -> r.value3()).collect(Collectors.toSet()));
		List<ContactEntry> items = rows.stream()
			.map(r -> new ContactEntry(r.value1(), r.value2(), r.value3(), names.get(r.value3()),
					RegionPath.of(r.value4()), r.value5(), r.value6(), Channel.valueOf(r.value7()), r.value8(),
					r.value9(), r.value10(), r.value11(), r.value12(), r.value13(), r.value14()))
			.toList();
		return new PageResult<>(items, total, page, size);
	}

	/** One daily contact with its case's person, as {@link #contactsUnder} lists it. */
	public record ContactEntry(long id, long caseId, long personId, String personName, RegionPath path,
			LocalDate businessDay, OffsetDateTime contactedAt, Channel channel, boolean reached,
			java.math.BigDecimal temperature, boolean symptoms, String mood, String note, Long madeBy,
			String recordedBy) {
	}

	/**
	 * The cases in isolation on a day under a region (active or extended, the day within
	 * their period): read from the same index as the overdue count.
	 */
	public long activeOn(RegionPath regionPath, LocalDate day, DataScope scope) {
		return db.fetchCount(ISOLATION_CASE,
				scope.regionCondition(ISOLATION_CASE.PATH)
					.and(DataScope.under(ISOLATION_CASE.PATH, regionPath))
					.and(ISOLATION_CASE.STATUS.in(CaseStatus.ACTIVE.name(), CaseStatus.EXTENDED.name()))
					.and(ISOLATION_CASE.START_DATE.le(day))
					.and(ISOLATION_CASE.END_DATE.ge(day)));
	}

	private static Condition overdueCondition(RegionPath regionPath, LocalDate day, DataScope scope) {
		return scope.regionCondition(ISOLATION_CASE.PATH)
			.and(DataScope.under(ISOLATION_CASE.PATH, regionPath))
			.and(ISOLATION_CASE.STATUS.in(CaseStatus.ACTIVE.name(), CaseStatus.EXTENDED.name()))
			.and(ISOLATION_CASE.START_DATE.le(day))
			.and(ISOLATION_CASE.END_DATE.ge(day))
			.and(notReachedOn(day));
	}

	/**
	 * No contact reached the person on the day, read from the case's
	 * {@code last_reached_day} (the latest day a contact reached the person): before the
	 * day (or never) is not reached, the day itself is reached. Only a case reached on a
	 * later day (the lists of past days; today's only for a contact timed a few minutes
	 * into tomorrow) needs the day's contacts. So today's count reads isolation_case
	 * alone; the NOT IN is written last in the OR and PostgreSQL builds its hash on its
	 * first use only.
	 */
	private static Condition notReachedOn(LocalDate day) {
		var last = ISOLATION_CASE.LAST_REACHED_DAY;
		return last.isNull().or(last.lt(day)).or(last.gt(day).and(ISOLATION_CASE.ID.notIn(reachedOn(day))));
	}

	/**
	 * The cases whose person a contact reached on the day. As {@code NOT IN} (case_id is
	 * not null) PostgreSQL never turns it into a join: it reads the day's contacts once
	 * from ix_isolation_contact_day into a hashed subplan, whatever the statistics. A NOT
	 * EXISTS was planned, on tables never analysed, as a nested loop filtering every
	 * contact of the day for each case (about a million rows removed for 1,500 cases),
	 * and a probe per case cost 116 ms for the city's 50,000 cases (docs/BENCHMARKS.md,
	 * "Issue 13"). It stays hashed while a day's contacts fit in hash memory (about 8 MB
	 * by default: some hundred thousand cases a day).
	 */
	private static org.jooq.Select<org.jooq.Record1<Long>> reachedOn(LocalDate day) {
		return DSL.select(ISOLATION_CONTACT.CASE_ID)
			.from(ISOLATION_CONTACT)
			.where(ISOLATION_CONTACT.BUSINESS_DAY.eq(day))
			.and(ISOLATION_CONTACT.REACHED.isTrue());
	}

	/**
	 * Shortening needs a reason and a county-level (or city) account: the cadres at the
	 * front may not.
	 */
	@Transactional
	public CaseView shorten(long caseId, LocalDate newEnd, String reason, CurrentUser user) {
		IsolationCaseRecord record = writable(caseId, user);
		boolean higherLevel = user.mayEditNetwork() && user.scope()
			.regions()
			.stream()
			.anyMatch(r -> r.depth() <= 2 && RegionPath.of(record.getPath()).isWithin(r));
		if (!higherLevel) {
			throw new ForbiddenException(Messages.text("isolation.problem.shorten-forbidden"));
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", Messages.text("isolation.problem.shorten-reason"));
		}
		if (newEnd == null || newEnd.isBefore(record.getStartDate()) || !newEnd.isBefore(record.getEndDate())) {
			throw new InvalidInputException("endDate", Messages.text("isolation.problem.shorten-end"));
		}
		record.setEndDate(newEnd);
		record.setEndNote("shortened by " + user.username() + ": " + reason.strip());
		record.store();
		return find(caseId, user.scope());
	}

	/**
	 * Ends a case: released at the end of its period after a final check that reached the
	 * person; earlier, or to hospital, or lost to follow-up, only with a reason.
	 */
	@Transactional
	public CaseView end(long caseId, CaseStatus outcome, String note, CurrentUser user) {
		user.requirePeopleEditor();
		IsolationCaseRecord record = writable(caseId, user);
		if (!CaseStatus.valueOf(record.getStatus()).isOpen()) {
			throw new RuleViolationException(Messages.text("isolation.problem.already-ended", caseId));
		}
		if (outcome == null || outcome.isOpen()) {
			throw new InvalidInputException("outcome", Messages.text("isolation.problem.outcome"));
		}
		LocalDate today = BusinessDay.today(clock);
		boolean early = outcome != CaseStatus.RELEASED || today.isBefore(record.getEndDate());
		if (early && (note == null || note.isBlank())) {
			throw new InvalidInputException("note", Messages.text("isolation.problem.end-note"));
		}
		if (outcome == CaseStatus.RELEASED && !early && !reachedOn(caseId, today)) {
			throw new RuleViolationException(Messages.text("isolation.problem.final-check"));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		record.setStatus(outcome.name());
		record.setActivePersonId(null);
		record.setEndedAt(now);
		if (note != null && !note.isBlank()) {
			record.setEndNote(note.strip());
		}
		record.store();
		events.publishEvent(new Events.IsolationEnded(caseId, record.getPersonId(), outcome, now));
		return find(caseId, user.scope());
	}

	private boolean reachedOn(long caseId, LocalDate day) {
		return db.fetchExists(ISOLATION_CONTACT,
				ISOLATION_CONTACT.CASE_ID.eq(caseId)
					.and(ISOLATION_CONTACT.BUSINESS_DAY.eq(day))
					.and(ISOLATION_CONTACT.REACHED.isTrue()));
	}

	IsolationCaseRecord writable(long caseId, CurrentUser user) {
		IsolationCaseRecord record = db.fetchOne(ISOLATION_CASE, ISOLATION_CASE.ID.eq(caseId));
		if (record == null) {
			throw new NotFoundException(Messages.text("isolation.what.case", caseId));
		}
		if (!user.scope().coversRegion(RegionPath.of(record.getPath()))) {
			throw new ForbiddenException(Messages.text("isolation.problem.case-outside-scope", caseId));

		}
		return record;
	}

	/** Cases matching a condition, newest first (for the party organisation's view). */
	List<CaseView> where(Condition condition) {
		return views(select().where(condition).orderBy(ISOLATION_CASE.ID.desc()).fetch());
	}

	private org.jooq.SelectJoinStep<Record> select() {
		return db.select(ISOLATION_CASE.fields()).from(ISOLATION_CASE);
	}

	private List<CaseView> views(List<Record> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> responsible = new HashMap<>();
		// one probe of the responsible key per case, whatever the statistics
		cn.huoxian.shared.bulk.KeyProbes
			.rows(db, rows.stream().map(r -> r.get(ISOLATION_CASE.ID)).toList(),
					id -> DSL.selectFrom(ISOLATION_RESPONSIBLE).where(ISOLATION_RESPONSIBLE.CASE_ID.eq(id)))
			.forEach(r -> responsible.computeIfAbsent(r.getCaseId(), k -> new ArrayList<>()).add(r.getPersonId()));
		Map<Long, String> names = people
			.names(rows.stream().map(r -> r.get(ISOLATION_CASE.PERSON_ID)).collect(Collectors.toSet()));
		return rows.stream()
			.map(r -> new CaseView(r.get(ISOLATION_CASE.ID), r.get(ISOLATION_CASE.PERSON_ID),
					names.get(r.get(ISOLATION_CASE.PERSON_ID)), RegionPath.of(r.get(ISOLATION_CASE.PATH)),
					CaseType.valueOf(r.get(ISOLATION_CASE.CASE_TYPE)), CaseReason.valueOf(r.get(ISOLATION_CASE.REASON)),
					r.get(ISOLATION_CASE.FLAG_ID), r.get(ISOLATION_CASE.START_DATE), r.get(ISOLATION_CASE.END_DATE),
					r.get(ISOLATION_CASE.PLANNED_END), r.get(ISOLATION_CASE.PLACE), r.get(ISOLATION_CASE.CONTACT_TIME),
					CaseStatus.valueOf(r.get(ISOLATION_CASE.STATUS)),
					responsible.getOrDefault(r.get(ISOLATION_CASE.ID), List.of())))
			.toList();
	}

}
