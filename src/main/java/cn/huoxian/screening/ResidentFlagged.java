package cn.huoxian.screening;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A visit found a resident with fever, symptoms, high-risk travel or contact: follow-up
 * is due.
 */
public record ResidentFlagged(long flagId, long campaignId, long personId, long householdId, String path,
		Set<Flag> flags, OffsetDateTime visitedAt) {
}
