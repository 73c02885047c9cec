package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.TEMPORARY_ORGANISATION_MEMBER;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.TemporaryOrganisationMember;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.PartyOrganisations.Temporaries;
import cn.huoxian.org.TemporaryCategory;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
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
 * with at most one secretary. The organisations themselves are org's
 * ({@link PartyOrganisations#temporaryUnder}); this module keeps their members.
 */
@Service
public class TemporaryOrganisations {

	private static final TemporaryOrganisationMember SECRETARY = TEMPORARY_ORGANISATION_MEMBER.as("secretary");

	private static final Field<String> SECRETARY_NAME = People.nameOf(SECRETARY.PERSON_ID).as("secretary_name");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final Units units;

	private final Forms forms;

	TemporaryOrganisations(DSLContext db, VanguardChecks rules, Units units, Forms forms) {
		this.db = db;
		this.rules = rules;
		this.units = units;
		this.forms = forms;
	}

	/**
	 * Temporary organisations under a region (default: the user's first root); with
	 * {@code active} true only those set up by today and not dissolved by today, with
	 * false only the others.
	 */
	public PageResult<TemporaryOrganisationView> list(String regionCode, Boolean active, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Temporaries rows = PartyOrganisations.temporaryUnder(rules.listPath(regionCode, scope));
		Condition where = scope.regionCondition(rows.path());
		if (active != null) {
			Condition on = activeOn(rows, rules.today());
			where = where.and(active ? on : DSL.not(on));
		}
		long total = db.fetchCount(rows.table(), where);
		List<TemporaryOrganisationView> items = select(rows).where(where)
			.orderBy(rows.path(), rows.id())
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> view(rows, r, null));
		return new PageResult<>(items, total, page, size);
	}

	/** One temporary organisation with its members, or 404 outside the scope. */
	public TemporaryOrganisationView find(long id, DataScope scope) {
		Temporaries one = PartyOrganisations.temporary(id);
		Record row = select(one).fetchOne();
		if (row == null || !scope.coversRegion(RegionPath.of(row.get(one.path())))) {
			throw new NotFoundException(Messages.text("frontline.what.temporary-organisation", id));
		}
		var rows = db
			.select(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID, People.nameOf(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID),
					TEMPORARY_ORGANISATION_MEMBER.SECRETARY, TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID,
					TEMPORARY_ORGANISATION_MEMBER.JOINED_ON)
			.from(TEMPORARY_ORGANISATION_MEMBER)
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
		return view(one, row, members);
	}

	/**
	 * Adds a party member; a second secretary is refused unless the first is replaced
	 * explicitly.
	 */
	@Transactional
	public TemporaryOrganisationView addMember(long organisationId, TemporaryMemberForm form, CurrentUser user) {
		PartyOrganisationView org = writable(organisationId, user);
		PersonView person = rules.partyMember("personId", form.personId(), user.scope());
		forms.check(form);
		LocalDate joined = rules.orToday(form.joinedOn());
		if (org.setUpOn() != null && joined.isBefore(org.setUpOn())) {
			throw new InvalidInputException("joinedOn",
					Messages.text("frontline.temporary.before-set-up", org.setUpOn()));
		}
		if (form.fromUnitId() != null) {
			rules.unit("fromUnitId", form.fromUnitId(), user.scope());
		}
		if (org.dissolvedOn() != null && !org.dissolvedOn().isAfter(rules.today())) {
			throw new RuleViolationException(
					Messages.text("frontline.temporary.dissolved", org.name(), org.dissolvedOn()));
		}
		if (db.fetchExists(TEMPORARY_ORGANISATION_MEMBER,
				TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId)
					.and(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID.eq(person.id())))) {
			throw new RuleViolationException(
					Messages.text("frontline.temporary.already-member", person.name(), org.name()));
		}
		boolean secretary = Boolean.TRUE.equals(form.secretary());
		if (secretary) {
			var current = db
				.select(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID, People.nameOf(TEMPORARY_ORGANISATION_MEMBER.PERSON_ID))
				.from(TEMPORARY_ORGANISATION_MEMBER)
				.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(organisationId)
					.and(TEMPORARY_ORGANISATION_MEMBER.SECRETARY.isTrue()))
				.fetch();
			if (!current.isEmpty()) {
				if (!Boolean.TRUE.equals(form.replaceSecretary())) {
					// the current secretary is named only to a caller who may read them
					boolean named = rules.readable(current.get(0).value1(), user.scope());
					throw new RuleViolationException(named
							? Messages.text("frontline.temporary.secretary-taken-by", org.name(),
									current.get(0).value2())
							: Messages.text("frontline.temporary.secretary-taken", org.name()));
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
			.set(TEMPORARY_ORGANISATION_MEMBER.PATH, org.path().value())
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

	/**
	 * A temporary organisation the user may write to: 404 when unknown, 403 outside the
	 * scope.
	 */
	private PartyOrganisationView writable(long id, CurrentUser user) {
		PartyOrganisationView org = rules.anyOrganisation(id)
			.filter(PartyOrganisationView::temporary)
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.temporary-organisation", id)));
		user.requireMayWriteIn(org.path(), Messages.text("frontline.what.temporary-organisation", id));
		return org;
	}

	static Condition activeOn(Temporaries rows, LocalDate day) {
		return rows.setUpOn().le(day).and(rows.dissolvedOn().isNull().or(rows.dissolvedOn().gt(day)));
	}

	/**
	 * The organisations with their secretary, member count and units, in one statement.
	 */
	private org.jooq.SelectOnConditionStep<? extends Record> select(Temporaries rows) {
		return db
			.select(rows.id(), rows.code(), rows.name(), rows.category(), rows.post(), rows.regionCode(), rows.path(),
					rows.setUpOn(), rows.dissolvedOn(), SECRETARY.PERSON_ID, SECRETARY_NAME, members(rows), units(rows))
			.from(rows.table())
			.leftJoin(SECRETARY)
			.on(SECRETARY.PARTY_ORGANISATION_ID.eq(rows.id()).and(SECRETARY.SECRETARY.isTrue()));
	}

	private static Field<Integer> members(Temporaries rows) {
		return DSL
			.field(DSL.selectCount()
				.from(TEMPORARY_ORGANISATION_MEMBER)
				.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(rows.id())))
			.as("member_count");
	}

	private static Field<Integer> units(Temporaries rows) {
		return DSL
			.field(DSL.select(DSL.countDistinct(TEMPORARY_ORGANISATION_MEMBER.FROM_UNIT_ID))
				.from(TEMPORARY_ORGANISATION_MEMBER)
				.where(TEMPORARY_ORGANISATION_MEMBER.PARTY_ORGANISATION_ID.eq(rows.id())))
			.as("unit_count");
	}

	private TemporaryOrganisationView view(Temporaries rows, Record r,
			List<TemporaryOrganisationView.TemporaryMember> members) {
		String category = r.get(rows.category());
		LocalDate setUp = r.get(rows.setUpOn());
		LocalDate dissolved = r.get(rows.dissolvedOn());
		LocalDate today = rules.today();
		boolean active = setUp != null && !setUp.isAfter(today) && (dissolved == null || dissolved.isAfter(today));
		return new TemporaryOrganisationView(r.get(rows.id()), r.get(rows.code()), r.get(rows.name()),
				category == null ? null : TemporaryCategory.valueOf(category), r.get(rows.post()),
				r.get(rows.regionCode()), RegionPath.of(r.get(rows.path())), setUp, dissolved, active,
				r.get(SECRETARY.PERSON_ID), r.get(SECRETARY_NAME), r.get("member_count", Integer.class),
				r.get("unit_count", Integer.class), members);
	}

}
