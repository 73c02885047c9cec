package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.FIRST_SECRETARY_RETURN;
import static cn.huoxian.db.Tables.PAIRING;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.people.CadreRank;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.HeadlineFigures;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The deployment network's headline figures, each counted from records under the region:
 * leading cadres currently deployed (and per rank), paired units and communities, active
 * temporary party organisations, first secretaries at post and commando-team members.
 */
@Component
@Order(10)
class DeploymentHeadline implements HeadlineFigures {

	private final DSLContext db;

	private final PartyOrganisations partyOrganisations;

	DeploymentHeadline(DSLContext db, PartyOrganisations partyOrganisations) {
		this.db = db;
		this.partyOrganisations = partyOrganisations;
	}

	@Override
	public void addTo(Map<String, Object> figures, String regionPath, LocalDate day) {
		Map<String, Long> byRank = deployedLeadingCadres(regionPath, day);
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
		figures.put("commandoMembers",
				db.select(DSL.countDistinct(COMMANDO_MEMBER.PERSON_ID))
					.from(COMMANDO_MEMBER)
					.where(DataScope.under(COMMANDO_MEMBER.PATH, regionPath))
					.and(COMMANDO_MEMBER.JOINED_ON.le(day))
					.and(COMMANDO_MEMBER.LEFT_ON.isNull().or(COMMANDO_MEMBER.LEFT_ON.gt(day)))
					.fetchOne(0, Long.class));
	}

	/**
	 * Leading cadres whose deployment is current on the day, per rank (highest first).
	 */
	private Map<String, Long> deployedLeadingCadres(String regionPath, LocalDate day) {
		Map<String, Long> byRank = new LinkedHashMap<>();
		for (CadreRank rank : CadreRank.values()) {
			if (rank.isLeading()) {
				byRank.put(rank.name(), 0L);
			}
		}
		db.select(DEPLOYMENT.CADRE_RANK, DSL.count())
			.from(DEPLOYMENT)
			.where(DataScope.under(DEPLOYMENT.PATH, regionPath))
			.and(DEPLOYMENT.LEADING_CADRE.isTrue())
			.and(DEPLOYMENT.START_DATE.le(day))
			.and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.ge(day)))
			.groupBy(DEPLOYMENT.CADRE_RANK)
			.forEach(r -> byRank.put(r.value1(), r.value2().longValue()));
		return byRank;
	}

}
