package cn.huoxian.people;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/**
 * A person as shown to a user: ID number and phone masked unless revealed (and audited).
 * {@code roles} holds the role codes; {@code roleDetails} the facts of each.
 */
public record PersonView(long id, String name, String idNumber, @Nullable LocalDate birthDate, @Nullable String sex,
		@Nullable String phone, @Nullable Long householdId, String regionCode, RegionPath path, List<RoleKind> roles,
		List<PersonRoleView> roleDetails, boolean masked) {

	public boolean holds(RoleKind role) {
		return roles.contains(role);
	}

}
