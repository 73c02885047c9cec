package cn.huoxian.exchange;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.Membership;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.Phones;
import org.jooq.DSLContext;

/**
 * Residents of households (or, with a region code, persons living elsewhere), optionally
 * formal party members. Rows follow {@code People.create}'s rules; they are written in
 * JDBC batches and the household and region counters are added once per household and per
 * grid at the end.
 */
final class ResidentImport implements RowImport {

	/** Where a person belongs: a household (a resident) or only a region. */
	private record Placement(Long householdId, long regionId, String path) {
	}

	/** A checked row. */
	private record Resident(String name, IdNumber idNumber, String phone, Placement placement, Long partyOrganisationId,
			LocalDate joinedOn) {

		boolean partyMember() {
			return partyOrganisationId != null;
		}

	}

	private final DSLContext db;

	private final Regions regions;

	private final PartyOrganisations organisations;

	private final CurrentUser user;

	private final LocalDate today;

	private final Map<Long, Optional<Placement>> households = new HashMap<>();

	private final Map<String, Optional<RegionView>> regionsByCode = new HashMap<>();

	private final Map<String, Optional<Long>> organisationsByCode = new HashMap<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private final Map<Long, Integer> householdResidents = new HashMap<>();

	private final Map<String, long[]> regionCounts = new HashMap<>();

	ResidentImport(DSLContext db, Regions regions, PartyOrganisations organisations, CurrentUser user,
			LocalDate today) {
		this.db = db;
		this.regions = regions;
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
		db.select(PERSON.ID_NUMBER)
			.from(PERSON)
			.where(PERSON.ID_NUMBER.in(fresh.keySet()))
			.fetch(PERSON.ID_NUMBER)
			.forEach(id -> fresh.get(id.strip()).error("idNumber", "exchange.error.idNumber.registered"));
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
		db.select(HOUSEHOLD.ID, HOUSEHOLD.REGION_ID, HOUSEHOLD.PATH)
			.from(HOUSEHOLD)
			.where(HOUSEHOLD.ID.in(ids))
			.forEach(r -> households.put(r.get(HOUSEHOLD.ID), Optional
				.of(new Placement(r.get(HOUSEHOLD.ID), r.get(HOUSEHOLD.REGION_ID), r.get(HOUSEHOLD.PATH)))));
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
		return new Placement(null, region.id(), region.path());
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

	/**
	 * One multi-row INSERT per chunk (the fastest portable bulk insert), then the chunk's
	 * memberships.
	 */
	@Override
	public void write(List<ImportRow> rows) {
		List<Resident> residents = rows.stream().map(this::parse).filter(Objects::nonNull).toList();
		if (residents.isEmpty()) {
			return;
		}
		var insert = db.insertInto(PERSON, PERSON.NAME, PERSON.ID_NUMBER, PERSON.BIRTH_DATE, PERSON.SEX, PERSON.PHONE,
				PERSON.HOUSEHOLD_ID, PERSON.REGION_ID, PERSON.PATH);
		for (Resident resident : residents) {
			IdNumber id = resident.idNumber();
			Placement placement = resident.placement();
			insert = insert.values(resident.name(), id.value(), id.birthDate(), String.valueOf(id.sex()),
					resident.phone(), placement.householdId(), placement.regionId(), placement.path());
			count(resident);
		}
		insert.execute();
		addMemberships(residents);
	}

	/**
	 * As {@code People.create} counts: residents only in households, party members
	 * everywhere.
	 */
	private void count(Resident resident) {
		Placement placement = resident.placement();
		long[] counts = regionCounts.computeIfAbsent(placement.path(), k -> new long[2]);
		if (placement.householdId() != null) {
			householdResidents.merge(placement.householdId(), 1, Integer::sum);
			counts[0]++;
		}
		if (resident.partyMember()) {
			counts[1]++;
		}
	}

	private void addMemberships(List<Resident> residents) {
		List<Resident> members = residents.stream().filter(Resident::partyMember).toList();
		if (members.isEmpty()) {
			return;
		}
		Map<String, Long> ids = new HashMap<>();
		db.select(PERSON.ID, PERSON.ID_NUMBER)
			.from(PERSON)
			.where(PERSON.ID_NUMBER.in(members.stream().map(m -> m.idNumber().value()).toList()))
			.forEach(r -> ids.put(r.get(PERSON.ID_NUMBER).strip(), r.get(PERSON.ID)));
		var insert = db.insertInto(PERSON_ROLE, PERSON_ROLE.PERSON_ID, PERSON_ROLE.ROLE,
				PERSON_ROLE.PARTY_ORGANISATION_ID, PERSON_ROLE.JOINED_ON, PERSON_ROLE.MEMBERSHIP);
		for (Resident member : members) {
			insert = insert.values(ids.get(member.idNumber().value()), RoleKind.PARTY_MEMBER.name(),
					member.partyOrganisationId(), member.joinedOn(), Membership.FORMAL.name());
		}
		insert.execute();
	}

	@Override
	public void written() {
		List<Map.Entry<Long, Integer>> entries = new ArrayList<>(householdResidents.entrySet());
		for (int from = 0; from < entries.size(); from += Imports.CHUNK) {
			var batch = db.batch(db.update(HOUSEHOLD)
				.set(HOUSEHOLD.RESIDENTS, HOUSEHOLD.RESIDENTS.plus((Integer) null))
				.where(HOUSEHOLD.ID.eq((Long) null)));
			entries.subList(from, Math.min(from + Imports.CHUNK, entries.size()))
				.forEach(e -> batch.bind(e.getValue(), e.getKey()));
			batch.execute();
		}
		regionCounts.forEach((path, counts) -> regions.adjustCounts(path, 0, counts[0], counts[1]));
	}

}
