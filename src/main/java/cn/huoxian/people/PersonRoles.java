package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.PersonRoleRecord;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Checks and stores the roles a person holds; each role has the facts it needs. */
@Component
class PersonRoles {

	private final DSLContext db;

	private final Units units;

	private final PartyOrganisations partyOrganisations;

	private final Regions regions;

	PersonRoles(DSLContext db, Units units, PartyOrganisations partyOrganisations, Regions regions) {
		this.db = db;
		this.units = units;
		this.partyOrganisations = partyOrganisations;
		this.regions = regions;
	}

	/**
	 * The problems of these roles; their units, party organisations and villages are
	 * resolved through the caller's scope (404 naming the field), except those the person
	 * already {@code held}: keeping a reference is not making a new one. Dates are
	 * checked against business day {@code today}.
	 */
	List<FieldProblem> problems(List<PersonRoleView> roles, DataScope scope, List<PersonRoleView> held,
			LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<RoleKind> seen = EnumSet.noneOf(RoleKind.class);
		for (int i = 0; i < roles.size(); i++) {
			PersonRoleView role = roles.get(i);
			String at = "roles[" + i + "].";
			if (role == null || role.role() == null) {
				problems.add(new FieldProblem(at + "role", Messages.text("problem.required")));
				continue;
			}
			if (!seen.add(role.role())) {
				problems.add(new FieldProblem(at + "role",
						Messages.text("people.problem.role-twice", Messages.text("personRole." + role.role()))));
			}
			// the facts the role's kind needs: its annotation (RoleFacts), also for
			// callers
			// that bind no form
			RoleFactsValidator.missing(role)
				.forEach(field -> problems.add(new FieldProblem(at + field, Messages.text("problem.required"))));
			switch (role.role()) {
				case CADRE ->
					checkUnit(problems, at + "unitId", role.unitId(), scope, heldIds(held, PersonRoleView::unitId));
				case PARTY_MEMBER -> {
					if (role.joinedOn() != null && role.joinedOn().isAfter(today)) {
						problems.add(new FieldProblem(at + "joinedOn", Messages.text("problem.field.future")));
					}
					if (role.partyOrganisationId() != null && !heldIds(held, PersonRoleView::partyOrganisationId)
						.contains(role.partyOrganisationId())) {
						partyOrganisations.resolve(at + "partyOrganisationId", role.partyOrganisationId(), scope);
					}
				}
				case MEDICAL_STAFF -> {
				}
				case FIRST_SECRETARY -> {
					checkUnit(problems, at + "dispatchingUnitId", role.dispatchingUnitId(), scope,
							heldIds(held, PersonRoleView::dispatchingUnitId));
					var village = role.villageCode() == null || role.villageCode().isBlank() ? null
							: held.stream().anyMatch(h -> role.villageCode().equals(h.villageCode()))
									? regions.byCode(role.villageCode()).orElse(null)
									: regions.resolve(at + "villageCode", role.villageCode(), scope);
					if (village == null || village.level() != RegionLevel.VILLAGE) {
						problems.add(new FieldProblem(at + "villageCode", Messages.text("people.problem.village")));
					}
				}
				case VOLUNTEER -> {
				}
			}
		}
		return problems;
	}

	/** A unit given (required ones are checked by RoleFacts) in scope unless held. */
	private void checkUnit(List<FieldProblem> problems, String field, Long unitId, DataScope scope, Set<Long> held) {
		if (unitId != null && !held.contains(unitId)) {
			units.resolve(field, unitId, scope);
		}
	}

	private static Set<Long> heldIds(List<PersonRoleView> held, java.util.function.Function<PersonRoleView, Long> id) {
		Set<Long> ids = new java.util.HashSet<>();
		held.forEach(r -> {
			if (id.apply(r) != null) {
				ids.add(id.apply(r));
			}
		});
		return ids;
	}

	void replace(long personId, List<PersonRoleView> roles) {
		db.deleteFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(personId)).execute();
		for (PersonRoleView role : roles) {
			var record = db.newRecord(PERSON_ROLE);
			record.setPersonId(personId);
			record.setRole(role.role().name());
			record.setRank(role.rank() == null ? null : role.rank().name());
			record.setPosition(role.position());
			record.setUnitId(role.unitId());
			record.setPartyOrganisationId(role.partyOrganisationId());
			record.setJoinedOn(role.joinedOn());
			record.setMembership(role.membership() == null ? null : role.membership().name());
			record.setInstitution(role.institution());
			record.setDepartment(role.department());
			record.setDispatchingUnitId(role.dispatchingUnitId());
			record.setVillageId(role.villageCode() == null ? null
					: regions.byCode(role.villageCode()).map(v -> v.id()).orElse(null));
			record.store();
		}
	}

	Map<Long, List<PersonRoleView>> forPersons(List<Long> personIds) {
		// one probe of ix_person_role_person per person, whatever the statistics
		return byPerson(cn.huoxian.shared.bulk.KeyProbes
			.rows(db, personIds, person -> db.selectFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(person)))
			.stream()
			.sorted(java.util.Comparator.comparing(r -> r.getId()))
			.toList());
	}

	/**
	 * Role rows (read with their persons, in role-id order) as views by person; a query
	 * only for the codes of first secretaries' villages.
	 */
	Map<Long, List<PersonRoleView>> byPerson(List<PersonRoleRecord> rows) {
		Map<Long, List<PersonRoleView>> byPerson = new LinkedHashMap<>();
		Map<Long, String> villageCodes = regions.codes(rows.stream()
			.map(r -> r.getVillageId())
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		rows.forEach(r -> byPerson.computeIfAbsent(r.get(PERSON_ROLE.PERSON_ID), k -> new ArrayList<>())
			.add(new PersonRoleView(RoleKind.valueOf(r.get(PERSON_ROLE.ROLE)),
					r.get(PERSON_ROLE.RANK) == null ? null : CadreRank.valueOf(r.get(PERSON_ROLE.RANK)),
					r.get(PERSON_ROLE.POSITION), r.get(PERSON_ROLE.UNIT_ID), r.get(PERSON_ROLE.PARTY_ORGANISATION_ID),
					r.get(PERSON_ROLE.JOINED_ON),
					r.get(PERSON_ROLE.MEMBERSHIP) == null ? null : Membership.valueOf(r.get(PERSON_ROLE.MEMBERSHIP)),
					r.get(PERSON_ROLE.INSTITUTION), r.get(PERSON_ROLE.DEPARTMENT),
					r.get(PERSON_ROLE.DISPATCHING_UNIT_ID), villageCodes.get(r.get(PERSON_ROLE.VILLAGE_ID)))));
		return byPerson;
	}

	/**
	 * Stores the roles of persons registered in bulk (they hold none yet), in one
	 * multi-row insert.
	 */
	void insertAll(Map<Long, List<PersonRoleView>> byPerson) {
		Map<String, Long> villages = new java.util.HashMap<>();
		var insert = db.insertInto(PERSON_ROLE, PERSON_ROLE.PERSON_ID, PERSON_ROLE.ROLE, PERSON_ROLE.RANK,
				PERSON_ROLE.POSITION, PERSON_ROLE.UNIT_ID, PERSON_ROLE.PARTY_ORGANISATION_ID, PERSON_ROLE.JOINED_ON,
				PERSON_ROLE.MEMBERSHIP, PERSON_ROLE.INSTITUTION, PERSON_ROLE.DEPARTMENT,
				PERSON_ROLE.DISPATCHING_UNIT_ID, PERSON_ROLE.VILLAGE_ID);
		boolean any = false;
		for (Map.Entry<Long, List<PersonRoleView>> entry : byPerson.entrySet()) {
			for (PersonRoleView role : entry.getValue()) {
				Long villageId = role.villageCode() == null ? null : villages.computeIfAbsent(role.villageCode(),
						code -> regions.byCode(code).map(v -> v.id()).orElse(null));
				insert = insert.values(entry.getKey(), role.role().name(),
						role.rank() == null ? null : role.rank().name(), role.position(), role.unitId(),
						role.partyOrganisationId(), role.joinedOn(),
						role.membership() == null ? null : role.membership().name(), role.institution(),
						role.department(), role.dispatchingUnitId(), villageId);
				any = true;
			}
		}
		if (any) {
			insert.execute();
		}
	}

}
