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

}
