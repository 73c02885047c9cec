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
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
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
	 * Persons the scope covers, optionally under a region and matching a name prefix
	 * (ordered by name, path and id), an exact ID number or an exact phone number. Always
	 * masked. The total is bounded ({@link PageResult#bounded}): a common surname in a
	 * county says "more than 1,000" instead of counting thousands of rows.
	 */
	public PageResult<PersonView> search(String regionCode, String query, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		Condition where = visible(scope);
		if (regionCode != null && !regionCode.isBlank()) {
			// find answers only a region the scope covers, and everyone under it is
			// visible: the region alone is the condition, which the (name, path) index
			// answers without reading the table (the scope's OR of paths and persons
			// needs each row's id)
			where = cn.huoxian.shared.DataScope.under(PERSON.PATH, regions.find(regionCode, scope).path());
		}
		Condition matching = where;
		Condition counted = where;
		boolean byName = false;
		if (query != null && !query.isBlank()) {
			String q = query.strip();
			boolean byId = ID_LIKE.matcher(q).matches();
			boolean byPhone = !byId && Phones.isValid(q);
			byName = !byId && !byPhone;
			String prefix = q.replace("%", "").replace("_", "");
			// inlined (jOOQ escapes it) for the same reason as DataScope.under: an index
			// range needs the prefix
			Condition condition = byName ? PERSON.NAME.like(DSL.inline(prefix + "%"))
					: byId ? PERSON.ID_NUMBER.eq(q.toUpperCase()) : PERSON.PHONE.eq(q);
			matching = where.and(condition);
			// one character of the basic plane: a character to both databases' left()
			counted = where.and(byName && prefix.length() == 1 ? surname(prefix) : condition);
		}
		// a name search reads the (name, path) index in order; ordering by id would walk
		// the whole table
		List<Field<?>> order = byName ? List.of(PERSON.NAME, PERSON.PATH, PERSON.ID) : List.of(PERSON.ID);
		Condition count = counted;
		return PageResult.bounded(pageWithRoles(matching, order, page, size), page, size,
				limit -> db.fetchCount(DSL.selectOne().from(PERSON).where(count).limit(limit)));
	}

	/**
	 * A one-character name search (a surname) counted as names whose first character it
	 * is, the same persons: PostgreSQL's (surname, path) index (V40) answers that as one
	 * range of the region's entries, where the (name, path) index walks every name the
	 * surname begins across the city.
	 */
	private static Condition surname(String surname) {
		return DSL.left(PERSON.NAME, DSL.inline(1)).eq(DSL.inline(surname));
	}

	/**
	 * One page of persons with their roles, masked, in one statement: the page is a
	 * derived table, its roles are joined to it.
	 */
	private List<PersonView> pageWithRoles(Condition where, List<Field<?>> order, int page, int size) {
		Table<PersonRecord> rows = db.selectFrom(PERSON)
			.where(where)
			.orderBy(order)
			.limit(size)
			.offset((long) page * size)
			.asTable("page_row");
		List<SortField<?>> inPage = new ArrayList<>(order.stream().map(f -> rows.field(f).asc()).toList());
		inPage.add(PERSON_ROLE.ID.asc());
		Map<Long, PersonRecord> persons = new java.util.LinkedHashMap<>();
		List<PersonRoleRecord> roles = new ArrayList<>();
		db.select(rows.fields())
			.select(PERSON_ROLE.fields())
			.from(rows)
			.leftJoin(PERSON_ROLE)
			.on(PERSON_ROLE.PERSON_ID.eq(rows.field(PERSON.ID)))
			.orderBy(inPage)
			.forEach(r -> {
				PersonRecord person = r.into(rows);
				persons.putIfAbsent(person.getId(), person);
				if (r.get(PERSON_ROLE.ID) != null) {
					roles.add(r.into(PERSON_ROLE));
				}
			});
		return views(List.copyOf(persons.values()), personRoles.byPerson(roles), false);
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
			throw new ForbiddenException(Messages.text("people.problem.reveal-forbidden", user.role().label()));
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
		count(placement, form, +1);
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
		form = unchangedWhereMasked(form, person);
		Placement old = new Placement(person.getHouseholdId(), person.getRegionId(), RegionPath.of(person.getPath()));
		Placement placement = validate(form, id, before.roleDetails(), user);
		count(old, before.holds(RoleKind.PARTY_MEMBER), before.holds(RoleKind.CADRE), -1);
		fill(person, form, placement);
		person.store();
		personRoles.replace(id, form.rolesOrEmpty());
		count(placement, form, +1);
		return fetch(id).orElseThrow();
	}

	private record Placement(Long householdId, long regionId, RegionPath path) {
	}

	/**
	 * The edit form shows the ID number and phone masked (seeing them whole is a reveal,
	 * with its reason and audit entry); sent back masked they mean "unchanged".
	 */
	private static PersonForm unchangedWhereMasked(PersonForm form, PersonRecord person) {
		String idNumber = form.idNumber();
		if (idNumber != null && person.getIdNumber() != null
				&& idNumber.strip().equals(IdNumber.mask(person.getIdNumber()))) {
			idNumber = person.getIdNumber();
		}
		String phone = form.phone();
		if (phone != null && person.getPhone() != null && phone.strip().equals(Phones.mask(person.getPhone()))) {
			phone = person.getPhone();
		}
		return new PersonForm(form.name(), idNumber, phone, form.householdId(), form.regionCode(), form.roles());
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
		person.setPath(placement.path().value());
	}

	private void count(Placement placement, PersonForm form, int sign) {
		count(placement, holds(form, RoleKind.PARTY_MEMBER), holds(form, RoleKind.CADRE), sign);
	}

	private void count(Placement placement, boolean partyMember, boolean cadre, int sign) {
		int pm = partyMember ? sign : 0;
		int cadres = cadre ? sign : 0;
		if (placement.householdId() != null) {
			households.adjustResidents(placement.householdId(), placement.path(), sign, pm, cadres);
		}
		else {
			regions.peopleAdded(placement.path(), 0, pm, cadres);
		}
	}

	private static boolean holds(PersonForm form, RoleKind role) {
		return form.rolesOrEmpty().stream().anyMatch(r -> r.role() == role);
	}

	private PersonRecord visibleRecord(long id, DataScope scope) {
		PersonRecord person = db.fetchOne(PERSON, PERSON.ID.eq(id));
		if (person == null || !visible(scope, person)) {
			throw new NotFoundException(Messages.text("people.what.person", id));
		}
		return person;
	}

	private boolean visible(DataScope scope, PersonRecord person) {
		if (scope.coversRegion(RegionPath.of(person.getPath())) || person.getId().equals(scope.selfPersonId())) {
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
		return views(rows, personRoles.forPersons(rows.stream().map(PersonRecord::getId).toList()), unmasked);
	}

	/**
	 * The views of persons whose roles are read. A person's region is the last region of
	 * their path: every write sets both from one placement, so no query for its code.
	 */
	private static List<PersonView> views(List<PersonRecord> rows, Map<Long, List<PersonRoleView>> roles,
			boolean unmasked) {
		return rows.stream().map(p -> {
			List<PersonRoleView> details = roles.getOrDefault(p.getId(), List.of());
			RegionPath path = RegionPath.of(p.getPath());
			return new PersonView(p.getId(), p.getName(), unmasked ? p.getIdNumber() : IdNumber.mask(p.getIdNumber()),
					p.getBirthDate(), p.getSex(), unmasked ? p.getPhone() : Phones.mask(p.getPhone()),
					p.getHouseholdId(), path.code(), path, details.stream().map(PersonRoleView::role).toList(), details,
					!unmasked);
		}).toList();
	}

	/**
	 * Which of these ID numbers (upper case, as stored) are registered, in one query: for
	 * an import reporting a second upload row by row.
	 */
	public java.util.Set<String> registeredIdNumbers(java.util.Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return java.util.Set.of();
		}
		return db.select(PERSON.ID_NUMBER)
			.from(PERSON)
			.where(PERSON.ID_NUMBER.in(idNumbers))
			.fetch(PERSON.ID_NUMBER)
			.stream()
			.map(String::strip)
			.collect(Collectors.toSet());
	}

	/**
	 * The residents of the households under a region path, ordered as
	 * {@link Households#streamUnder} orders their households (path, household id), then
	 * by id; ID numbers and phones masked. Read lazily with this fetch size, for exports
	 * in constant memory; unscoped (the caller found the region in its scope). Close the
	 * stream, inside a transaction for PostgreSQL to stream.
	 */
	public java.util.stream.Stream<ResidentLine> residentsUnder(RegionPath path, int fetchSize) {
		var roles = DSL
			.field(DSL.select(DSL.listAgg(PERSON_ROLE.ROLE, ",").withinGroupOrderBy(PERSON_ROLE.ROLE))
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID)))
			.as("roles");
		return db
			.select(PERSON.HOUSEHOLD_ID, PERSON.NAME, PERSON.ID_NUMBER, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.PHONE,
					roles)
			.from(PERSON)
			.where(PERSON.HOUSEHOLD_ID.isNotNull())
			.and(cn.huoxian.shared.DataScope.under(PERSON.PATH, path))
			.orderBy(PERSON.PATH, PERSON.HOUSEHOLD_ID, PERSON.ID)
			.fetchSize(fetchSize)
			.fetchStream()
			.map(r -> new ResidentLine(r.get(PERSON.HOUSEHOLD_ID), r.get(PERSON.NAME),
					IdNumber.mask(r.get(PERSON.ID_NUMBER) == null ? null : r.get(PERSON.ID_NUMBER).strip()),
					r.get(PERSON.SEX) == null ? null : r.get(PERSON.SEX).strip(), r.get(PERSON.BIRTH_DATE),
					Phones.mask(r.get(PERSON.PHONE)), roleKinds(r.get(roles))));
	}

	private static List<RoleKind> roleKinds(String codes) {
		if (codes == null || codes.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(codes.split(",")).map(c -> RoleKind.valueOf(c.strip())).toList();
	}

	/**
	 * Starts registering persons in bulk (an import) for a user who may edit people: see
	 * {@link Registration}.
	 */
	public Registration registration(CurrentUser user) {
		user.requirePeopleEditor();
		return new Registration(user);
	}

	/**
	 * One bulk registration, in the caller's transaction: {@link #register} each list of
	 * persons, then {@link #finish} once. Counters of households and regions are added
	 * once per household and per region at the end, not per person or per list.
	 */
	public final class Registration {

		private final CurrentUser user;

		private final LocalDate today = BusinessDay.today(clock);

		private final Map<Long, HouseholdView> householdsById = new java.util.HashMap<>();

		private final Map<String, Optional<RegionView>> regionsByCode = new java.util.HashMap<>();

		private final java.util.Set<String> idNumbers = new java.util.HashSet<>();

		/**
		 * Party organisations already resolved in scope: checked once, not per person.
		 */
		private final List<PersonRoleView> verified = new ArrayList<>();

		private final Map<Long, Integer> householdResidents = new java.util.HashMap<>();

		private final Map<RegionPath, long[]> regionCounts = new java.util.LinkedHashMap<>();

		private Registration(CurrentUser user) {
			this.user = user;
		}

		/**
		 * Registers these persons with {@link #create}'s rules (placement in scope, a
		 * valid and unregistered ID number, a valid phone, the roles' facts) in one
		 * multi-row insert, then their roles in another. Problems name
		 * {@code persons[i].field}; then nothing of this list is written.
		 */
		public void register(List<PersonForm> forms) {
			loadHouseholds(forms);
			java.util.Set<String> registered = registeredIdNumbers(forms.stream()
				.map(PersonForm::idNumber)
				.filter(id -> id != null && IdNumber.isValid(id, today))
				.map(String::toUpperCase)
				.toList());
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			List<Placement> placements = new ArrayList<>();
			for (int i = 0; i < forms.size(); i++) {
				placements.add(checked(forms.get(i), "persons[" + i + "].", registered, problems));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			if (forms.isEmpty()) {
				return;
			}
			insert(forms, placements);
		}

		private void loadHouseholds(List<PersonForm> forms) {
			List<Long> ids = forms.stream()
				.map(PersonForm::householdId)
				.filter(id -> id != null && !householdsById.containsKey(id))
				.distinct()
				.toList();
			householdsById.putAll(households.fetchAll(ids));
		}

		private Placement checked(PersonForm form, String at, java.util.Set<String> registered,
				List<InvalidInputException.FieldProblem> problems) {
			int before = problems.size();
			Placement placement = placement(form, at, problems);
			if (form.name() == null || form.name().isBlank()) {
				problems.add(new InvalidInputException.FieldProblem(at + "name", Messages.text("problem.required")));
			}
			Optional<String> idProblem = IdNumber.problem(form.idNumber(), today);
			if (idProblem.isPresent()) {
				problems.add(new InvalidInputException.FieldProblem(at + "idNumber", idProblem.get()));
			}
			else if (registered.contains(form.idNumber().toUpperCase())
					|| idNumbers.contains(form.idNumber().toUpperCase())) {
				problems.add(new InvalidInputException.FieldProblem(at + "idNumber",
						Messages.text("people.problem.id-number-registered")));
			}
			if (form.phone() != null && !form.phone().isBlank() && !Phones.isValid(form.phone())) {
				problems
					.add(new InvalidInputException.FieldProblem(at + "phone", Messages.text("people.problem.phone")));
			}
			roleProblems(form, at, problems);
			if (problems.size() == before) {
				idNumbers.add(form.idNumber().toUpperCase());
			}
			return placement;
		}

		private void roleProblems(PersonForm form, String at, List<InvalidInputException.FieldProblem> problems) {
			try {
				personRoles.problems(form.rolesOrEmpty(), user.scope(), verified, today)
					.forEach(p -> problems.add(new InvalidInputException.FieldProblem(at + p.field(), p.reason())));
			}
			catch (ReferenceNotFoundException ex) {
				problems.add(new InvalidInputException.FieldProblem(at + ex.field(),
						Messages.text("problem.referenceNotFound")));
				return;
			}
			form.rolesOrEmpty()
				.stream()
				.filter(r -> r != null && r.partyOrganisationId() != null)
				.forEach(r -> verified.add(new PersonRoleView(RoleKind.PARTY_MEMBER, null, null, null,
						r.partyOrganisationId(), null, null, null, null, null, null)));
		}

		private Placement placement(PersonForm form, String at, List<InvalidInputException.FieldProblem> problems) {
			boolean inRegion = form.regionCode() != null && !form.regionCode().isBlank();
			if ((form.householdId() == null) == !inRegion) {
				problems.add(new InvalidInputException.FieldProblem(at + "householdId",
						Messages.text("people.problem.placement")));
				return null;
			}
			if (form.householdId() != null) {
				HouseholdView household = householdsById.get(form.householdId());
				RegionView grid = household == null || !user.scope().coversRegion(household.path()) ? null
						: region(household.regionCode());
				if (grid == null) {
					problems.add(new InvalidInputException.FieldProblem(at + "householdId",
							Messages.text("problem.referenceNotFound")));
					return null;
				}
				return new Placement(household.id(), grid.id(), household.path());
			}
			RegionView region = region(form.regionCode().strip());
			if (region == null || !user.scope().coversRegion(region.path())) {
				problems.add(new InvalidInputException.FieldProblem(at + "regionCode",
						Messages.text("problem.referenceNotFound")));
				return null;
			}
			return new Placement(null, region.id(), region.path());
		}

		private RegionView region(String code) {
			return regionsByCode.computeIfAbsent(code, regions::byCode).orElse(null);
		}

		private void insert(List<PersonForm> forms, List<Placement> placements) {
			var insert = db.insertInto(PERSON, PERSON.NAME, PERSON.ID_NUMBER, PERSON.BIRTH_DATE, PERSON.SEX,
					PERSON.PHONE, PERSON.HOUSEHOLD_ID, PERSON.REGION_ID, PERSON.PATH);
			for (int i = 0; i < forms.size(); i++) {
				PersonForm form = forms.get(i);
				Placement placement = placements.get(i);
				IdNumber id = new IdNumber(form.idNumber());
				insert = insert.values(form.name().strip(), id.value(), id.birthDate(), String.valueOf(id.sex()),
						form.phone() == null || form.phone().isBlank() ? null : form.phone().strip(),
						placement.householdId(), placement.regionId(), placement.path().value());
				count(placement, holds(form, RoleKind.PARTY_MEMBER), holds(form, RoleKind.CADRE));
			}
			insert.execute();
			insertRoles(forms);
		}

		/** One query for the new persons' ids, one multi-row insert for their roles. */
		private void insertRoles(List<PersonForm> forms) {
			List<PersonForm> withRoles = forms.stream().filter(f -> !f.rolesOrEmpty().isEmpty()).toList();
			if (withRoles.isEmpty()) {
				return;
			}
			Map<String, Long> ids = new java.util.HashMap<>();
			db.select(PERSON.ID, PERSON.ID_NUMBER)
				.from(PERSON)
				.where(PERSON.ID_NUMBER.in(withRoles.stream().map(f -> new IdNumber(f.idNumber()).value()).toList()))
				.forEach(r -> ids.put(r.get(PERSON.ID_NUMBER).strip(), r.get(PERSON.ID)));
			Map<Long, List<PersonRoleView>> roles = new java.util.LinkedHashMap<>();
			withRoles.forEach(f -> roles.put(ids.get(new IdNumber(f.idNumber()).value()), f.rolesOrEmpty()));
			personRoles.insertAll(roles);
		}

		/**
		 * As {@link People#count}: residents only in households, party members and cadres
		 * everywhere.
		 */
		private void count(Placement placement, boolean partyMember, boolean cadre) {
			long[] counts = regionCounts.computeIfAbsent(placement.path(), k -> new long[3]);
			if (cadre) {
				counts[2]++;
			}
			if (placement.householdId() != null) {
				householdResidents.merge(placement.householdId(), 1, Integer::sum);
				counts[0]++;
			}
			if (partyMember) {
				counts[1]++;
			}
		}

		/**
		 * Adds the registered persons to their households' counters and their regions'
		 * (and every region above), once each.
		 */
		public void finish() {
			// an import: fresh statistics once it is large (it may double a new city)
			cn.huoxian.shared.bulk.Statistics.refreshAfter(db,
					regionCounts.values().stream().mapToLong(c -> c[0]).sum(), PERSON, PERSON_ROLE);
			households.residentsAdded(householdResidents);
			regionCounts.forEach((path, counts) -> regions.peopleAdded(path, counts[0], counts[1], counts[2]));
			householdResidents.clear();
			regionCounts.clear();
		}

	}

	/**
	 * The ID numbers of up to {@code size} persons picked by random id (ids are dense),
	 * so each benchmark iteration looks up a different one; one query per pick.
	 */
	public List<String> sampleIdNumbers(java.util.Random random, int size) {
		var range = db.select(DSL.min(PERSON.ID), DSL.max(PERSON.ID)).from(PERSON).fetchOne();
		List<String> numbers = new ArrayList<>();
		if (range == null || range.value1() == null) {
			return numbers;
		}
		long min = range.value1();
		long max = range.value2();
		for (int tries = 0; numbers.size() < size && tries < size * 10; tries++) {
			long id = min + (long) (random.nextDouble() * (max - min + 1));
			db.select(PERSON.ID_NUMBER)
				.from(PERSON)
				.where(PERSON.ID.eq(id))
				.fetchOptional(PERSON.ID_NUMBER)
				.ifPresent(numbers::add);
		}
		return numbers;
	}

	/**
	 * How many cadres of a rank each unit has, in one grouped query: for benchmarks
	 * choosing a county with many.
	 */
	public Map<Long, Integer> cadresByUnit(CadreRank rank) {
		var cadres = DSL.count();
		return db.select(PERSON_ROLE.UNIT_ID, cadres)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.RANK.eq(rank.name()))
			.and(PERSON_ROLE.UNIT_ID.isNotNull())
			.groupBy(PERSON_ROLE.UNIT_ID)
			.fetchMap(PERSON_ROLE.UNIT_ID, cadres);
	}

	/**
	 * The cadres of these units (a checkpoint's staffing departments), in id order: the
	 * pool a duty roster draws on. Unscoped: the caller resolved the units in scope.
	 */
	public List<Long> cadresOfUnits(java.util.Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return db.selectDistinct(PERSON_ROLE.PERSON_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.ROLE.eq("CADRE"), PERSON_ROLE.UNIT_ID.in(unitIds))
			.orderBy(PERSON_ROLE.PERSON_ID)
			.fetch(PERSON_ROLE.PERSON_ID);
	}

	/** True when the person is a cadre of one of these units. */
	public boolean isCadreOfAny(long personId, java.util.Collection<Long> unitIds) {
		return !unitIds.isEmpty() && db.fetchExists(PERSON_ROLE,
				PERSON_ROLE.PERSON_ID.eq(personId)
					.and(PERSON_ROLE.ROLE.eq("CADRE"))
					.and(PERSON_ROLE.UNIT_ID.in(unitIds)));
	}

	/**
	 * Names of persons by id (unscoped: for ids other modules' own rows already hold,
	 * whose scope the caller has checked). One query.
	 */
	public Map<Long, String> names(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new java.util.HashMap<>();
		}
		return db.select(PERSON.ID, PERSON.NAME).from(PERSON).where(PERSON.ID.in(ids)).fetchMap(PERSON.ID, PERSON.NAME);
	}

	/**
	 * The ids of a party organisation's members: its party members, and the cadres of the
	 * units whose organisation it is; a subquery other modules can filter by.
	 */
	public static org.jooq.Select<org.jooq.Record1<Long>> membersOf(long organisationId) {
		Condition member = PERSON_ROLE.ROLE.eq("PARTY_MEMBER")
			.and(PERSON_ROLE.PARTY_ORGANISATION_ID.eq(organisationId));
		Condition cadre = PERSON_ROLE.ROLE.eq("CADRE")
			.and(PERSON_ROLE.UNIT_ID.in(cn.huoxian.org.Units.idsOfOrganisation(organisationId)));
		return DSL.select(PERSON_ROLE.PERSON_ID).from(PERSON_ROLE).where(member.or(cadre));
	}

	/**
	 * The residents of households by household id: person id to name, per household
	 * (unscoped: for households the caller has checked). One query.
	 */
	public Map<Long, Map<Long, String>> residentNames(java.util.Collection<Long> householdIds) {
		Map<Long, Map<Long, String>> residents = new java.util.HashMap<>();
		// one probe of the household index per household, whatever the statistics
		cn.huoxian.shared.bulk.KeyProbes
			.rows(db, householdIds,
					household -> DSL.select(PERSON.ID, PERSON.HOUSEHOLD_ID, PERSON.NAME)
						.from(PERSON)
						.where(PERSON.HOUSEHOLD_ID.eq(household)))
			.forEach(r -> residents.computeIfAbsent(r.value2(), k -> new java.util.HashMap<>())
				.put(r.value1(), r.value3()));
		return residents;
	}

	/**
	 * The households of persons registered as returned on or after a day, as a subquery
	 * other modules can filter by.
	 */
	public static org.jooq.Select<org.jooq.Record1<Long>> householdsOfReturnees(LocalDate since) {
		return DSL.select(PERSON.HOUSEHOLD_ID)
			.from(cn.huoxian.db.Tables.PERSON_RETURN)
			.join(PERSON)
			.on(PERSON.ID.eq(cn.huoxian.db.Tables.PERSON_RETURN.PERSON_ID))
			.where(cn.huoxian.db.Tables.PERSON_RETURN.RETURNED_ON.ge(since));
	}

	/** The name of the person a field holds the id of, as a scalar subquery. */
	public static org.jooq.Field<String> nameOf(org.jooq.Field<Long> personId) {
		return DSL.field(DSL.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(personId)));
	}

	/**
	 * The region (id) a person belongs to, of the person a field holds the id of, as a
	 * scalar subquery.
	 */
	public static org.jooq.Field<Long> regionOf(org.jooq.Field<Long> personId) {
		return DSL.field(DSL.select(PERSON.REGION_ID).from(PERSON).where(PERSON.ID.eq(personId)));
	}

	/**
	 * The unit of the cadre role of the person a field holds the id of, as a scalar
	 * subquery.
	 */
	public static org.jooq.Field<Long> cadreUnitOf(org.jooq.Field<Long> personId) {
		return DSL.field(DSL.select(PERSON_ROLE.UNIT_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId))
			.and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())));
	}

	/**
	 * Cadres living under a region path, of these ranks (all when empty), with their
	 * rank, name, path, position and unit, as a derived table other modules select from
	 * in one statement.
	 */
	public static Cadres cadresUnder(RegionPath path, java.util.Collection<CadreRank> ranks) {
		Condition where = PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name()).and(DataScope.under(PERSON.PATH, path));
		if (!ranks.isEmpty()) {
			where = where.and(PERSON_ROLE.RANK.in(ranks.stream().map(Enum::name).toList()));
		}
		org.jooq.Table<?> table = DSL
			.select(PERSON.ID.as("person_id"), PERSON_ROLE.RANK.as("cadre_rank"), PERSON.NAME.as("person_name"),
					PERSON.PATH.as("person_path"), PERSON_ROLE.POSITION.as("cadre_position"),
					PERSON_ROLE.UNIT_ID.as("cadre_unit_id"))
			.from(PERSON_ROLE)
			.join(PERSON)
			.on(PERSON.ID.eq(PERSON_ROLE.PERSON_ID))
			.where(where)
			.asTable("cadre_under");
		return new Cadres(table, table.field("person_id", Long.class), table.field("cadre_rank", String.class),
				table.field("person_name", String.class), table.field("person_path", String.class),
				table.field("cadre_position", String.class), table.field("cadre_unit_id", Long.class));
	}

	/** The columns of {@link #cadresUnder}. */
	public record Cadres(org.jooq.Table<?> table, org.jooq.Field<Long> personId, org.jooq.Field<String> rank,
			org.jooq.Field<String> name, org.jooq.Field<String> path, org.jooq.Field<String> position,
			org.jooq.Field<Long> unitId) {
	}

	/** The person's cadre role (rank, position, unit), if any; unscoped. */
	public Optional<PersonRoleView> cadreRole(long personId) {
		return db.selectFrom(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())))
			.fetchOptional(
					r -> new PersonRoleView(RoleKind.CADRE, r.getRank() == null ? null : CadreRank.valueOf(r.getRank()),
							r.getPosition(), r.getUnitId(), null, null, null, null, null, null, null));
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
	 * Locks these persons' rows until the transaction ends, in id order, in one statement
	 * (writers that move the same people wait here for each other); unscoped.
	 */
	public void lockAll(java.util.Collection<Long> ids) {
		if (!ids.isEmpty()) {
			db.select(PERSON.ID).from(PERSON).where(PERSON.ID.in(ids)).orderBy(PERSON.ID).forUpdate().fetch();
		}
	}

	/**
	 * Party members living under a path within the scope's regions, by name then id, at
	 * most {@code limit}; masked.
	 */
	public List<PersonView> partyMembersUnder(RegionPath path, DataScope scope, int limit) {
		return views(db.selectFrom(PERSON)
			.where(scope.regionCondition(PERSON.PATH).and(DataScope.under(PERSON.PATH, path)))
			.andExists(DSL.selectOne()
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name()))))
			.orderBy(PERSON.NAME, PERSON.ID)
			.limit(limit)
			.fetch(), false);
	}

	/** A unit's in-service party member: id, name, where they live. */
	public record InServiceMember(long id, String name, RegionPath path) {
	}

	/**
	 * A unit's in-service party members (双报到): the party members of its party
	 * organisation and its cadres who are party members, by name then id, at most
	 * {@code limit}; unscoped (the caller resolved the unit).
	 */
	public List<InServiceMember> inServiceMembers(long unitId, @jakarta.annotation.Nullable Long organisationId,
			int limit) {
		// driven from the roles' unit and organisation indexes: a few hundred rows, not
		// the
		// whole person table
		var cadre = PERSON_ROLE.as("cadre");
		var member = PERSON_ROLE.as("member");
		org.jooq.Select<org.jooq.Record1<Long>> ids = DSL.select(cadre.PERSON_ID)
			.from(cadre)
			.where(cadre.ROLE.eq(RoleKind.CADRE.name()), cadre.UNIT_ID.eq(unitId))
			.andExists(DSL.selectOne()
				.from(member)
				.where(member.PERSON_ID.eq(cadre.PERSON_ID), member.ROLE.eq(RoleKind.PARTY_MEMBER.name())));
		if (organisationId != null) {
			ids = DSL.select(PERSON_ROLE.PERSON_ID)
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name()),
						PERSON_ROLE.PARTY_ORGANISATION_ID.eq(organisationId))
				.union(ids);
		}
		return db.select(PERSON.ID, PERSON.NAME, PERSON.PATH)
			.from(PERSON)
			.where(PERSON.ID.in(ids))
			.orderBy(PERSON.NAME, PERSON.ID)
			.limit(limit)
			.fetch(r -> new InServiceMember(r.value1(), r.value2(), RegionPath.of(r.value3())));
	}

	/** How many persons are registered: for benchmarks sizing a load. */
	public long count() {
		return db.fetchCount(PERSON);
	}

	/**
	 * The persons whose id is a multiple of {@code n}, as (id, path), as a subquery other
	 * modules select from: for benchmarks spreading a load over the city.
	 */
	public static org.jooq.Select<org.jooq.Record2<Long, String>> everyNth(long n) {
		return DSL.select(PERSON.ID.as("id"), PERSON.PATH.as("path"))
			.from(PERSON)
			.where(PERSON.ID.mod(DSL.inline(n)).eq(DSL.inline(0L)));
	}

}
