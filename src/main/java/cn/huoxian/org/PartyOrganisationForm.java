package cn.huoxian.org;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Setting up or changing a party organisation; temporary ones need a category, a post and
 * a set-up date.
 */
public record PartyOrganisationForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Z-]{2,40}",
				message = "{org.error.party-organisation.code}") String code,
		@NotBlank @Size(max = 200) String name, @NotNull PartyOrganisationKind kind, @Min(1) Long parentId,
		@Size(max = 20) String regionCode, @Min(1) Long unitId, Boolean temporary, TemporaryCategory category,
		@Size(max = 200) String post, @PlausibleDate(from = "1921-07-01") LocalDate setUpOn,
		@PlausibleDate(from = "1921-07-01") LocalDate dissolvedOn) {

	/** Missing means a standing (not temporary) organisation. */
	public boolean isTemporary() {
		return Boolean.TRUE.equals(temporary);
	}

}
