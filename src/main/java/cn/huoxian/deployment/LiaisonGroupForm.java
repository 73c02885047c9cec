package cn.huoxian.deployment;

import java.util.List;

/**
 * A liaison group (包联组): its name (≤100), its leader (a cadre), the code of the region
 * where it is formed, its members (persons) and the codes of the communities it answers
 * for (villages or communities under the region).
 */
public record LiaisonGroupForm(String name, Long leaderId, String region, List<Long> memberIds,
		List<String> communityCodes) {

	public List<Long> membersOrEmpty() {
		return memberIds == null ? List.of() : memberIds;
	}

	public List<String> communitiesOrEmpty() {
		return communityCodes == null ? List.of() : communityCodes;
	}

}
