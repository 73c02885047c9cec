package cn.huoxian.deployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A community's shortage raised to its paired unit: {@code kind}, {@code item} (≤100),
 * {@code quantity} (1..1,000,000) and an optional {@code note} (≤500).
 */
public record ShortageForm(ShortageKind kind, @Size(max = 100) String item, @Min(1) @Max(1_000_000) Integer quantity,
		@Size(max = 500) String note) {
}
