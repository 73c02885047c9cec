package cn.huoxian.org;

import java.time.LocalDate;

/**
 * A party organisation: its place in the party tree, where it sits, and for temporary
 * ones their post.
 */
public record PartyOrganisationView(long id, String code, String name, PartyOrganisationKind kind, Long parentId,
		String orgPath, String regionCode, String path, Long unitId, boolean temporary, TemporaryCategory category,
		String post, LocalDate setUpOn, LocalDate dissolvedOn) {

	public boolean isActiveOn(LocalDate day) {
		return (setUpOn == null || !setUpOn.isAfter(day)) && (dissolvedOn == null || dissolvedOn.isAfter(day));
	}

}
