package cn.huoxian.screening;

import java.util.List;
import java.util.UUID;

/**
 * A batch of screening visits was recorded (only those new in the batch). Listeners that
 * run after the commit take this one event per batch instead of one per visit, which
 * keeps a durable event registry cheap at thousands of visits a second; the visits are in
 * {@code screening_visit} under these ids.
 */
public record VisitsRecorded(long campaignId, Long visitorPersonId, List<UUID> visitIds) {

	public VisitsRecorded {
		visitIds = List.copyOf(visitIds);
	}

}
