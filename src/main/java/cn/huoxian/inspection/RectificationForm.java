package cn.huoxian.inspection;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A finding turned into a rectification: under which look, what to fix, who owns it and
 * by when (not before the inspection).
 */
public record RectificationForm(@NotNull(message = "{problem.required}") Look look,
		@NotBlank(message = "{rectification.field.item}") @Size(max = 500,
				message = "{inspection.field.too-long}") String item,
		@NotNull(message = "{problem.required}") @Min(1) Long ownerId,
		@NotNull(message = "{problem.required}") @PlausibleDate LocalDate deadline) {
}
