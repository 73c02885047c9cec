package cn.huoxian.isolation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts of isolation cases per region kept for the region pages and the dashboard: a
 * count is kept {@value #KEEP_MILLIS} ms, but once any case starts, is contacted or ends
 * (after its commit) a count taken before that is served at most {@value #FRESH_MILLIS}
 * ms after it was taken. So the hot tree page counts a region at most once a second under
 * a stream of contacts, and a dashboard polling every 4 s shows a commit on its next poll
 * but one (within 5 s).
 */
@Component
class KeptCounts {

	static final long KEEP_MILLIS = 30_000;

	static final long FRESH_MILLIS = 1_000;

	/** A city has about 13,000 regions, two figures each; yesterday's keys go too. */
	private static final int MAX_KEPT = 40_000;

	/** Milliseconds of a monotonic clock: ages, not business time. */
	private final LongSupplier millis;

	private final Map<String, Counted> counted = new ConcurrentHashMap<>();

	/** When a case last changed (a commit), in {@link #millis}. */
	private volatile long changedAt = Long.MIN_VALUE;

	@org.springframework.beans.factory.annotation.Autowired
	KeptCounts() {
		this(() -> System.nanoTime() / 1_000_000);
	}

	KeptCounts(LongSupplier millis) {
		this.millis = millis;
	}

	private record Counted(long value, long at) {
	}

	/** The kept count under this key, or a new one. */
	long get(String key, LongSupplier count) {
		long now = millis.getAsLong();
		Counted kept = counted.get(key);
		// taken in the same millisecond as a commit, a count may predate it: stale
		if (kept != null && now - kept.at() < KEEP_MILLIS
				&& (kept.at() > changedAt || now - kept.at() < FRESH_MILLIS)) {
			return kept.value();
		}
		long value = count.getAsLong();
		if (counted.size() > MAX_KEPT) {
			counted.clear();
		}
		counted.put(key, new Counted(value, now));
		return value;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void started(Events.IsolationStarted event) {
		changed();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void contacted(Events.ContactMade event) {
		changed();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void ended(Events.IsolationEnded event) {
		changed();
	}

	void changed() {
		changedAt = millis.getAsLong();
	}

}
