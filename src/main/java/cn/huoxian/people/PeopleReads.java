package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.huoxian.db.tables.PersonRole;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * People and their roles read whole, one query per call, unscoped: for code that plans
 * over all of the city at once (the demo's deployment network), not for pages.
 */
@Service
public class PeopleReads {

	private final DSLContext db;

	PeopleReads(DSLContext db) {
		this.db = db;
	}

	/**
	 * A cadre: rank and unit, the party organisation of their party-member role and the
	 * village of their first-secretary role, when they have them.
	 */
	public record CadreLine(long personId, CadreRank rank, Long unitId, Long partyOrganisationId, Long villageId) {
	}

	/** A party member of an organisation (null when the role names none). */
	public record MemberLine(long personId, Long partyOrganisationId) {
	}

	public record PersonPath(long personId, String path) {
	}

	public record FirstSecretaryLine(long personId, long villageId, Long dispatchingUnitId) {
	}

	/** Every cadre, by person id. */
	public List<CadreLine> cadres() {
		PersonRole cadre = PERSON_ROLE.as("c");
		PersonRole member = PERSON_ROLE.as("m");
		PersonRole secretary = PERSON_ROLE.as("f");
		return db.select(cadre.PERSON_ID, cadre.RANK, cadre.UNIT_ID, member.PARTY_ORGANISATION_ID, secretary.VILLAGE_ID)
			.from(cadre)
			.leftJoin(member)
			.on(member.PERSON_ID.eq(cadre.PERSON_ID).and(member.ROLE.eq(RoleKind.PARTY_MEMBER.name())))
			.leftJoin(secretary)
			.on(secretary.PERSON_ID.eq(cadre.PERSON_ID).and(secretary.ROLE.eq(RoleKind.FIRST_SECRETARY.name())))
			.where(cadre.ROLE.eq(RoleKind.CADRE.name()))
			.orderBy(cadre.PERSON_ID)
			.fetch(r -> new CadreLine(r.value1(), r.value2() == null ? null : CadreRank.valueOf(r.value2()), r.value3(),
					r.value4(), r.value5()));
	}

	/** Every party member, by person id. */
	public List<MemberLine> partyMembers() {
		return db.select(PERSON_ROLE.PERSON_ID, PERSON_ROLE.PARTY_ORGANISATION_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name()))
			.orderBy(PERSON_ROLE.PERSON_ID)
			.fetch(r -> new MemberLine(r.value1(), r.value2()));
	}

	/** The party members living under a region path, with their paths, by person id. */
	public List<PersonPath> partyMembersUnder(String path) {
		return db.select(PERSON_ROLE.PERSON_ID, PERSON.PATH)
			.from(PERSON_ROLE)
			.join(PERSON)
			.on(PERSON.ID.eq(PERSON_ROLE.PERSON_ID))
			.where(PERSON_ROLE.ROLE.eq(RoleKind.PARTY_MEMBER.name()))
			.and(DataScope.under(PERSON.PATH, new RegionPath(path)))
			.orderBy(PERSON_ROLE.PERSON_ID)
			.fetch(r -> new PersonPath(r.value1(), r.value2()));
	}

	/** The paths of these persons. */
	public Map<Long, String> paths(Collection<Long> ids) {
		return db.select(PERSON.ID, PERSON.PATH)
			.from(PERSON)
			.where(SqlArrays.anyOf(PERSON.ID, ids))
			.fetchMap(PERSON.ID, PERSON.PATH);
	}

	/**
	 * The cadres among these persons with their paths (the record's weekly tally of
	 * cadres at work): one query, each person probed by key.
	 */
	public Map<Long, RegionPath> cadrePaths(Collection<Long> ids) {
		Map<Long, RegionPath> paths = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return paths;
		}
		db.select(PERSON.ID, PERSON.PATH)
			.from(PERSON)
			.where(SqlArrays.anyOf(PERSON.ID, ids))
			.andExists(org.jooq.impl.DSL.selectOne()
				.from(PERSON_ROLE)
				.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID).and(PERSON_ROLE.ROLE.eq(RoleKind.CADRE.name()))))
			.forEach(r -> paths.put(r.value1(), new RegionPath(r.value2())));
		return paths;
	}

	/** Every first secretary with a village, by person id. */
	public List<FirstSecretaryLine> firstSecretaries() {
		return db.select(PERSON_ROLE.PERSON_ID, PERSON_ROLE.VILLAGE_ID, PERSON_ROLE.DISPATCHING_UNIT_ID)
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.ROLE.eq(RoleKind.FIRST_SECRETARY.name()))
			.and(PERSON_ROLE.VILLAGE_ID.isNotNull())
			.orderBy(PERSON_ROLE.PERSON_ID)
			.fetch(r -> new FirstSecretaryLine(r.value1(), r.value2(), r.value3()));
	}

}
