package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.TEMPORARY_ORGANISATION_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.db.tables.TemporaryOrganisationMember;
import cn.huoxian.db.tables.records.PartyOrganisationRecord;
import cn.huoxian.org.TemporaryCategory;
import cn.huoxian.org.Units;
import cn.huoxian.people.PersonView;
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
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of temporary party organisations at key posts: drawn from several units,
 * with at most one secretary.
 */
@Service
public class TemporaryOrganisations {

	private static final TemporaryOrganisationMember SECRETARY = TEMPORARY_ORGANISATION_MEMBER.as("secretary");

	private static final Field<Integer> MEMBERS = DSL
		.field(DSL.selectCount()
			.from(TEMPORARY_ORGANISATION_MEMBER)
			.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(PARTY_ORGANISATION.ID)))
		.as("member_count");

	private static final Field<Integer> UNITS = DSL
		.field(DSL.select(DSL.countDistinct(TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID))
			.from(TEMPORARY_ORGANISATION_MEMBER)
			.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(PARTY_ORGANISATION.ID)))
		.as("unit_count");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final Units units;

	TemporaryOrganisations(DSLContext db, VanguardChecks rules, Units units) {
		this.db = db;
		this.rules = rules;
		this.units = units;
	}

	/**
	 * Temporary organisations under a region (default: the user's first root); with
	 * {@code active} true only those set up by today and not dissolved by today, with
	 * false only the others.
	 */
	public PageResult<TemporaryOrganisationView> list(String regionCode, Boolean active, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		String path = rules.listPath(regionCode, scope);
		Condition where = PARTY_ORGANISATION.TEMPORARY.isTrue()
			.and(scope.regionCondition(PARTY_ORGANISATION.PATH))
			.and(DataScope.under(PARTY_ORGANISATION.PATH, path));
		if (active != null) {
			Condition on = activeOn(rules.today());
			where = where.and(active ? on : DSL.not(on));
		}
		long total = db.fetchCount(PARTY_ORGANISATION, where);
		List<TemporaryOrganisationView> items = select().where(where)
			.orderBy(PARTY_ORGANISATION.PATH, PARTY_ORGANISATION.ID)
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> view(r, null));
		return new PageResult<>(items, total, page, size);
	}

	/** One temporary organisation with its members, or 404 outside the scope. */
	public TemporaryOrganisationView find(long id, DataScope scope) {
		Record row = select().where(PARTY_ORGANISATION.ID.eq(id).and(PARTY_ORGANISATION.TEMPORARY.isTrue())).fetchOne();
		if (row == null || !scope.coversRegion(row.get(PARTY_ORGANISATION.PATH))) {
			throw new NotFoundException(Messages.text("frontline.what.temporary-organisation", id));
		}
		var rows = db
			.select(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID, PERSON.NAME, TEMPORARY_ORGANISATION_MEMBER.SECRETARY,
					TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID, TEMPORARY_ORGANISATION_MEMBER.JOINED_ON)
			.from(TEMPORARY_ORGANISATION_MEMBER)
			.join(PERSON)
			.on(PERSON.ID.eq(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID))
			.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(id))
			.orderBy(TEMPORARY_ORGANISATION_MEMBER.SECRETARY.desc(), TEMPORARY_ORGANISATION_MEMBER.JOINED_ON,
					TEMPORARY_ORGANISATION_MEMBER.PERSON_ID)
			.fetch();
		// the units members come from, in one lookup
		java.util.Map<Long, String> unitNames = units.names(rows.stream()
			.map(r -> r.value4())
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet()));
		List<TemporaryOrganisationView.TemporaryMember> members = rows
			.map(r -> new TemporaryOrganisationView.TemporaryMember(r.value1(), r.value2(),
					Boolean.TRUE.equals(r.value3()), r.value4(), r.value4() == null ? null : unitNames.get(r.value4()),
					r.value5()));
		return view(row, members);
	}

	/**
	 * Adds a party member; a second secretary is refused unless the first is replaced
	 * explicitly.
	 */
	@Transactional
	public TemporaryOrganisationView addMember(long organisationId, TemporaryMemberForm form, CurrentUser user) {
		PartyOrganisationRecord org = writable(organisationId, user);
		PersonView person = rules.partyMember("personId", form.personId(), user.scope());
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate joined = rules.dateOrToday("joinedOn", form.joinedOn(), problems);
		if (org.getSetUpOn() != null && joined.isBefore(org.getSetUpOn())) {
			problems.add(
					new FieldProblem("joinedOn", Messages.text("frontline.temporary.before-set-up", org.getSetUpOn())));
		}
		if (form.fromUnitId() != null) {
			rules.unit("fromUnitId", form.fromUnitId(), user.scope());
		}
		VanguardChecks.check(problems);
		if (org.getDissolvedOn() != null && !org.getDissolvedOn().isAfter(rules.today())) {
			throw new RuleViolationException(
					Messages.text("frontline.temporary.dissolved", org.getName(), org.getDissolvedOn()));
		}
		if (db.fetchExists(TEMPORARY_ORGANISATION_MEMBER,
				TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId)
					.and(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID.eq(person.id())))) {
			throw new RuleViolationException(
					Messages.text("frontline.temporary.already-member", person.name(), org.getName()));
		}
		boolean secretary = Boolean.TRUE.equals(form.secretary());
		if (secretary) {
			var current = db.select(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID, PERSON.NAME)
				.from(TEMPORARY_ORGANISATION_MEMBER)
				.join(PERSON)
				.on(PERSON.ID.eq(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID))
				.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId)
					.and(TEMPORARY_ORGANISATION_MEMBER.SECRETARY.isTrue()))
				.fetch();
			if (!current.isEmpty()) {
				if (!Boolean.TRUE.equals(form.replaceSecretary())) {
					// the current secretary is named only to a caller who may read them
					boolean named = rules.readable(current.get(0).value1(), user.scope());
					throw new RuleViolationException(named
							? Messages.text("frontline.temporary.secretary-taken-by", org.getName(),
									current.get(0).value2())
							: Messages.text("frontline.temporary.secretary-taken", org.getName()));
				}
				db.update(TEMPORARY_ORGANISATION_MEMBER)
					.set(TEMPORARY_ORGANISATION_MEMBER.SECRETARY, false)
					.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId))
					.execute();
			}
		}
		Long fromUnit = form.fromUnitId() != null ? form.fromUnitId() : rules.cadreUnit(person.id());
		db.insertInto(TEMPORARY_ORGANISATION_MEMBER)
			.set(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID, organisationId)
			.set(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID, person.id())
			.set(TEMPORARY_ORGANISATION_MEMBER.PATH, org.getPath())
			.set(TEMPORARY_ORGANISATION_MEMBER.SECRETARY, secretary)
			.set(TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID, fromUnit)
			.set(TEMPORARY_ORGANISATION_MEMBER.JOINED_ON, joined)
			.execute();
		return find(organisationId, user.scope());
	}

	/** Removes a member (404 when the person is not one). */
	@Transactional
	public TemporaryOrganisationView removeMember(long organisationId, long personId, CurrentUser user) {
		writable(organisationId, user);
		int removed = db.deleteFrom(TEMPORARY_ORGANISATION_MEMBER)
			.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId)
				.and(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID.eq(personId)))
			.execute();
		if (removed == 0) {
			throw new ReferenceNotFoundException("personId");
		}
		return find(organisationId, user.scope());
	}

	private PartyOrganisationRecord writable(long id, CurrentUser user) {
		PartyOrganisationRecord org = db.fetchOne(PARTY_ORGANISATION,
				PARTY_ORGANISATION.ID.eq(id).and(PARTY_ORGANISATION.TEMPORARY.isTrue()));
		if (org == null) {
			throw new NotFoundException(Messages.text("frontline.what.temporary-organisation", id));
		}
		user.requireMayWriteIn(org.getPath(), Messages.text("frontline.what.temporary-organisation", id));
		return org;
	}

	static Condition activeOn(LocalDate day) {
		return PARTY_ORGANISATION.SET_UP_ON.le(day)
			.and(PARTY_ORGANISATION.DISSOLVED_ON.isNull().or(PARTY_ORGANISATION.DISSOLVED_ON.gt(day)));
	}

	private org.jooq.SelectOnConditionStep<? extends Record> select() {
		return db
			.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.CODE, PARTY_ORGANISATION.NAME,
					PARTY_ORGANISATION.CATEGORY, PARTY_ORGANISATION.POST, REGION.CODE, PARTY_ORGANISATION.PATH,
					PARTY_ORGANISATION.SET_UP_ON, PARTY_ORGANISATION.DISSOLVED_ON, SECRETARY.PERSON_ID, PERSON.NAME,
					MEMBERS, UNITS)
			.from(PARTY_ORGANISATION)
			.join(REGION)
			.on(REGION.ID.eq(PARTY_ORGANISATION.REGION_ID))
			.leftJoin(SECRETARY)
			.on(SECRETARY.PARTY_ORGANISATION_ID.eq(PARTY_ORGANISATION.ID).and(SECRETARY.SECRETARY.isTrue()))
			.leftJoin(PERSON)
			.on(PERSON.ID.eq(SECRETARY.PERSON_ID));
	}

	private TemporaryOrganisationView view(Record r, List<TemporaryOrganisationView.TemporaryMember> members) {
		String category = r.get(PARTY_ORGANISATION.CATEGORY);
		LocalDate setUp = r.get(PARTY_ORGANISATION.SET_UP_ON);
		LocalDate dissolved = r.get(PARTY_ORGANISATION.DISSOLVED_ON);
		LocalDate today = rules.today();
		boolean active = setUp != null && !setUp.isAfter(today) && (dissolved == null || dissolved.isAfter(today));
		return new TemporaryOrganisationView(r.get(PARTY_ORGANISATION.ID), r.get(PARTY_ORGANISATION.CODE),
				r.get(PARTY_ORGANISATION.NAME), category == null ? null : TemporaryCategory.valueOf(category),
				r.get(PARTY_ORGANISATION.POST), r.get(REGION.CODE), r.get(PARTY_ORGANISATION.PATH), setUp, dissolved,
				active, r.get(SECRETARY.PERSON_ID), r.get(PERSON.NAME), r.get(MEMBERS), r.get(UNITS), members);
	}

}
