package cn.huoxian.org;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registering a unit; the code is its unified social credit code or an internal code. */
public record UnitForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Z-]{4,40}", message = "{org.error.unit.code}") String code,
		@NotBlank @Size(max = 200) String name, @NotNull UnitKind kind, @NotBlank @Size(max = 20) String regionCode,
		@Min(1) Long partyOrganisationId) {
}
