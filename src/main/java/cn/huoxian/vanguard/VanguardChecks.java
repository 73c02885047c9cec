package cn.huoxian.vanguard;

import java.time.Clock;
import java.time.LocalDate;

import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import org.springframework.stereotype.Component;

/**
 * The checks the party-members-at-the-front services share: party members, dates not in
 * the future, text sizes, regions by code.
 */
@Component
class VanguardChecks {

	private final RoleChecks roles;

	private final People people;

	private final Regions regions;

	private final Clock clock;

	private final PartyOrganisations organisations;

	private final Units units;

	VanguardChecks(RoleChecks roles, People people, Regions regions, PartyOrganisations organisations, Units units,
			Clock clock) {
		this.organisations = organisations;
		this.units = units;
		this.roles = roles;
		this.people = people;
		this.regions = regions;
		this.clock = clock;
	}

	LocalDate today() {
		return BusinessDay.today(clock);
	}

	/**
	 * The person, resolved through the caller's scope, who must be a party member; a
	 * field error otherwise.
	 */
	PersonView partyMember(String field, Long personId, DataScope scope) {
		return requirePartyMember(field, person(field, personId, scope));
	}

	/** The person, resolved through the caller's scope (404 naming the field). */
	PersonView person(String field, Long personId, DataScope scope) {
		return people.resolve(field, personId, scope);
	}

	/** The party organisation with this id, unscoped (the caller checks the scope). */
	java.util.Optional<PartyOrganisationView> anyOrganisation(long id) {
		return organisations.fetch(id);
	}

	/**
	 * Locks the person's row until the transaction ends: writers of one person's
	 * memberships wait here for each other.
	 */
	void lock(long personId) {
		people.lock(personId);
	}

	/** True when the caller may read this person, so that a message may name them. */
	boolean readable(long personId, DataScope scope) {
		return people.readable(personId, scope);
	}

	/**
	 * The party organisation, resolved through the caller's scope (404 naming the field).
	 */
	PartyOrganisationView organisation(String field, Long id, DataScope scope) {
		return organisations.resolve(field, id, scope);
	}

	/** The unit, resolved through the caller's scope (404 naming the field). */
	UnitView unit(String field, Long id, DataScope scope) {
		return units.resolve(field, id, scope);
	}

	/** The unit named by code, resolved through the caller's scope. */
	UnitView unitByCode(String field, String code, DataScope scope) {
		return units.resolveCode(field, code, scope);
	}

	/** The person again, or a field error when they are not a party member. */
	PersonView requirePartyMember(String field, PersonView person) {
		if (!person.holds(RoleKind.PARTY_MEMBER)) {
			throw new InvalidInputException(field, Messages.text("frontline.person.not-party-member", person.id()));
		}
		roles.requirePartyMember(field, person.id());
		return person;
	}

	/** The unit of the person's cadre role, if any. */
	Long cadreUnit(long personId) {
		return roles.cadreUnit(personId);
	}

	/**
	 * The date given, or today (a form's date is not after today:
	 * {@code @PastOrPresent}).
	 */
	LocalDate orToday(LocalDate date) {
		return date == null ? today() : date;
	}

	/**
	 * A date given as a parameter rather than on a form, or today; never in the future
	 * (by the application's clock).
	 */
	LocalDate dateOrToday(String field, LocalDate date) {
		if (date == null) {
			return today();
		}
		if (date.isAfter(today())) {
			throw new InvalidInputException(field, Messages.text("problem.field.future"));
		}
		return date;
	}

	/**
	 * A required text of at most max characters, stripped (for a parameter no form record
	 * carries).
	 */
	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return optional(field, value, max);
	}

	/**
	 * An optional text of at most max characters, stripped; null when blank (for a
	 * parameter no form record carries).
	 */
	static String optional(String field, String value, int max) {
		String stripped = stripped(value);
		if (stripped != null && stripped.length() > max) {
			throw new InvalidInputException(field, Messages.text("problem.field.too-long", max));
		}
		return stripped;
	}

	/** A text stripped, null when blank (its length checked by its form's annotation). */
	static String stripped(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * A region by a code read from the database (an organisation's own region), not from
	 * the request.
	 */
	RegionView known(String code) {
		return regions.byCode(code).orElseThrow();
	}

	/** A region by code for a form field, resolved through the caller's scope. */
	RegionView region(String field, String code, DataScope scope) {
		return regions.resolve(field, code, scope);
	}

	/**
	 * The path of the region asked for in a list (404 outside scope), or of the user's
	 * first scope root; a self-service account without regions gets a path matching
	 * nothing.
	 */
	RegionPath listPath(String region, DataScope scope) {
		if (region == null || region.isBlank()) {
			return regions.roots(scope).stream().findFirst().map(RegionView::path).orElse(new RegionPath("/none/"));
		}
		return regions.find(region.strip(), scope).path();
	}

	/** The region a list page shows, or null for an account without regions. */
	RegionView listRegion(String region, DataScope scope) {
		if (region == null || region.isBlank()) {
			return regions.roots(scope).stream().findFirst().orElse(null);
		}
		return regions.find(region.strip(), scope);
	}

}
