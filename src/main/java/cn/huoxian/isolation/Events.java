package cn.huoxian.isolation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.RegionPath;

/** The events isolation publishes for the performance record and other listeners. */
public final class Events {

	private Events() {
	}

	/** A case was opened. */
	public record IsolationStarted(long caseId, long personId, RegionPath path, LocalDate startDate,
			LocalDate endDate) {
	}

	/** A responsible cadre made (or tried) the daily contact. */
	public record ContactMade(long contactId, long caseId, Long madeBy, OffsetDateTime contactedAt,
			LocalDate businessDay, boolean reached) {
	}

	/** A need was delivered by its helper. */
	public record NeedDelivered(long needId, long caseId, Long helperId, OffsetDateTime deliveredAt) {
	}

	/** A case ended: released, sent to hospital or lost to follow-up. */
	public record IsolationEnded(long caseId, long personId, CaseStatus status, OffsetDateTime endedAt) {
	}

}
