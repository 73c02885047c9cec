package cn.huoxian.liaison;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An entry of a pairing's ledger: {@code {"day","entry"}}; the day defaults to today (not
 * after today by the application's clock), the entry (≤1000) is required.
 */
public record PairingLogForm(
		@PlausibleDate @PastOrPresent(message = "{problem.field.future}") @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate day,
		@NotBlank(message = "{problem.required}") @Size(max = 1000,
				message = "{liaison.field.too-long}") String entry) {
}
