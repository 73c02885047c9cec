package cn.huoxian.people;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registering or correcting a person: a resident gives a household; anyone else the
 * region they belong to. Birth date and sex come from the ID number.
 */
public record PersonForm(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 18) String idNumber,
		@Size(max = 20) String phone, @Min(1) Long householdId, @Size(max = 20) String regionCode,
		@Valid @Size(max = 10) List<@Valid PersonRoleView> roles) {

	public List<PersonRoleView> rolesOrEmpty() {
		return roles == null ? List.of() : roles;
	}

}
