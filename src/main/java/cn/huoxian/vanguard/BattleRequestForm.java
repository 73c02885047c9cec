package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A battle request (请战书): the party member, the day it was submitted (default today, not
 * in the future) and its text (required, at most 2,000 characters).
 */
public record BattleRequestForm(@Min(1) Long personId,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate submittedOn,
		@NotBlank(message = "{problem.required}") @Size(max = BattleRequests.MAX_TEXT,
				message = "{vanguard.field.too-long}") String text) {
}
