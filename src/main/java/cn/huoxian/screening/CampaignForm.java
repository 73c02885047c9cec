package cn.huoxian.screening;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Opening a campaign over a region the user holds: all households under it, for a period. */
public record CampaignForm(@NotBlank @Size(max = 100) String name, @NotBlank String rootRegion,
		@NotNull LocalDate startsOn, @NotNull LocalDate endsOn, Set<Question> questions) {
}
