package cn.huoxian.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import cn.huoxian.deployment.Deployments;
import cn.huoxian.deployment.Events;
import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.RecordWriter;
import cn.huoxian.screening.Visits;
import cn.huoxian.screening.VisitsRecorded;
import cn.huoxian.shared.BusinessDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the performance record takes events: entries of existing source records are
 * taken out of the record (figures adjusted), the sources' events published again —
 * visits as the batch API publishes them (one event per 1,000 visits), deployments one
 * event per transaction from four threads (also with the record paused until all are
 * queued) — and the time measured until every entry is back. Reported as milliseconds per
 * 2,000 events, so the target "keeps up with 2,000 events a second" is a time under 1,000
 * ms.
 */
final class RecordThroughput {

	private static final Logger log = LoggerFactory.getLogger(RecordThroughput.class);

	static final int EVENTS = 2_000;

	/** Rounds of the visit stage, each publishing 2,000 visits' events again. */
	static final int VISIT_ROUNDS = 3;

	private final Visits visits;

	private final Deployments deployments;

	private final RecordWriter writer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	/** The record's inbox, paused to queue events first. */
	private final RecordInbox inbox;

	private final Clock clock;

	RecordThroughput(Visits visits, Deployments deployments, RecordWriter writer, ApplicationEventPublisher events,
			TransactionTemplate transactions, RecordInbox inbox, Clock clock) {
		this.clock = clock;
		this.visits = visits;
		this.deployments = deployments;
		this.writer = writer;
		this.events = events;
		this.transactions = transactions;
		this.inbox = inbox;
	}

	/** Milliseconds for 2,000 visit events, one run per round. */
	double[] visits(int rounds) {
		List<Visits.VisitedBy> visited = visits.withVisitor(rounds * EVENTS);
		if (visited.size() < rounds * EVENTS) {
			throw new IllegalStateException(
					"record throughput needs " + rounds * EVENTS + " screening visits with a visitor");
		}
		// visits just recorded for the bench must be in the record before it is timed
		settle();
		double[] millis = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			List<Visits.VisitedBy> chunk = visited.subList(round * EVENTS, (round + 1) * EVENTS);
			List<String> ids = chunk.stream().map(v -> v.visitId().toString()).toList();
			takeOut("SCREENING_VISIT", ids);
			long start = System.nanoTime();
			// as the batch API publishes them: one event per 1,000 visits of one campaign
			// and visitor
			Map<List<Long>, List<UUID>> batches = new LinkedHashMap<>();
			for (var visit : chunk) {
				batches.computeIfAbsent(List.of(visit.campaignId(), visit.visitorPersonId()), k -> new ArrayList<>())
					.add(visit.visitId());
			}
			batches.forEach((key, batch) -> {
				for (int from = 0; from < batch.size(); from += 1_000) {
					List<UUID> part = batch.subList(from, Math.min(batch.size(), from + 1_000));
					transactions.executeWithoutResult(
							status -> events.publishEvent(new VisitsRecorded(key.get(0), key.get(1), part)));
				}
			});
			millis[round] = waitFor("SCREENING_VISIT", ids, start);
		}
		return millis;
	}

	/**
	 * Milliseconds for 2,000 deployment events, each published in its own transaction
	 * from four threads: from the first publication until every entry is in, or — when
	 * {@code queuedFirst} — published while the record is paused and counted from its
	 * resumption (the record's own rate, without the publishers' commits).
	 */
	double[] deployments(int rounds, boolean queuedFirst) throws InterruptedException {
		List<Deployments.Started> started = deployments.firstStarted(rounds * EVENTS);
		double[] millis = new double[rounds];
		for (int round = 0; round < rounds && (round + 1) * EVENTS <= started.size(); round++) {
			List<Deployments.Started> chunk = started.subList(round * EVENTS, (round + 1) * EVENTS);
			List<String> ids = chunk.stream().map(d -> String.valueOf(d.id())).toList();
			takeOut("DEPLOYMENT", ids);
			if (queuedFirst) {
				inbox.pause("bench");
			}
			long start = System.nanoTime();
			long published;
			try {
				ExecutorService publishers = Executors.newFixedThreadPool(4);
				for (var deployment : chunk) {
					publishers.submit(() -> transactions.executeWithoutResult(
							status -> events.publishEvent(new Events.DeploymentStarted(deployment.id(),
									deployment.personId(), deployment.path(), true, BusinessDay.today(clock)))));
				}
				publishers.shutdown();
				publishers.awaitTermination(5, TimeUnit.MINUTES);
				published = System.nanoTime();
				log.info("record bench: 2,000 single-event transactions published in {} ms",
						Math.round((published - start) / 1e6));
			}
			finally {
				if (queuedFirst) {
					// never leave the record paused, even when publishing failed
					start = System.nanoTime();
					inbox.resume();
				}
			}
			millis[round] = waitFor("DEPLOYMENT", ids, start);
			log.info("record bench: every entry in {} ms after the last publication",
					Math.round((System.nanoTime() - published) / 1e6));
		}
		return millis;
	}

	/**
	 * Single events at a steady {@code perSecond} for {@code seconds} (one deployment
	 * event per transaction, four publishers): the record keeps up when every entry is in
	 * soon after the last publication and the queue never grows. Milliseconds from the
	 * last publication until every entry is in; the achieved rate and the largest queue
	 * seen are logged.
	 */
	double[] sustained(int perSecond, int seconds) throws InterruptedException {
		int total = perSecond * seconds;
		List<Deployments.Started> chunk = deployments.firstStarted(total);
		if (chunk.size() < total) {
			throw new IllegalStateException("the sustained record bench needs " + total + " deployments");
		}
		List<String> ids = chunk.stream().map(d -> String.valueOf(d.id())).toList();
		takeOut("DEPLOYMENT", ids);
		AtomicInteger next = new AtomicInteger();
		AtomicLong largestQueue = new AtomicLong();
		ExecutorService publishers = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		for (int t = 0; t < 4; t++) {
			publishers.submit(() -> {
				for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
					// event i is due at start + i / perSecond
					long due = start + i * 1_000_000_000L / perSecond;
					LockSupport.parkNanos(due - System.nanoTime());
					var deployment = chunk.get(i);
					transactions.executeWithoutResult(
							status -> events.publishEvent(new Events.DeploymentStarted(deployment.id(),
									deployment.personId(), deployment.path(), true, BusinessDay.today(clock))));
				}
			});
		}
		publishers.shutdown();
		while (!publishers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
			largestQueue.accumulateAndGet(inbox.queued(), Math::max);
		}
		long published = System.nanoTime();
		double lag = waitFor("DEPLOYMENT", ids, published);
		log.info(
				"record bench: {} single events published in {} ms ({} a second); largest queue {} rows;"
						+ " every entry in {} ms after the last publication",
				total, Math.round((published - start) / 1e6), Math.round(total / ((published - start) / 1e9)),
				largestQueue.get(), Math.round(lag));
		return new double[] { lag };
	}

	/**
	 * Waits (at most two minutes) until the record's inbox holds nothing but failed rows.
	 */
	private void settle() {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (waiting() > 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
		}
	}

	private long waiting() {
		RecordInbox.Status status = inbox.status();
		return status.rows() - status.failed();
	}

	/** Removes the sources' entries from the record and their counts from the figures. */
	private void takeOut(String sourceType, List<String> ids) {
		transactions.executeWithoutResult(status -> chunks(ids, part -> writer.takeOut(sourceType, part)));
	}

	/**
	 * Milliseconds from the start until every source has its entry again (at most 2
	 * minutes).
	 */
	private double waitFor(String sourceType, List<String> ids, long start) {
		long deadline = start + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			long[] present = { 0 };
			chunks(ids, part -> present[0] += writer.present(sourceType, part));
			if (present[0] >= ids.size()) {
				return (System.nanoTime() - start) / 1e6;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException(
				"the record did not take " + ids.size() + " " + sourceType + " events within two minutes");
	}

	private static void chunks(List<String> ids, Consumer<List<String>> each) {
		for (int from = 0; from < ids.size(); from += 1_000) {
			each.accept(ids.subList(from, Math.min(ids.size(), from + 1_000)));
		}
	}

}
