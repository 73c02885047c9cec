package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Forming a commando team: its name, the party organisation it belongs to, the region it
 * works in (a code; default the organisation's region, and within its subtree), its
 * leader (a party member), its task and the day it was formed (default today).
 */
public record TeamForm(
		@NotBlank(message = "{problem.required}") @Size(max = 100, message = "{vanguard.field.too-long}") String name,
		@NotNull(message = "{problem.required}") @Min(1) Long partyOrganisationId,
		@Size(max = 20, message = "{vanguard.field.too-long}") String region, @Min(1) Long leaderId,
		@Size(max = 500, message = "{vanguard.field.too-long}") String task,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate formedOn) {
}
