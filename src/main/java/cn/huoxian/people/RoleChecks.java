package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.util.Optional;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What other modules ask about a person's roles: whether they are a cadre (of which rank,
 * in which unit) or a party member (of which organisation).
 */
@Component
public class RoleChecks {

	private final DSLContext db;

	RoleChecks(DSLContext db) {
		this.db = db;
	}

	/** The person's cadre rank, empty when they are not a cadre. */
	public Optional<CadreRank> cadreRank(long personId) {
		return db.select(PERSON_ROLE.RANK)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())))
			.fetchOptional(PERSON_ROLE.RANK)
			.map(CadreRank::valueOf);
	}

	/** The cadre's rank, or a field error naming the field when they are not a cadre. */
	public CadreRank requireCadre(String field, Long personId) {
		if (personId == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return cadreRank(personId)
			.orElseThrow(() -> new InvalidInputException(field, Messages.text("frontline.person.not-cadre", personId)));
	}

	/**
	 * Nothing when the person is a member of a party organisation; a field error naming
	 * the field otherwise.
	 */
	public void requirePartyMember(String field, Long personId) {
		if (personId == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		// the role's organisation exists: person_role.party_organisation_id is a foreign
		// key
		boolean member = db.fetchExists(db.selectOne()
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
			.and(PERSON_ROLE.PARTY_ORGANISATION_ID.isNotNull()));
		if (!member) {
			throw new InvalidInputException(field, Messages.text("frontline.person.not-party-member", personId));
		}
	}

	/** The unit of the person's cadre role, if any. */
	public Long cadreUnit(long personId) {
		return db.select(PERSON_ROLE.UNIT_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())))
			.and(PERSON_ROLE.UNIT_ID.isNotNull())
			.limit(1)
			.fetchOptional(PERSON_ROLE.UNIT_ID)
			.orElse(null);
	}

	/** A first secretary's role: who, their village and their dispatching unit. */
	public record FirstSecretaryRole(long personId, String name, long villageId, long dispatchingUnitId) {
	}

	/**
	 * First secretaries with a village and a dispatching unit: one person's role, or all
	 * when {@code personId} is null (unscoped: the caller filters by village and unit).
	 */
	public java.util.List<FirstSecretaryRole> firstSecretaries(Long personId) {
		org.jooq.Condition where = PERSON_ROLE.ROLE.eq(RoleKind.FIRST_SECRETARY.name())
			.and(PERSON_ROLE.VILLAGE_ID.isNotNull())
			.and(PERSON_ROLE.DISPATCHING_UNIT_ID.isNotNull());
		if (personId != null) {
			where = where.and(PERSON_ROLE.PERSON_ID.eq(personId));
		}
		return db
			.select(PERSON_ROLE.PERSON_ID, cn.huoxian.db.Tables.PERSON.NAME, PERSON_ROLE.VILLAGE_ID,
					PERSON_ROLE.DISPATCHING_UNIT_ID)
			.from(PERSON_ROLE)
			.join(cn.huoxian.db.Tables.PERSON)
			.on(cn.huoxian.db.Tables.PERSON.ID.eq(PERSON_ROLE.PERSON_ID))
			.where(where)
			.fetch(r -> new FirstSecretaryRole(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	/** The party organisation of the person's party-member role, if any. */
	public Optional<Long> partyOrganisation(long personId) {
		return db.select(PERSON_ROLE.PARTY_ORGANISATION_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
			.and(PERSON_ROLE.PARTY_ORGANISATION_ID.isNotNull())
			.limit(1)
			.fetchOptional(PERSON_ROLE.PARTY_ORGANISATION_ID);
	}

}
