package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.jooq.DSLContext;

/**
 * Waits on the record inbox instead of sleeping: an event's keys are queued with its
 * transaction, so "nothing more was recorded" can be asserted once the drainer has taken
 * the row, or has looked at it and left it.
 */
final class InboxWaits {

	private final DSLContext db;

	private final RecordInbox inbox;

	private final InboxDrainer drainer;

	InboxWaits(DSLContext db, RecordInbox inbox, InboxDrainer drainer) {
		this.db = db;
		this.inbox = inbox;
		this.drainer = drainer;
	}

	/** The keys of the rows queued for a source type, one string per row. */
	List<String> queued(String sourceType) {
		return db.select(RECORD_INBOX.SOURCE_KEYS)
			.from(RECORD_INBOX)
			.where(RECORD_INBOX.SOURCE_TYPE.eq(sourceType))
			.fetch(RECORD_INBOX.SOURCE_KEYS);
	}

	/**
	 * Publishes with the record paused, checks that the row of {@code keys} was queued,
	 * then lets the drainer run and waits until it has taken that row.
	 */
	void publishAndAwaitTaken(String sourceType, String keys, Runnable publish) {
		inbox.pause("test");
		try {
			publish.run();
			assertThat(queued(sourceType)).as("queued by the event").contains(keys);
		}
		finally {
			inbox.resume();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(queued(sourceType)).as("taken by the drainer").doesNotContain(keys));
	}

	/**
	 * Returns once the drainer has tried a whole micro-batch that began after this call:
	 * whatever was queued before has had its chance.
	 */
	void awaitADrainerPass() {
		long seen = drainer.passes();
		inbox.wake();
		// one more pass may have begun before the call: two make sure a whole one came
		// after
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			inbox.wake();
			return drainer.passes() >= seen + 2;
		});
	}

}
