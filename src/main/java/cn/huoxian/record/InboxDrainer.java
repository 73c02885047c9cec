package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_CONTROL;
import static cn.huoxian.db.Tables.RECORD_INBOX;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.RecordInboxRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the inbox into entries in micro-batches: one transaction takes up to
 * {@value #MAX_KEYS} queued keys, asks each source for the entries of its rows, adds them
 * in one batch and deletes what it took. One transaction per few thousand events instead
 * of one per event is what lets the record keep up (docs/BENCHMARKS.md).
 * <p>
 * A batch first takes the {@code record_control} row with {@code SKIP LOCKED}: while a
 * rebuild (or another instance's batch) holds it, or the record is paused, the drainer
 * takes nothing and waits — so it never races a rebuild's uncommitted entries. A batch
 * that fails is retried row by row; a row that fails alone waits (5 s, doubling up to 10
 * minutes) with its error kept, while the rest go on.
 */
@Component
class InboxDrainer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboxDrainer.class);

	static final int MAX_ROWS = 500;

	static final int MAX_KEYS = 5_000;

	/** How long the drainer waits when idle (or held back) and nobody wakes it. */
	private static final long IDLE_MILLIS = 1_000;

	/**
	 * After a partial batch, how long events gather before the next one
	 * ({@code huoxian.record.linger}): under load the batches grow and the transactions
	 * per event fall, at the cost of this much delay.
	 */
	private final long lingerMillis;

	private final DSLContext db;

	private final TransactionTemplate transactions;

	private final RecordInbox inbox;

	private final Map<String, TableSource> sources;

	private final RecordWriter writer;

	private final Clock clock;

	/**
	 * Micro-batches tried, taken or not: tests wait on it to know the drainer has looked.
	 */
	private final AtomicLong passes = new AtomicLong();

	/**
	 * The running worker; null when stopped. A replaced worker ends at its next check.
	 */
	private volatile Worker worker;

	InboxDrainer(DSLContext db, TransactionTemplate transactions, RecordInbox inbox, List<TableSource> sources,
			RecordWriter writer, RecordSettings settings, Clock clock) {
		this.clock = clock;
		this.lingerMillis = settings.linger().toMillis();
		this.db = db;
		this.writer = writer;
		this.transactions = transactions;
		this.inbox = inbox;
		this.sources = sources.stream().collect(Collectors.toMap(TableSource::type, Function.identity()));
	}

	@Override
	public synchronized void start() {
		if (this.worker != null) {
			return;
		}
		Worker started = new Worker();
		this.worker = started;
		started.thread.start();
	}

	@Override
	public synchronized void stop() {
		Worker stopping = this.worker;
		this.worker = null;
		if (stopping == null) {
			return;
		}
		stopping.stopped.countDown();
		this.inbox.wake();
		try {
			stopping.thread.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	/** One drainer thread; it ends as soon as it is no longer the current worker. */
	private final class Worker implements Runnable {

		final CountDownLatch stopped = new CountDownLatch(1);

		final Thread thread = new Thread(this, "record-inbox");

		Worker() {
			this.thread.setDaemon(true);
		}

		boolean current() {
			return InboxDrainer.this.worker == this && this.stopped.getCount() > 0;
		}

		@Override
		public void run() {
			while (current()) {
				try {
					Drained drained = drainOnce(this);
					if (drained.rows() == 0) {
						InboxDrainer.this.inbox.awaitWork(IDLE_MILLIS);
					}
					else if (!drained.more()) {
						// the queue is drained: let the next events gather instead of
						// taking
						// them one transaction each
						this.stopped.await(InboxDrainer.this.lingerMillis, TimeUnit.MILLISECONDS);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception | Error ex) {
					if (current()) {
						log.warn("record inbox: draining failed, trying again shortly", ex);
						pause();
					}
				}
			}
		}

		private void pause() {
			try {
				this.stopped.await(IDLE_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** Inbox rows done by one micro-batch, and whether more were due than it took. */
	record Drained(int rows, boolean more) {

		static final Drained NOTHING = new Drained(0, false);

	}

	/** How many micro-batches the drainer has tried so far. */
	long passes() {
		return this.passes.get();
	}

	/** Takes one micro-batch (nothing while the record is held or paused). */
	private Drained drainOnce(Worker by) {
		try {
			return takeOnce(by);
		}
		finally {
			this.passes.incrementAndGet();
		}
	}

	private Drained takeOnce(Worker by) {
		try {
			Drained drained = this.transactions.execute(status -> {
				if (!mayWrite()) {
					return Drained.NOTHING;
				}
				List<RecordInboxRecord> due = due(MAX_ROWS);
				List<RecordInboxRecord> taken = upToMaxKeys(due);
				apply(taken);
				return new Drained(taken.size(), taken.size() < due.size() || due.size() == MAX_ROWS);
			});
			return drained == null ? Drained.NOTHING : drained;
		}
		catch (RuntimeException batchFailed) {
			// one bad row must not hold up the others: try each alone
			return new Drained(drainRowByRow(by), true);
		}
	}

	/**
	 * Takes the control row for this transaction unless a rebuild or another batch holds
	 * it, and tells whether the record is not paused.
	 */
	private boolean mayWrite() {
		Boolean paused = this.db.select(RECORD_CONTROL.PAUSED)
			.from(RECORD_CONTROL)
			.where(RECORD_CONTROL.ID.eq(1))
			.forUpdate()
			.skipLocked()
			.fetchOne(RECORD_CONTROL.PAUSED);
		return Boolean.FALSE.equals(paused);
	}

	/**
	 * The due rows nobody else holds, oldest first, locked (another instance's drainer
	 * skips them).
	 */
	private List<RecordInboxRecord> due(int rows) {
		return this.db.selectFrom(RECORD_INBOX)
			.where(RECORD_INBOX.NOT_BEFORE.isNull().or(RECORD_INBOX.NOT_BEFORE.le(OffsetDateTime.now(this.clock))))
			.orderBy(RECORD_INBOX.ID)
			.limit(rows)
			.forUpdate()
			.skipLocked()
			.fetch();
	}

	/** The first rows up to {@value #MAX_KEYS} keys (at least one row). */
	private static List<RecordInboxRecord> upToMaxKeys(List<RecordInboxRecord> due) {
		List<RecordInboxRecord> taken = new ArrayList<>();
		int keys = 0;
		for (RecordInboxRecord row : due) {
			keys += keys(row).size();
			if (!taken.isEmpty() && keys > MAX_KEYS) {
				break;
			}
			taken.add(row);
		}
		return taken;
	}

	/**
	 * The entries of the rows' keys, added in one batch; the rows deleted. A row of a
	 * source type nobody knows (a source removed or renamed) waits with that error.
	 */
	private void apply(List<RecordInboxRecord> rows) {
		Map<String, List<String>> keysBySource = new LinkedHashMap<>();
		List<Long> done = new ArrayList<>();
		for (RecordInboxRecord row : rows) {
			if (this.sources.containsKey(row.getSourceType())) {
				keysBySource.computeIfAbsent(row.getSourceType(), k -> new ArrayList<>()).addAll(keys(row));
				done.add(row.getId());
			}
			else {
				postpone(row.getId(), row.getAttempts(), "no record source of type " + row.getSourceType());
			}
		}
		List<Entry> entries = new ArrayList<>();
		keysBySource.forEach((type, keys) -> this.sources.get(type).entriesOf(keys, entries::add));
		this.writer.addAll(entries);
		if (!done.isEmpty()) {
			this.db.deleteFrom(RECORD_INBOX).where(RECORD_INBOX.ID.in(done)).execute();
		}
	}

	/** After a failed batch: each due row in its own transaction, failures postponed. */
	private int drainRowByRow(Worker by) {
		List<Long> ids = this.db.select(RECORD_INBOX.ID)
			.from(RECORD_INBOX)
			.where(RECORD_INBOX.NOT_BEFORE.isNull().or(RECORD_INBOX.NOT_BEFORE.le(OffsetDateTime.now(this.clock))))
			.orderBy(RECORD_INBOX.ID)
			.limit(MAX_ROWS)
			.fetch(RECORD_INBOX.ID);
		int done = 0;
		for (Long id : ids) {
			if (!by.current()) {
				break;
			}
			try {
				Boolean took = this.transactions.execute(status -> {
					if (!mayWrite()) {
						return false;
					}
					RecordInboxRecord row = this.db.selectFrom(RECORD_INBOX)
						.where(RECORD_INBOX.ID.eq(id))
						.forUpdate()
						.skipLocked()
						.fetchOne();
					if (row != null) {
						apply(List.of(row));
					}
					return true;
				});
				if (!Boolean.TRUE.equals(took)) {
					break; // held by a rebuild or paused: later
				}
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("record inbox: row {} failed and waits for a retry: {}", id, ex.toString());
				try {
					this.transactions
						.executeWithoutResult(status -> postpone(id, null, String.valueOf(ex.getMessage())));
				}
				catch (RuntimeException postponeFailed) {
					log.warn("record inbox: could not postpone row {}: {}", id, postponeFailed.toString());
				}
			}
		}
		return done;
	}

	/**
	 * Keeps a failed row with its error, to be tried again later (5 s, 10 s, … 10 min);
	 * {@code attempts} when known, else read.
	 */
	private void postpone(long id, Integer attempts, String error) {
		Integer before = attempts != null ? attempts
				: this.db.select(RECORD_INBOX.ATTEMPTS)
					.from(RECORD_INBOX)
					.where(RECORD_INBOX.ID.eq(id))
					.fetchOne(RECORD_INBOX.ATTEMPTS);
		if (before == null) {
			return;
		}
		long wait = Math.min(600, 5L << Math.min(before, 7));
		this.db.update(RECORD_INBOX)
			.set(RECORD_INBOX.ATTEMPTS, before + 1)
			.set(RECORD_INBOX.NOT_BEFORE, OffsetDateTime.now(this.clock).plusSeconds(wait))
			.set(RECORD_INBOX.LAST_ERROR, error.length() > 1_000 ? error.substring(0, 1_000) : error)
			.where(RECORD_INBOX.ID.eq(id))
			.execute();
	}

	private static List<String> keys(RecordInboxRecord row) {
		return Arrays.asList(row.getSourceKeys().split(","));
	}

}
