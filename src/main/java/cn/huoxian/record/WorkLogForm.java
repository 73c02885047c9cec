package cn.huoxian.record;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A day's work log: {@code day} defaults to today (Asia/Shanghai), may not be in the
 * future (by the application's clock) nor older than 7 days (the service checks that);
 * {@code text} is required (at most 2000 characters); {@code witnessIds} names up to 5
 * persons, not the author.
 */
public record WorkLogForm(@PlausibleDate @PastOrPresent(message = "{problem.field.future}") LocalDate day,
		@NotBlank(message = "{problem.required}") @Size(max = 2000, message = "{record.field.too-long}") String text,
		@Size(max = WorkLogs.MAX_WITNESSES, message = "{record.field.witness-count}") List<@NotNull(
				message = "{record.error.worklog.empty-witness}") @Min(1) Long> witnessIds) {
}
