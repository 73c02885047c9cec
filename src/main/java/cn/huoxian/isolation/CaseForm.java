package cn.huoxian.isolation;

import java.time.LocalDate;
import java.util.List;

/**
 * Opening a case. {@code periodDays} defaults per type; {@code flagId} links a resident
 * flagged in screening (the flag is then marked handled); {@code contactTime} is the
 * fixed daily time, HH:mm.
 */
public record CaseForm(Long personId, CaseType type, CaseReason reason, Long flagId, LocalDate startDate,
		Integer periodDays, String place, String contactTime, List<Long> responsibleIds) {
}
