package cn.huoxian.deployment;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ending a deployment: the day (default today) and why. */
public record EndForm(@PlausibleDate LocalDate endDate, @NotBlank(message = "{problem.required}") @Size(max = 200,
		message = "{deployment.field.too-long}") String reason) {
}
