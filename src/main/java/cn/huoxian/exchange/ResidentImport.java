package cn.huoxian.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.Membership;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Phones;
import cn.huoxian.shared.RegionPath;

/**
 * Residents of households (or, with a region code, persons living elsewhere), optionally
 * formal party members. Rows are checked here row by row, then written through
 * {@link People.Registration} ({@code People.create}'s rules, one multi-row insert per
 * chunk), which adds the household and region counters once per household and per region
 * at the end.
 */
final class ResidentImport implements RowImport {

	/** Where a person belongs: a household (a resident) or only a region. */
	private record Placement(Long householdId, String regionCode, RegionPath path) {
	}

	/** A checked row. */
	private record Resident(String name, IdNumber idNumber, String phone, Placement placement, Long partyOrganisationId,
			LocalDate joinedOn) {

		boolean partyMember() {
			return partyOrganisationId != null;
		}

	}

	private final Regions regions;

	private final Households householdService;

	private final People people;

	private final PartyOrganisations organisations;

	private final CurrentUser user;

	private final LocalDate today;

	private final Map<Long, Optional<Placement>> households = new HashMap<>();

	private final Map<String, Optional<RegionView>> regionsByCode = new HashMap<>();

	private final Map<String, Optional<Long>> organisationsByCode = new HashMap<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private People.Registration registration;

	ResidentImport(Regions regions, Households households, People people, PartyOrganisations organisations,
			CurrentUser user, LocalDate today) {
		this.regions = regions;
		this.householdService = households;
		this.people = people;
		this.organisations = organisations;
		this.user = user;
		this.today = today;
	}

	@Override
	public void check(List<ImportRow> rows) {
		loadHouseholds(rows);
		Map<String, ImportRow> fresh = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Resident resident = parse(row);
			String id = resident != null ? resident.idNumber().value() : validIdNumber(row);
			if (id == null) {
				continue;
			}
			Integer first = seen.putIfAbsent(id, row.number());
			if (first != null) {
				row.error("idNumber", "exchange.error.repeats", first);
			}
			else {
				fresh.put(id, row);
			}
		}
		reportRegistered(fresh);
	}

	/**
	 * The row's ID number when valid (its other columns may still be wrong), else null.
	 */
	private String validIdNumber(ImportRow row) {
		String raw = row.text("idNumber");
		return raw != null && !row.isNumber("idNumber") && IdNumber.isValid(raw, today) ? raw.toUpperCase() : null;
	}

	private void reportRegistered(Map<String, ImportRow> fresh) {
		if (fresh.isEmpty()) {
			return;
		}
		people.registeredIdNumbers(fresh.keySet())
			.forEach(id -> fresh.get(id).error("idNumber", "exchange.error.idNumber.registered"));
	}

	/** One query per chunk for the households its rows name. */
	private void loadHouseholds(List<ImportRow> rows) {
		List<Long> ids = rows.stream()
			.map(row -> quietLong(row.text("householdId")))
			.filter(Objects::nonNull)
			.filter(id -> !households.containsKey(id))
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return;
		}
		ids.forEach(id -> households.put(id, Optional.empty()));
		for (HouseholdView household : householdService.fetchAll(ids).values()) {
			households.put(household.id(), Optional.of(new Placement(household.id(), null, household.path())));
		}
	}

	private static Long quietLong(String text) {
		try {
			return text == null ? null : Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Resident parse(ImportRow row) {
		String name = row.required("name", 50);
		IdNumber idNumber = idNumber(row);
		String phone = row.optional("phone", 20);
		if (phone != null && !Phones.isValid(phone)) {
			row.error("phone", "exchange.error.phone");
		}
		Placement placement = placement(row);
		String organisationCode = row.optional("partyOrganisationCode", 40);
		LocalDate joinedOn = row.date("joinedOn");
		Long organisationId = membership(row, organisationCode, joinedOn, idNumber);
		return row.hasErrors() ? null : new Resident(name, idNumber, phone, placement, organisationId, joinedOn);
	}

	private IdNumber idNumber(ImportRow row) {
		String raw = row.required("idNumber", 30);
		if (raw == null) {
			return null;
		}
		if (row.isNumber("idNumber")) {
			// a spreadsheet keeps 15 significant digits: an 18-digit number cell has lost
			// its end
			row.error("idNumber", "exchange.error.idNumber.numberCell");
			return null;
		}
		Optional<String> problem = IdNumber.problemKey(raw, today);
		if (problem.isPresent()) {
			row.error("idNumber", problem.get());
			return null;
		}
		return new IdNumber(raw);
	}

	private Placement placement(ImportRow row) {
		boolean household = row.text("householdId") != null;
		String regionCode = row.optional("regionCode", 20);
		if (household == (regionCode != null)) {
			row.error("householdId", "exchange.error.resident.placement");
			return null;
		}
		return household ? household(row) : region(row, regionCode);
	}

	private Placement household(ImportRow row) {
		Long id = row.wholeNumber("householdId");
		if (id == null) {
			return null;
		}
		Placement placement = households.computeIfAbsent(id, k -> Optional.empty()).orElse(null);
		// a household the importer cannot read is reported exactly like a missing one
		if (placement == null || !user.scope().coversRegion(placement.path())) {
			row.error("householdId", "exchange.error.household.unknown", id);
			return null;
		}
		return placement;
	}

	private Placement region(ImportRow row, String code) {
		RegionView region = regionsByCode.computeIfAbsent(code, regions::byCode).orElse(null);
		if (region == null || !user.scope().coversRegion(region.path())) {
			row.error("regionCode", "exchange.error.region.unknown", code);
			return null;
		}
		return new Placement(null, region.code(), region.path());
	}

	/**
	 * The party organisation's id when the row makes a party member; null otherwise or
	 * with errors.
	 */
	private Long membership(ImportRow row, String code, LocalDate joinedOn, IdNumber idNumber) {
		boolean dateWritten = row.text("joinedOn") != null;
		if (code == null && !dateWritten) {
			return null;
		}
		if (code == null) {
			row.error("partyOrganisationCode", "exchange.error.party.organisationRequired");
			return null;
		}
		if (!dateWritten) {
			row.error("joinedOn", "exchange.error.party.joinedOnRequired");
		}
		else if (joinedOn != null && joinedOn.isAfter(today)) {
			row.error("joinedOn", "exchange.error.party.future");
		}
		else if (joinedOn != null && idNumber != null && joinedOn.isBefore(idNumber.birthDate().plusYears(18))) {
			row.error("joinedOn", "exchange.error.party.tooYoung");
		}
		Long id = organisationsByCode
			.computeIfAbsent(code, c -> organisations.byCode(c, user.scope()).map(PartyOrganisationView::id))
			.orElse(null);
		if (id == null) {
			row.error("partyOrganisationCode", "exchange.error.party.unknown", code);
		}
		return id;
	}

	/** The chunk's valid rows as persons, registered through people in one list. */
	@Override
	public void write(List<ImportRow> rows) {
		if (registration == null) {
			registration = people.registration(user);
		}
		List<ImportRow> valid = new ArrayList<>();
		List<PersonForm> forms = new ArrayList<>();
		for (ImportRow row : rows) {
			Resident resident = parse(row);
			if (resident != null) {
				valid.add(row);
				forms.add(form(resident));
			}
		}
		try {
			registration.register(forms);
		}
		catch (InvalidInputException ex) {
			Refusals.report(ImportKind.RESIDENTS, valid, ex, "idNumber");
		}
	}

	private static PersonForm form(Resident resident) {
		Placement placement = resident.placement();
		List<PersonRoleView> roles = resident.partyMember()
				? List.of(new PersonRoleView(RoleKind.PARTY_MEMBER, null, null, null, resident.partyOrganisationId(),
						resident.joinedOn(), Membership.FORMAL, null, null, null, null))
				: List.of();
		return new PersonForm(resident.name(), resident.idNumber().value(), resident.phone(), placement.householdId(),
				placement.householdId() == null ? placement.regionCode() : null, roles);
	}

	@Override
	public void written() {
		if (registration != null) {
			registration.finish();
		}
	}

}
