package cn.huoxian.deployment;

import java.util.Map;

/**
 * What a batch of ticks for one party member did: households linked and unlinked, and the
 * reason each refused household was refused (by household id).
 */
public record LinkOutcome(int linked, int unlinked, Map<Long, String> errors) {
}
