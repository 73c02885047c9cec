package cn.huoxian.inspection;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Closing a rectification: what was done, and the day (default today). */
public record CloseForm(@NotBlank(message = "{rectification.field.evidence}") @Size(max = 1000,
		message = "{inspection.field.too-long}") String evidence, @PlausibleDate LocalDate closedOn) {
}
