package cn.huoxian.deployment;

import java.time.LocalDate;

import cn.huoxian.people.CadreRank;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A deployment as the API and pages show it; {@code current} when it has not ended and
 * its planned end (if any) has not passed.
 */
public record DeploymentView(long id, long personId, String personName, @Nullable CadreRank rank, boolean leadingCadre,
		PostKind postKind, String regionCode, String regionName, RegionPath path, @Nullable String post,
		@Nullable Long teamId, @Nullable String teamName, @Nullable String duty, LocalDate startDate,
		@Nullable LocalDate endDate, @Nullable String endReason, boolean current) {

	/** The position in a few words: the post, the team or the region. */
	public String position() {
		if (postKind == PostKind.TEAM) {
			return teamName == null ? "team " + teamId : teamName;
		}
		return post == null ? regionName : regionName + " " + post;
	}

}
