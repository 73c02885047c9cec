package cn.huoxian.liaison;

import java.time.OffsetDateTime;

/**
 * The events liaison causes, for the performance record (issue 6).
 */
public final class Events {

	private Events() {
	}

	/** A paired unit resolved a community's shortage. */
	public record ShortageResolved(long shortageId, long pairingId, long unitId, OffsetDateTime resolvedAt) {
	}

}
