package cn.huoxian.people;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registering or correcting a person: a resident gives a household; anyone else the
 * region they belong to. Birth date and sex come from the ID number.
 */
public record PersonForm(@NotBlank @Size(max = 50) String name, @NotBlank String idNumber, String phone,
		Long householdId, String regionCode, @Valid List<PersonRoleView> roles) {

	public List<PersonRoleView> rolesOrEmpty() {
		return roles == null ? List.of() : roles;
	}

}
