package cn.huoxian.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registering or correcting a household; a building is found or created by name in the
 * grid.
 */
public record HouseholdForm(@NotBlank @Size(max = 20) String regionCode, @Size(max = 100) String building,
		@NotBlank @Size(max = 200) String address, @Size(max = 40) String door) {
}
