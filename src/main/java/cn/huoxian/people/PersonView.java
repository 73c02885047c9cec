package cn.huoxian.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as shown to a user: ID number and phone masked unless revealed (and audited).
 * {@code roles} holds the role codes; {@code roleDetails} the facts of each.
 */
public record PersonView(long id, String name, String idNumber, LocalDate birthDate, String sex, String phone,
		Long householdId, String regionCode, String path, List<RoleKind> roles, List<PersonRoleView> roleDetails,
		boolean masked) {

	public boolean holds(RoleKind role) {
		return roles.contains(role);
	}

}
