package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.List;

/**
 * Pairing a unit with a community (五个一): the unit and community codes, the start date
 * (default today), the liaison leader (县处级) and the responsible person (乡科级), both
 * optional at first, the work team's members and the work plan's text (≤4000).
 */
public record PairingForm(String unitCode, String communityCode, LocalDate startedOn, Long liaisonLeaderId,
		Long responsiblePersonId, List<Long> teamMemberIds, String workPlan) {

	public List<Long> teamOrEmpty() {
		return teamMemberIds == null ? List.of() : teamMemberIds;
	}

}
