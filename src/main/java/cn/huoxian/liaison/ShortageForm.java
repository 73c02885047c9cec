package cn.huoxian.liaison;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A community's shortage raised to its paired unit: {@code kind}, {@code item} (≤100),
 * {@code quantity} (1..1,000,000) and an optional {@code note} (≤500).
 */
public record ShortageForm(ShortageKind kind, @Size(max = 100) String item,
		// the range is checked by the service with the other fields, all named at once
		@Schema(minimum = "1", maximum = "1000000") Integer quantity, @Size(max = 500) String note) {
}
