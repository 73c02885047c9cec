package cn.huoxian.inspection;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A finding turned into a rectification: under which look, what to fix, who owns it and
 * by when (not before the inspection).
 */
public record RectificationForm(Look look, @Size(max = 500) String item, @Min(1) Long ownerId,
		@PlausibleDate LocalDate deadline) {
}
