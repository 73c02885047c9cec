package cn.huoxian.screening;

import java.time.OffsetDateTime;
import java.util.Set;

import cn.huoxian.shared.RegionPath;

/**
 * A visit found a resident with fever, symptoms, high-risk travel or contact: follow-up
 * is due.
 */
public record ResidentFlagged(long flagId, long campaignId, long personId, long householdId, RegionPath path,
		Set<Flag> flags, OffsetDateTime visitedAt) {
}
