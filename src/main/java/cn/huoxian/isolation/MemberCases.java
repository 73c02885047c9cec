package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;

import java.util.List;

import cn.huoxian.db.tables.records.IsolationCaseRecord;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.people.People;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
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

	private final PartyOrganisations organisations;

	MemberCases(DSLContext db, @Lazy Cases cases, PartyOrganisations organisations) {
		this.db = db;
		this.cases = cases;
		this.organisations = organisations;
	}

	/**
	 * The open cases of the organisation's members; 404 when the organisation is outside
	 * the scope.
	 */
	public List<CaseView> ofOrganisation(long organisationId, DataScope scope) {
		visible(organisationId, scope);
		return cases.where(ISOLATION_CASE.PERSON_ID.in(People.membersOf(organisationId))
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
		if (!db
			.fetchExists(DSL.selectOne().where(DSL.val(record.getPersonId()).in(People.membersOf(organisationId))))) {
			throw new RuleViolationException(Messages.text("isolation.problem.not-member", caseId, organisationId));
		}
		return record;
	}

	private void visible(long organisationId, DataScope scope) {
		PartyOrganisationView org = organisations.fetch(organisationId).orElse(null);
		if (org == null || !(scope.coversRegion(org.path()) || scope.coversOrganisation(org.orgPath()))) {
			throw new NotFoundException(Messages.text("isolation.what.party-organisation", organisationId));

		}
	}

}
