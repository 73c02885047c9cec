package cn.huoxian.screening;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A screening visit was recorded, attributed to the person who made it. */
public record VisitRecorded(UUID visitId, long campaignId, long householdId, Long visitorPersonId,
		OffsetDateTime visitedAt, Outcome outcome) {
}
