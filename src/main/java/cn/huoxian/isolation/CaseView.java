package cn.huoxian.isolation;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;

/** A case as the API and pages show it. */
public record CaseView(long id, long personId, String personName, RegionPath path, CaseType type,
		@Nullable CaseReason reason, @Nullable Long flagId, LocalDate startDate, @Nullable LocalDate endDate,
		LocalDate plannedEnd, @Nullable String place, @Nullable String contactTime, CaseStatus status,
		List<Long> responsibleIds) {
}
