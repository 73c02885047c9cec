package cn.huoxian.deployment;

import java.time.LocalDate;

/** A model post; ended once {@code endedOn} is set. */
public record ModelPostView(long id, String name, long partyOrganisationId, String partyOrganisationName, Long holderId,
		String holderName, String regionCode, String regionName, String path, LocalDate designatedOn, LocalDate endedOn,
		String createdBy) {
}
