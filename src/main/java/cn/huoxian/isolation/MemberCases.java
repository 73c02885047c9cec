package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.UNIT;

import java.util.List;

import cn.huoxian.db.tables.records.IsolationCaseRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Ill or isolated cadres and party members as their own party organisation sees them: its
 * members (party members of it, and cadres of the units it belongs to) with an open case,
 * and its right to log its own contacts with them even where the case lies outside the
 * organisation staff's regions.
 */
@Service
public class MemberCases {

	private final DSLContext db;

	private final Cases cases;

	MemberCases(DSLContext db, @Lazy Cases cases) {
		this.db = db;
		this.cases = cases;
	}

	/**
	 * The open cases of the organisation's members; 404 when the organisation is outside
	 * the scope.
	 */
	public List<CaseView> ofOrganisation(long organisationId, DataScope scope) {
		visible(organisationId, scope);
		return cases.where(ISOLATION_CASE.PERSON_ID.in(members(organisationId))
			.and(ISOLATION_CASE.STATUS.in(CaseStatus.ACTIVE.name(), CaseStatus.EXTENDED.name())));
	}

	/** One member's case as the organisation sees it. */
	public CaseView find(long caseId, long organisationId, DataScope scope) {
		return ofOrganisation(organisationId, scope).stream()
			.filter(c -> c.id() == caseId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Messages.text("isolation.what.case", caseId)));
	}

	/**
	 * The case, when its person belongs to the organisation and the user may act for the
	 * organisation.
	 */
	IsolationCaseRecord writableThrough(long caseId, long organisationId, CurrentUser user) {
		try {
			visible(organisationId, user.scope());
		}
		catch (NotFoundException ex) {
			// the same answer whether the organisation is missing or out of scope
			throw new ReferenceNotFoundException("partyOrganisationId");
		}
		IsolationCaseRecord record = db.fetchOne(ISOLATION_CASE, ISOLATION_CASE.ID.eq(caseId));
		if (record == null) {
			throw new NotFoundException(Messages.text("isolation.what.case", caseId));
		}
		if (!db.fetchExists(DSL.selectOne().where(DSL.val(record.getPersonId()).in(members(organisationId))))) {
			throw new RuleViolationException(Messages.text("isolation.problem.not-member", caseId, organisationId));
		}
		return record;
	}

	private void visible(long organisationId, DataScope scope) {
		var org = db.select(PARTY_ORGANISATION.PATH, PARTY_ORGANISATION.ORG_PATH)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.ID.eq(organisationId))
			.fetchOne();
		if (org == null || !(scope.coversRegion(org.value1()) || scope.coversOrganisation(org.value2()))) {
			throw new NotFoundException(Messages.text("isolation.what.party-organisation", organisationId));

		}
	}

	/**
	 * Party members of the organisation, and cadres of the units whose organisation it
	 * is.
	 */
	private org.jooq.Select<org.jooq.Record1<Long>> members(long organisationId) {
		Condition member = PERSON_ROLE.ROLE.eq("PARTY_MEMBER")
			.and(PERSON_ROLE.PARTY_ORGANISATION_ID.eq(organisationId));
		Condition cadre = PERSON_ROLE.ROLE.eq("CADRE")
			.and(PERSON_ROLE.UNIT_ID
				.in(DSL.select(UNIT.ID).from(UNIT).where(UNIT.PARTY_ORGANISATION_ID.eq(organisationId))));
		return DSL.select(PERSON_ROLE.PERSON_ID).from(PERSON_ROLE).where(member.or(cadre));
	}

}
