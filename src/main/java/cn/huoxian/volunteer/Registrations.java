package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.VOLUNTEER_REGISTRATION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import cn.huoxian.db.tables.records.VolunteerRegistrationRecord;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An in-service party member's registration (报到) with the community where they live,
 * valid six months; re-registering renews it (and moves it to where they live now). Done
 * by the member on their phone, or by the region staff over where the member lives.
 */
@Service
public class Registrations {

	/** How long a registration holds before the member registers again. */
	static final Period VALID = Period.ofMonths(6);

	/** A registration this close to its end asks the member to register again. */
	static final Period DUE = Period.ofDays(30);

	private final DSLContext db;

	private final People people;

	private final PartyOrganisations organisations;

	private final Units units;

	private final Communities communities;

	private final Clock clock;

	Registrations(DSLContext db, People people, PartyOrganisations organisations, Units units, Communities communities,
			Clock clock) {
		this.db = db;
		this.people = people;
		this.organisations = organisations;
		this.units = units;
		this.communities = communities;
		this.clock = clock;
	}

	public record RegistrationView(long id, long personId, String personName, @Nullable Long unitId,
			@Nullable String unitName, String communityCode, String communityName, RegionPath communityPath,
			LocalDate registeredOn, LocalDate expiresOn, boolean active, boolean due) {
	}

	/**
	 * Registers a party member (the caller's own person when {@code personId} is null)
	 * with the community where they live, or renews their registration.
	 */
	@Transactional
	public RegistrationView register(@Nullable Long personId, CurrentUser user) {
		return registerAsOf(personId, user, BusinessDay.today(clock));
	}

	/**
	 * A registration as made on an earlier day (the demo's history), valid six months
	 * from then.
	 */
	@Transactional
	public RegistrationView registerAsOf(@Nullable Long personId, CurrentUser user, LocalDate today) {
		PersonView person = member(personId, user);
		if (!person.holds(RoleKind.PARTY_MEMBER)) {
			throw new RuleViolationException(Messages.text("volunteer.problem.not-party-member", person.name()));
		}
		RegionView community = communities.ofResidence(person.path())
			.orElseThrow(
					() -> new RuleViolationException(Messages.text("volunteer.problem.no-community", person.name())));
		Long unit = unitOf(person);
		db.insertInto(VOLUNTEER_REGISTRATION, VOLUNTEER_REGISTRATION.PERSON_ID, VOLUNTEER_REGISTRATION.UNIT_ID,
				VOLUNTEER_REGISTRATION.COMMUNITY_ID, VOLUNTEER_REGISTRATION.COMMUNITY_PATH,
				VOLUNTEER_REGISTRATION.REGISTERED_ON, VOLUNTEER_REGISTRATION.EXPIRES_ON,
				VOLUNTEER_REGISTRATION.REGISTERED_BY)
			.values(person.id(), unit, community.id(), community.path().value(), today, today.plus(VALID),
					user.username())
			.onConflict(VOLUNTEER_REGISTRATION.PERSON_ID)
			.doUpdate()
			.set(VOLUNTEER_REGISTRATION.UNIT_ID, unit)
			.set(VOLUNTEER_REGISTRATION.COMMUNITY_ID, community.id())
			.set(VOLUNTEER_REGISTRATION.COMMUNITY_PATH, community.path().value())
			.set(VOLUNTEER_REGISTRATION.REGISTERED_ON, today)
			.set(VOLUNTEER_REGISTRATION.EXPIRES_ON, today.plus(VALID))
			.set(VOLUNTEER_REGISTRATION.REGISTERED_BY, user.username())
			.execute();
		return view(db.fetchOne(VOLUNTEER_REGISTRATION, VOLUNTEER_REGISTRATION.PERSON_ID.eq(person.id())),
				BusinessDay.today(clock));
	}

	/**
	 * The person registered: the caller's own, or one in the caller's scope they may
	 * edit.
	 */
	private PersonView member(@Nullable Long personId, CurrentUser user) {
		Long self = user.scope().selfPersonId();
		if (personId == null || personId.equals(self)) {
			if (self == null || !user.actsAs(self)) {
				throw new InvalidInputException("personId", Messages.text("problem.required"));
			}
			return people.fetch(self)
				.orElseThrow(() -> new InvalidInputException("personId", Messages.text("problem.required")));
		}
		PersonView person = people.resolve("personId", personId, user.scope());
		user.requireMayWriteIn(person.path(), person.name());
		return person;
	}

	/**
	 * The unit the member's service goes back to: their party organisation's unit, else
	 * their cadre post's unit; none for a party member of a village branch.
	 */
	private Long unitOf(PersonView person) {
		for (PersonRoleView role : person.roleDetails()) {
			if (role.role() == RoleKind.PARTY_MEMBER && role.partyOrganisationId() != null) {
				Long unit = organisations.fetch(role.partyOrganisationId())
					.map(PartyOrganisationView::unitId)
					.orElse(null);
				if (unit != null) {
					return unit;
				}
			}
		}
		return person.roleDetails()
			.stream()
			.filter(r -> r.role() == RoleKind.CADRE && r.unitId() != null)
			.map(PersonRoleView::unitId)
			.findFirst()
			.orElse(null);
	}

	/** The caller's own registration, if any (active or lapsed). */
	@Transactional(readOnly = true)
	public Optional<RegistrationView> mine(CurrentUser user) {
		Long self = user.scope().selfPersonId();
		if (self == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(db.fetchOne(VOLUNTEER_REGISTRATION, VOLUNTEER_REGISTRATION.PERSON_ID.eq(self)))
			.map(r -> view(r, BusinessDay.today(clock)));
	}

	/** The person's registration in force today, if any. */
	Optional<VolunteerRegistrationRecord> active(long personId) {
		LocalDate today = BusinessDay.today(clock);
		return Optional.ofNullable(db.fetchOne(VOLUNTEER_REGISTRATION,
				VOLUNTEER_REGISTRATION.PERSON_ID.eq(personId).and(VOLUNTEER_REGISTRATION.EXPIRES_ON.gt(today))));
	}

	RegistrationView view(VolunteerRegistrationRecord r, LocalDate today) {
		RegionPath community = RegionPath.of(r.getCommunityPath());
		String unitName = r.getUnitId() == null ? null
				: units.names(java.util.List.of(r.getUnitId())).get(r.getUnitId());
		String name = people.names(java.util.List.of(r.getPersonId())).getOrDefault(r.getPersonId(), "");
		boolean active = r.getExpiresOn().isAfter(today);
		return new RegistrationView(r.getId(), r.getPersonId(), name, r.getUnitId(), unitName, community.code(),
				communities.name(community), community, r.getRegisteredOn(), r.getExpiresOn(), active,
				active && !r.getExpiresOn().isAfter(today.plus(DUE)));
	}

}
