package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.firstsecretary.FirstSecretaries;
import cn.huoxian.liaison.Pairings;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.shared.HeadlineFigures;
import cn.huoxian.shared.RegionPath;
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

	private final Pairings pairings;

	private final FirstSecretaries firstSecretaries;

	private final PartyOrganisations partyOrganisations;

	private final HeadlineTally tally;

	DeploymentHeadline(Pairings pairings, FirstSecretaries firstSecretaries, PartyOrganisations partyOrganisations,
			HeadlineTally tally) {
		this.pairings = pairings;
		this.firstSecretaries = firstSecretaries;
		this.partyOrganisations = partyOrganisations;
		this.tally = tally;
	}

	@Override
	public void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day) {
		Map<String, Long> byRank = tally.deployedLeadingCadres(regionPath, day);
		figures.put("deployedLeadingCadres", byRank.values().stream().mapToLong(Long::longValue).sum());
		figures.put("deployedLeadingCadresByRank", byRank);
		long[] paired = pairings.pairedUnitsAndCommunities(regionPath);
		figures.put("pairedUnits", paired[0]);
		figures.put("pairedCommunities", paired[1]);
		figures.put("temporaryPartyOrganisations", partyOrganisations.countActiveTemporary(regionPath, day));
		figures.put("firstSecretariesAtPost", firstSecretaries.countAtPostOn(regionPath, day));
		figures.put("commandoMembers", tally.value(HeadlineTally.COMMANDO, regionPath, day));
	}

}
