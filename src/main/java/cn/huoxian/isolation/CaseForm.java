package cn.huoxian.isolation;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Opening a case. {@code periodDays} defaults per type; {@code flagId} links a resident
 * flagged in screening (the flag is then marked handled); {@code contactTime} is the
 * fixed daily time, HH:mm.
 */
public record CaseForm(@Min(1) Long personId, CaseType type, CaseReason reason, @Min(1) Long flagId,
		@PlausibleDate LocalDate startDate, @Min(1) @Max(60) Integer periodDays, @Size(max = 200) String place,
		@Size(max = 5) String contactTime, @Size(max = 20) List<@Min(1) Long> responsibleIds) {
}
