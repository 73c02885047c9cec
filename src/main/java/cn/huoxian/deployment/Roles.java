package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.util.Optional;

import cn.huoxian.people.CadreRank;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Component;

/**
 * The roles the deployment network checks: whether a person is a cadre (and of which
 * rank) or a party member (and of which organisation).
 */
@Component
class Roles {

	private final DSLContext db;

	Roles(DSLContext db) {
		this.db = db;
	}

	/** The person's cadre rank, empty when they are not a cadre. */
	Optional<CadreRank> cadreRank(long personId) {
		return db.select(PERSON_ROLE.RANK)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name())))
			.fetchOptional(PERSON_ROLE.RANK)
			.map(CadreRank::valueOf);
	}

	/** The cadre's rank, or a field error naming the field when they are not a cadre. */
	CadreRank requireCadre(String field, Long personId) {
		if (personId == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return cadreRank(personId)
			.orElseThrow(() -> new InvalidInputException(field, Messages.text("frontline.person.not-cadre", personId)));
	}

	/** The party organisation the person belongs to, empty when not a party member. */
	Optional<Long> partyOrganisation(long personId) {
		return db.select(PERSON_ROLE.PARTY_ORGANISATION_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
			.fetchOptional(PERSON_ROLE.PARTY_ORGANISATION_ID);
	}

	/**
	 * The party organisation's id and region path, or a field error when not a member.
	 */
	Record2<Long, String> requirePartyMember(String field, Long personId) {
		if (personId == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return db.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.PATH)
			.from(PERSON_ROLE)
			.join(PARTY_ORGANISATION)
			.on(PARTY_ORGANISATION.ID.eq(PERSON_ROLE.PARTY_ORGANISATION_ID))
			.where(PERSON_ROLE.PERSON_ID.eq(personId).and(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
			.fetchOptional()
			.orElseThrow(() -> new InvalidInputException(field,
					Messages.text("frontline.person.not-party-member", personId)));
	}

}
