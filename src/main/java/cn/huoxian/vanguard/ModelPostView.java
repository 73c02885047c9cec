package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A model post; ended once {@code endedOn} is set. */
public record ModelPostView(long id, String name, long partyOrganisationId, @Nullable String partyOrganisationName,
		Long holderId, String holderName, String regionCode, String regionName, RegionPath path, LocalDate designatedOn,
		@Nullable LocalDate endedOn, String createdBy) {
}
