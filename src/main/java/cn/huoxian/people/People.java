package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.PersonRecord;
import cn.huoxian.db.tables.records.PersonRoleRecord;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.Phones;
import cn.huoxian.shared.ReferenceNotFoundException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons and their roles: scoped search, validated registration, masking and audited
 * reveal.
 */
@Service
public class People {

	private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");

	private final DSLContext db;

	private final Regions regions;

	private final Households households;

	private final PersonRoles personRoles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	People(DSLContext db, Regions regions, Households households, PersonRoles personRoles,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.regions = regions;
		this.households = households;
		this.personRoles = personRoles;
		this.events = events;
	}

	/**
	 * Persons the scope covers, optionally under a region and matching a name prefix or
	 * an exact ID number; ordered by id. Always masked.
	 */
	public PageResult<PersonView> search(String regionCode, String query, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = visible(scope);
		if (regionCode != null && !regionCode.isBlank()) {
			where = where.and(cn.huoxian.shared.DataScope.under(PERSON.PATH, regions.find(regionCode, scope).path()));
		}
		boolean byName = false;
		if (query != null && !query.isBlank()) {
			String q = query.strip();
			byName = !ID_LIKE.matcher(q).matches();
			// inlined (jOOQ escapes it) for the same reason as DataScope.under: an index
			// range needs the prefix
			where = where.and(byName ? PERSON.NAME.like(DSL.inline(q.replace("%", "").replace("_", "") + "%"))
					: PERSON.ID_NUMBER.eq(q.toUpperCase()));
		}
		long total = db.fetchCount(PERSON, where);
		// a name search reads the (name, path) index in order; ordering by id would walk
		// the whole table
		List<PersonRecord> rows = db.selectFrom(PERSON)
			.where(where)
			.orderBy(byName ? List.of(PERSON.NAME, PERSON.PATH, PERSON.ID) : List.of(PERSON.ID))
			.limit(size)
			.offset((long) page * size)
			.fetch();
		return new PageResult<>(views(rows, false), total, page, size);
	}

	/** The residents registered in a household the scope covers, masked. */
	public List<PersonView> residents(long householdId, DataScope scope) {
		households.find(householdId, scope);
		return views(db.selectFrom(PERSON).where(PERSON.HOUSEHOLD_ID.eq(householdId)).orderBy(PERSON.ID).fetch(),
				false);
	}

	/** A person the scope covers, masked, or 404. */
	public PersonView find(long id, DataScope scope) {
		return views(List.of(visibleRecord(id, scope)), false).get(0);
	}

	/**
	 * The person a request field names, masked, resolved through the caller's scope: one
	 * the caller cannot read answers exactly like a missing one (404 naming the field, no
	 * name). Every module resolves the persons in its request bodies here.
	 */
	public PersonView resolve(String field, Long id, DataScope scope) {
		if (id == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		if (person == null || !visible(scope, person)) {
			throw new ReferenceNotFoundException(field);
		}
		return views(List.of(person), false).get(0);
	}

	/**
	 * As {@link #resolve}, for a list of persons; {@code field[i]} names the one at
	 * fault.
	 */
	public List<PersonView> resolveAll(String field, List<Long> ids, DataScope scope) {
		List<PersonView> persons = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			persons.add(resolve(field + "[" + i + "]", ids.get(i), scope));
		}
		return persons;
	}

	/** True when the caller may read this person (for messages that would name them). */
	public boolean readable(long id, DataScope scope) {
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		return person != null && visible(scope, person);
	}

	/** Unscoped, masked lookup for other modules that check scope themselves. */
	public Optional<PersonView> fetch(long id) {
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		return person == null ? Optional.empty() : Optional.of(views(List.of(person), false).get(0));
	}

	/**
	 * The unmasked person, for a role that may see it, with the reason written to the
	 * audit log.
	 */
	@Transactional
	public PersonView reveal(long id, String reason, CurrentUser user) {
		PersonRecord person = visibleRecord(id, user.scope());
		if (!user.mayReveal()) {
			throw new ForbiddenException(
					Messages.text("people.problem.reveal-forbidden", Messages.text("role." + user.role())));
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException("reason", Messages.text("people.problem.reveal-reason"));
		}
		events.publishEvent(new SensitiveFieldRevealed(user.username(), id, person.getName(), reason.strip()));
		return views(List.of(person), true).get(0);
	}

	@Transactional
	public PersonView create(PersonForm form, CurrentUser user) {
		user.requirePeopleEditor();
		Placement placement = validate(form, null, List.of(), user);
		PersonRecord person = db.newRecord(PERSON);
		fill(person, form, placement);
		person.store();
		personRoles.replace(person.getId(), form.rolesOrEmpty());
		count(placement, hasPartyRole(form), +1);
		return fetch(person.getId()).orElseThrow();
	}

	@Transactional
	public PersonView update(long id, PersonForm form, CurrentUser user) {
		user.requirePeopleEditor();
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		if (person == null) {
			throw new NotFoundException(Messages.text("people.what.person", id));
		}
		if (!visible(user.scope(), person)) {
			throw new ForbiddenException(Messages.text("people.problem.outside-scope", id));
		}
		PersonView before = fetch(id).orElseThrow();
		Placement old = new Placement(person.getHouseholdId(), person.getRegionId(), person.getPath());
		Placement placement = validate(form, id, before.roleDetails(), user);
		count(old, before.holds(RoleKind.PARTY_MEMBER), -1);
		fill(person, form, placement);
		person.store();
		personRoles.replace(id, form.rolesOrEmpty());
		count(placement, hasPartyRole(form), +1);
		return fetch(id).orElseThrow();
	}

	private record Placement(Long householdId, long regionId, String path) {
	}

	private Placement validate(PersonForm form, Long existingId, List<PersonRoleView> held, CurrentUser user) {
		// scope first: a write outside the user's subtree is refused whatever else is
		// wrong with it
		Placement placement = placementInScope(form, user);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocalDate today = BusinessDay.today(clock);
		IdNumber.problem(form.idNumber(), today)
			.ifPresent(p -> problems.add(new InvalidInputException.FieldProblem("idNumber", p)));
		if (problems.isEmpty()) {
			Long holder = db.select(PERSON.ID)
				.from(PERSON)
				.where(PERSON.ID_NUMBER.eq(form.idNumber().toUpperCase()))
				.fetchOne(PERSON.ID);
			if (holder != null && !holder.equals(existingId)) {
				problems.add(new InvalidInputException.FieldProblem("idNumber",
						Messages.text("people.problem.id-number-registered")));
			}
		}
		if (form.phone() != null && !form.phone().isBlank() && !Phones.isValid(form.phone())) {
			problems.add(new InvalidInputException.FieldProblem("phone", Messages.text("people.problem.phone")));
		}
		problems.addAll(personRoles.problems(form.rolesOrEmpty(), user.scope(), held, today));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return placement;
	}

	private Placement placementInScope(PersonForm form, CurrentUser user) {
		if ((form.householdId() == null) == (form.regionCode() == null || form.regionCode().isBlank())) {
			throw new InvalidInputException("householdId", Messages.text("people.problem.placement"));

		}
		if (form.householdId() != null) {
			HouseholdView household = households.resolve("householdId", form.householdId(), user.scope());
			RegionView grid = regions.byCode(household.regionCode()).orElseThrow();
			return new Placement(household.id(), grid.id(), household.path());
		}
		RegionView region = regions.resolve("regionCode", form.regionCode(), user.scope());
		return new Placement(null, region.id(), region.path());
	}

	private void fill(PersonRecord person, PersonForm form, Placement placement) {
		IdNumber idNumber = new IdNumber(form.idNumber());
		person.setName(form.name().strip());
		person.setIdNumber(idNumber.value());
		person.setBirthDate(idNumber.birthDate());
		person.setSex(String.valueOf(idNumber.sex()));
		person.setPhone(form.phone() == null || form.phone().isBlank() ? null : form.phone().strip());
		person.setHouseholdId(placement.householdId());
		person.setRegionId(placement.regionId());
		person.setPath(placement.path());
	}

	private void count(Placement placement, boolean partyMember, int sign) {
		int pm = partyMember ? sign : 0;
		if (placement.householdId() != null) {
			households.adjustResidents(placement.householdId(), placement.path(), sign, pm);
		}
		else {
			regions.adjustCounts(placement.path(), 0, 0, pm);
		}
	}

	private static boolean hasPartyRole(PersonForm form) {
		return form.rolesOrEmpty().stream().anyMatch(r -> r.role() == RoleKind.PARTY_MEMBER);
	}

	private PersonRecord visibleRecord(long id, DataScope scope) {
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		if (person == null || !visible(scope, person)) {
			throw new NotFoundException(Messages.text("people.what.person", id));
		}
		return person;
	}

	private boolean visible(DataScope scope, PersonRecord person) {
		if (scope.coversRegion(person.getPath()) || person.getId().equals(scope.selfPersonId())) {
			return true;
		}
		return (!scope.unitIds().isEmpty() || !scope.organisationPaths().isEmpty())
				&& db.fetchExists(db.selectOne().from(PERSON).where(PERSON.ID.eq(person.getId()).and(visible(scope))));
	}

	/**
	 * The scope as a condition on PERSON: region subtree, unit roles, party organisation
	 * subtree, or self.
	 */
	static Condition visible(DataScope scope) {
		List<Condition> any = new ArrayList<>();
		any.add(scope.regionCondition(PERSON.PATH));
		if (!scope.unitIds().isEmpty()) {
			any.add(DSL.exists(DSL.selectOne()
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID))
				.and(PERSON_ROLE.UNIT_ID.in(scope.unitIds()).or(PERSON_ROLE.DISPATCHING_UNIT_ID.in(scope.unitIds())))));
		}
		if (!scope.organisationPaths().isEmpty()) {
			any.add(DSL.exists(DSL.selectOne()
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID))
				.and(PERSON_ROLE.PARTY_ORGANISATION_ID.in(PartyOrganisations.idsWithin(scope)))));
		}
		if (scope.selfPersonId() != null) {
			any.add(PERSON.ID.eq(scope.selfPersonId()));
		}
		return DSL.or(any);
	}

	private List<PersonView> views(List<PersonRecord> rows, boolean unmasked) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(PersonRecord::getId).toList();
		Map<Long, List<PersonRoleView>> roles = personRoles.forPersons(ids);
		Map<Long, String> regionCodes = regions
			.codes(rows.stream().map(PersonRecord::getRegionId).collect(Collectors.toSet()));
		return rows.stream().map(p -> {
			List<PersonRoleView> details = roles.getOrDefault(p.getId(), List.of());
			return new PersonView(p.getId(), p.getName(), unmasked ? p.getIdNumber() : IdNumber.mask(p.getIdNumber()),
					p.getBirthDate(), p.getSex(), unmasked ? p.getPhone() : Phones.mask(p.getPhone()),
					p.getHouseholdId(), regionCodes.get(p.getRegionId()), p.getPath(),
					details.stream().map(PersonRoleView::role).toList(), details, !unmasked);
		}).toList();
	}

	/** The names of persons by id (unscoped: for ids other modules already hold). */
	public Map<Long, String> names(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new java.util.HashMap<>();
		}
		return db.select(PERSON.ID, PERSON.NAME).from(PERSON).where(PERSON.ID.in(ids)).fetchMap(PERSON.ID, PERSON.NAME);
	}

	/**
	 * Locks the person's row until the transaction ends (writers that count something per
	 * person wait here for each other) and returns the masked person; unscoped.
	 */
	public Optional<PersonView> lock(long id) {
		PersonRecord person = db.selectFrom(PERSON).where(PERSON.ID.eq(id)).forUpdate().fetchOne();
		return person == null ? Optional.empty() : Optional.of(views(List.of(person), false).get(0));
	}

	/**
	 * Party members living under a path within the scope's regions, by name then id, at
	 * most {@code limit}; masked.
	 */
	public List<PersonView> partyMembersUnder(String path, DataScope scope, int limit) {
		return views(db.selectFrom(PERSON)
			.where(scope.regionCondition(PERSON.PATH).and(DataScope.under(PERSON.PATH, path)))
			.andExists(DSL.selectOne()
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name()))))
			.orderBy(PERSON.NAME, PERSON.ID)
			.limit(limit)
			.fetch(), false);
	}

}
