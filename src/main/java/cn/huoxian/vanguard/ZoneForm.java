package cn.huoxian.vanguard;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A responsibility zone (党员责任区): the party member, the region (code; default the person's
 * region), the area they answer for and since when (default today).
 */
public record ZoneForm(@Min(1) Long personId, @Size(max = 20, message = "{vanguard.field.too-long}") String region,
		@NotBlank(message = "{problem.required}") @Size(max = 200, message = "{vanguard.field.too-long}") String area,
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate since) {
}
