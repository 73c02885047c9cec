package cn.huoxian.screening;

import java.util.List;
import java.util.UUID;

/**
 * A batch of screening visits was recorded (only those new in the batch), published in
 * the batch's transaction. Listeners take this one event per batch instead of one per
 * visit — the performance record queues it as one inbox row — which keeps thousands of
 * visits a second cheap; the visits are in {@code screening_visit} under these ids.
 */
public record VisitsRecorded(long campaignId, Long visitorPersonId, List<UUID> visitIds) {

	public VisitsRecorded {
		visitIds = List.copyOf(visitIds);
	}

}
