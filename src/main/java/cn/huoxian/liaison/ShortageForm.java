package cn.huoxian.liaison;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A community's shortage raised to its paired unit: {@code kind}, {@code item} (≤100),
 * {@code quantity} (1..1,000,000) and an optional {@code note} (≤500).
 */
public record ShortageForm(@NotNull(message = "{shortage.field.kind}") ShortageKind kind,
		@NotBlank(message = "{problem.required}") @Size(max = 100, message = "{liaison.field.too-long}") String item,
		@NotNull(message = "{problem.required}") @Min(value = 1, message = "{liaison.field.quantity}") @Max(
				value = 1_000_000, message = "{liaison.field.quantity}") Integer quantity,
		@Size(max = 500, message = "{liaison.field.too-long}") String note) {
}
