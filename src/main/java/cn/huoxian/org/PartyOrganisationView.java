package cn.huoxian.org;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A party organisation: its place in the party tree, where it sits, and for temporary
 * ones their post.
 */
public record PartyOrganisationView(long id, String code, String name, PartyOrganisationKind kind,
		@Nullable Long parentId, String orgPath, String regionCode, RegionPath path, @Nullable Long unitId,
		boolean temporary, @Nullable TemporaryCategory category, @Nullable String post, @Nullable LocalDate setUpOn,
		@Nullable LocalDate dissolvedOn) {

	public boolean isActiveOn(LocalDate day) {
		return (setUpOn == null || !setUpOn.isAfter(day)) && (dissolvedOn == null || dissolvedOn.isAfter(day));
	}

}
