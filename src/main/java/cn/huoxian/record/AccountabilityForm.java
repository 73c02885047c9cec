package cn.huoxian.record;

import java.time.LocalDate;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Size;

/**
 * Entering an accountability: its kind, the day it was decided (not in the future), the
 * level that decided it and the text (required, at most 1000 characters).
 */
public record AccountabilityForm(AccountabilityKind kind, @PlausibleDate LocalDate occurredOn,
		AccountabilityLevel decidedLevel, @Size(max = 1000) String detail) {
}
