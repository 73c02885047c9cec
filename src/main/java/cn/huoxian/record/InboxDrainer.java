package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_INBOX;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.RecordInboxRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the inbox into entries in micro-batches: one transaction takes up to
 * {@value #MAX_KEYS} queued keys (locking them, so a second instance takes others), asks
 * each source for the entries of its rows, adds them in one batch and deletes what it
 * took. One transaction per few thousand events instead of one per event is what lets the
 * record keep up (docs/BENCHMARKS.md). A batch that fails is retried row by row; a row
 * that fails alone waits and is tried again, its error kept, while the rest go on.
 */
@Component
class InboxDrainer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboxDrainer.class);

	static final int MAX_ROWS = 500;

	static final int MAX_KEYS = 5_000;

	/**
	 * After a partial batch, how long events gather before the next one
	 * ({@code huoxian.record.linger}): under load the batches grow and the transactions
	 * per event fall, at the cost of this much delay.
	 */
	private final long lingerMillis;

	/** How long the drainer sleeps when idle and nobody wakes it. */
	private static final long IDLE_MILLIS = 1_000;

	private final DSLContext db;

	private final TransactionTemplate transactions;

	private final RecordInbox inbox;

	private final Map<String, TableSource> sources;

	private final RecordWriter writer;

	private volatile boolean running;

	private Thread worker;

	InboxDrainer(DSLContext db, TransactionTemplate transactions, RecordInbox inbox, List<TableSource> sources,
			RecordWriter writer, @Value("${huoxian.record.linger:50ms}") Duration linger) {
		this.lingerMillis = linger.toMillis();
		this.db = db;
		this.writer = writer;
		this.transactions = transactions;
		this.inbox = inbox;
		this.sources = sources.stream().collect(Collectors.toMap(TableSource::type, Function.identity()));
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.worker = new Thread(this::run, "record-inbox");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.inbox.wake();
		if (this.worker != null) {
			try {
				this.worker.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.worker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				Drained drained = drainOnce();
				if (drained.rows() == 0) {
					this.inbox.awaitWork(IDLE_MILLIS);
				}
				else if (!drained.more()) {
					// the queue is drained: let the next events gather instead of taking
					// them one transaction each
					Thread.sleep(this.lingerMillis);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("record inbox: draining failed, trying again shortly", ex);
					sleep();
				}
			}
		}
	}

	/** Inbox rows done by one micro-batch, and whether more were due than it took. */
	record Drained(int rows, boolean more) {
	}

	/** Takes one micro-batch. */
	Drained drainOnce() {
		try {
			Drained drained = this.transactions.execute(status -> {
				List<RecordInboxRecord> due = due();
				List<RecordInboxRecord> taken = upToMaxKeys(due);
				if (!taken.isEmpty()) {
					apply(taken);
				}
				return new Drained(taken.size(), taken.size() < due.size() || due.size() == MAX_ROWS);
			});
			return drained == null ? new Drained(0, false) : drained;
		}
		catch (RuntimeException batchFailed) {
			// one bad row must not hold up the others: try each alone
			return new Drained(drainRowByRow(), true);
		}
	}

	/**
	 * The due rows nobody else holds, oldest first, locked (another instance's drainer
	 * skips them).
	 */
	private List<RecordInboxRecord> due() {
		return this.db.selectFrom(RECORD_INBOX)
			.where(RECORD_INBOX.NOT_BEFORE.isNull().or(RECORD_INBOX.NOT_BEFORE.le(OffsetDateTime.now())))
			.orderBy(RECORD_INBOX.ID)
			.limit(MAX_ROWS)
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

	/** The entries of the rows' keys, added in one batch; the rows deleted. */
	private void apply(List<RecordInboxRecord> rows) {
		Map<String, List<String>> keysBySource = new LinkedHashMap<>();
		for (RecordInboxRecord row : rows) {
			keysBySource.computeIfAbsent(row.getSourceType(), k -> new ArrayList<>()).addAll(keys(row));
		}
		List<Entry> entries = new ArrayList<>();
		keysBySource.forEach((type, keys) -> {
			TableSource source = this.sources.get(type);
			if (source == null) {
				throw new IllegalStateException("no record source of type " + type);
			}
			source.entriesOf(keys, entries::add);
		});
		this.writer.addAll(entries);
		this.db.deleteFrom(RECORD_INBOX)
			.where(RECORD_INBOX.ID.in(rows.stream().map(RecordInboxRecord::getId).toList()))
			.execute();
	}

	private int drainRowByRow() {
		List<Long> ids = this.db.select(RECORD_INBOX.ID)
			.from(RECORD_INBOX)
			.where(RECORD_INBOX.NOT_BEFORE.isNull().or(RECORD_INBOX.NOT_BEFORE.le(OffsetDateTime.now())))
			.orderBy(RECORD_INBOX.ID)
			.limit(MAX_ROWS)
			.fetch(RECORD_INBOX.ID);
		int done = 0;
		for (Long id : ids) {
			try {
				this.transactions.executeWithoutResult(status -> {
					RecordInboxRecord row = this.db.selectFrom(RECORD_INBOX)
						.where(RECORD_INBOX.ID.eq(id))
						.forUpdate()
						.skipLocked()
						.fetchOne();
					if (row != null) {
						apply(List.of(row));
					}
				});
				done++;
			}
			catch (RuntimeException ex) {
				postpone(id, ex);
			}
		}
		return done;
	}

	/**
	 * Keeps a failed row with its error, to be tried again later (1 s, 2 s, … 10 min).
	 */
	private void postpone(long id, RuntimeException failure) {
		log.warn("record inbox: row {} failed and waits for a retry: {}", id, failure.toString());
		String error = String.valueOf(failure.getMessage());
		this.transactions.executeWithoutResult(status -> {
			Integer attempts = this.db.select(RECORD_INBOX.ATTEMPTS)
				.from(RECORD_INBOX)
				.where(RECORD_INBOX.ID.eq(id))
				.fetchOne(RECORD_INBOX.ATTEMPTS);
			if (attempts == null) {
				return;
			}
			long wait = Math.min(600, 5L << Math.min(attempts, 7));
			this.db.update(RECORD_INBOX)
				.set(RECORD_INBOX.ATTEMPTS, attempts + 1)
				.set(RECORD_INBOX.NOT_BEFORE, OffsetDateTime.now().plusSeconds(wait))
				.set(RECORD_INBOX.LAST_ERROR, error.length() > 1_000 ? error.substring(0, 1_000) : error)
				.where(RECORD_INBOX.ID.eq(id))
				.execute();
		});
	}

	private static List<String> keys(RecordInboxRecord row) {
		return Arrays.asList(row.getSourceKeys().split(","));
	}

	private static void sleep() {
		try {
			Thread.sleep(IDLE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
