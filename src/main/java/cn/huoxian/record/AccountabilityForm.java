package cn.huoxian.record;

import java.time.LocalDate;

/**
 * Entering an accountability: its kind, the day it was decided (not in the future), the
 * level that decided it and the text (required, at most 1000 characters).
 */
public record AccountabilityForm(AccountabilityKind kind, LocalDate occurredOn, AccountabilityLevel decidedLevel,
		String detail) {
}
