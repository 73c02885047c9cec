package cn.huoxian.isolation;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Opening a case. {@code periodDays} defaults per type; {@code flagId} links a resident
 * flagged in screening (the flag is then marked handled); {@code contactTime} is the
 * fixed daily time, HH:mm.
 */
public record CaseForm(@NotNull(message = "{problem.required}") @Min(1) Long personId,
		@NotNull(message = "{problem.required}") CaseType type,
		@NotNull(message = "{problem.required}") CaseReason reason, @Min(1) Long flagId,
		@PlausibleDate LocalDate startDate,
		@Min(value = 1, message = "{isolation.field.period}") @Max(value = 60,
				message = "{isolation.field.period}") Integer periodDays,
		@Size(max = 200) String place,
		@Size(max = 5, message = "{isolation.problem.contact-time}") @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d",
				message = "{isolation.problem.contact-time}") String contactTime,
		@NotEmpty(message = "{isolation.problem.responsible}") @Size(max = 20) List<@Min(1) Long> responsibleIds) {
}
