package cn.huoxian.isolation;

import java.time.LocalDate;
import java.util.List;

/** A case as the API and pages show it. */
public record CaseView(long id, long personId, String personName, String path, CaseType type, CaseReason reason,
		Long flagId, LocalDate startDate, LocalDate endDate, LocalDate plannedEnd, String place, String contactTime,
		CaseStatus status, List<Long> responsibleIds) {
}
