package cn.huoxian.record;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Entering an accountability: its kind, the day it was decided (not in the future by the
 * application's clock), the level that decided it and the text (required, at most 1000
 * characters).
 */
public record AccountabilityForm(@NotNull(message = "{problem.required}") AccountabilityKind kind,
		@NotNull(message = "{problem.required}") @PlausibleDate @PastOrPresent(
				message = "{problem.field.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
		@NotNull(message = "{problem.required}") AccountabilityLevel decidedLevel,
		@NotBlank(message = "{problem.required}") @Size(max = 1000,
				message = "{record.field.too-long}") String detail) {
}
