package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A model post (党员示范岗): its name, party organisation, holder (a party member), region
 * (code; default the organisation's region) and the day it was designated (default
 * today).
 */
public record ModelPostForm(
		@NotBlank(message = "{problem.required}") @Size(max = 200, message = "{vanguard.field.too-long}") String name,
		@NotNull(message = "{problem.required}") @Min(1) Long partyOrganisationId, @Min(1) Long holderId,
		@Size(max = 20, message = "{vanguard.field.too-long}") String region,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate designatedOn) {
}
