package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_CONTROL;
import static cn.huoxian.db.Tables.RECORD_INBOX;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.huoxian.access.AuditLog;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record's inbox. A source's listener queues the keys of the rows an event names
 * here, inside the publishing transaction: the work is stored with its source (never
 * lost, never there without it), and {@link InboxDrainer} turns many queued keys into
 * entries in one transaction.
 */
@Component
public class RecordInbox {

	/** Keys per inbox row: a batch of 1,000 visits is one row. */
	static final int KEYS_PER_ROW = 1_000;

	private final DSLContext db;

	private final Object signal = new Object();

	private boolean signalled;

	private final AuditLog audit;

	private final Clock clock;

	RecordInbox(DSLContext db, AuditLog audit, Clock clock) {
		this.db = db;
		this.audit = audit;
		this.clock = clock;
	}

	/** Queues the keys of a source's rows; the drainer is woken once this commits. */
	void enqueue(String sourceType, Collection<?> keys) {
		List<String> all = keys.stream().map(String::valueOf).toList();
		for (int from = 0; from < all.size(); from += KEYS_PER_ROW) {
			db.insertInto(RECORD_INBOX)
				.set(RECORD_INBOX.SOURCE_TYPE, sourceType)
				.set(RECORD_INBOX.SOURCE_KEYS,
						String.join(",", all.subList(from, Math.min(all.size(), from + KEYS_PER_ROW))))
				.execute();
		}
		if (all.isEmpty()) {
			return;
		}
		afterCommit(this::wake);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * What waits in the inbox: rows, rows that failed and wait for a retry (with the last
	 * error), the oldest row that has not failed, and whether the record is paused.
	 */
	public record Status(long rows, long failed, @Nullable OffsetDateTime oldestQueuedAt, @Nullable String lastError,
			boolean paused, @Nullable String pausedBy, @Nullable OffsetDateTime pausedAt) {
	}

	public Status status() {
		var totals = db
			.select(DSL.count(), DSL.count(RECORD_INBOX.LAST_ERROR),
					DSL.min(RECORD_INBOX.QUEUED_AT).filterWhere(RECORD_INBOX.LAST_ERROR.isNull()))
			.from(RECORD_INBOX)
			.fetchOne();
		String lastError = db.select(RECORD_INBOX.LAST_ERROR)
			.from(RECORD_INBOX)
			.where(RECORD_INBOX.LAST_ERROR.isNotNull())
			.orderBy(RECORD_INBOX.ID.desc())
			.limit(1)
			.fetchOne(RECORD_INBOX.LAST_ERROR);
		var control = db.fetchOne(RECORD_CONTROL, RECORD_CONTROL.ID.eq(1));
		return new Status(totals.value1(), totals.value2(), totals.value3(), lastError, control.getPaused(),
				control.getPausedBy(), control.getPausedAt());
	}

	/**
	 * Stops every drainer, on every instance, from taking the queue until
	 * {@link #resume}; work keeps being queued (e.g. during a bulk import or
	 * maintenance).
	 */
	@Transactional
	public Status pause(String by) {
		db.update(RECORD_CONTROL)
			.set(RECORD_CONTROL.PAUSED, true)
			.set(RECORD_CONTROL.PAUSED_BY, by)
			.set(RECORD_CONTROL.PAUSED_AT, OffsetDateTime.now(clock))
			.where(RECORD_CONTROL.ID.eq(1))
			.execute();
		return status();
	}

	@Transactional
	public Status resume() {
		db.update(RECORD_CONTROL)
			.set(RECORD_CONTROL.PAUSED, false)
			.setNull(RECORD_CONTROL.PAUSED_BY)
			.setNull(RECORD_CONTROL.PAUSED_AT)
			.where(RECORD_CONTROL.ID.eq(1))
			.execute();
		afterCommit(this::wake);
		return status();
	}

	/** Failed rows are due again now (after the cause was fixed); how many. */
	@Transactional
	public int retryFailed() {
		int rows = db.update(RECORD_INBOX)
			.setNull(RECORD_INBOX.NOT_BEFORE)
			.where(RECORD_INBOX.LAST_ERROR.isNotNull())
			.execute();
		afterCommit(this::wake);
		return rows;
	}

	/**
	 * Drops the failed rows (e.g. of a source that no longer exists); how many. Their
	 * work stays in the sources, so a rebuild restores whatever entries it still gives.
	 * Audited.
	 */
	@Transactional
	public int discardFailed(String by, String remote) {
		int rows = db.deleteFrom(RECORD_INBOX).where(RECORD_INBOX.LAST_ERROR.isNotNull()).execute();
		audit.record(by, "RECORD_INBOX_DISCARDED", "record_inbox", rows + " failed rows", null, remote);
		return rows;
	}

	/** Tells the drainer there is work (or that it should look at its state). */
	void wake() {
		synchronized (this.signal) {
			this.signalled = true;
			this.signal.notifyAll();
		}
	}

	/** Waits until woken or the time has passed; a wake that came earlier counts. */
	void awaitWork(long millis) throws InterruptedException {
		synchronized (this.signal) {
			if (!this.signalled) {
				this.signal.wait(millis);
			}
			this.signalled = false;
		}
	}

	/** The rows queued now, failed ones included. */
	public long queued() {
		return db.fetchCount(RECORD_INBOX);
	}

}
