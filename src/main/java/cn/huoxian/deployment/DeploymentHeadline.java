package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.PAIRING;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.HeadlineFigures;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The deployment network's headline figures, each counted from records under the region:
 * leading cadres currently deployed (and per rank) and commando-team members from the
 * maintained {@link HeadlineTally} (tens of thousands of records for a city), paired
 * units and communities, active temporary party organisations and first secretaries at
 * post by counting their (hundreds of) rows.
 */
@Component
@Order(10)
class DeploymentHeadline implements HeadlineFigures {

	private final DSLContext db;

	private final PartyOrganisations partyOrganisations;

	private final HeadlineTally tally;

	DeploymentHeadline(DSLContext db, PartyOrganisations partyOrganisations, HeadlineTally tally) {
		this.db = db;
		this.partyOrganisations = partyOrganisations;
		this.tally = tally;
	}

	@Override
	public void addTo(Map<String, Object> figures, String regionPath, LocalDate day) {
		Map<String, Long> byRank = tally.deployedLeadingCadres(regionPath, day);
		figures.put("deployedLeadingCadres", byRank.values().stream().mapToLong(Long::longValue).sum());
		figures.put("deployedLeadingCadresByRank", byRank);
		Record2<Integer, Integer> pairings = db.select(DSL.countDistinct(PAIRING.UNIT_ID), DSL.count())
			.from(PAIRING)
			.where(DataScope.under(PAIRING.PATH, regionPath))
			.fetchOne();
		figures.put("pairedUnits", pairings.value1().longValue());
		figures.put("pairedCommunities", pairings.value2().longValue());
		figures.put("temporaryPartyOrganisations", partyOrganisations.countActiveTemporary(regionPath, day));
		figures.put("firstSecretariesAtPost",
				(long) db.fetchCount(FIRST_SECRETARY_RETURN,
						DataScope.under(FIRST_SECRETARY_RETURN.PATH, regionPath)
							.and(FIRST_SECRETARY_RETURN.RETURNED_ON.le(day))
							.and(FIRST_SECRETARY_RETURN.LEFT_ON.isNull().or(FIRST_SECRETARY_RETURN.LEFT_ON.gt(day)))));
		figures.put("commandoMembers", tally.value(HeadlineTally.COMMANDO, regionPath, day));
	}

}
