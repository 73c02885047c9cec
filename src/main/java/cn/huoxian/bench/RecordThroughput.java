package cn.huoxian.bench;

import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;
import static cn.huoxian.db.Tables.SCREENING_VISIT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cn.huoxian.deployment.Events;
import cn.huoxian.screening.VisitsRecorded;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the performance record takes events: entries of existing source records are
 * taken out of the record (figures adjusted), the sources' events published again —
 * visits as the batch API publishes them (one event per 1,000 visits), deployments one
 * event per transaction from four threads — and the time measured until every entry is
 * back. Reported as milliseconds per 2,000 events, so the target "keeps up with 2,000
 * events a second" is a time under 1,000 ms.
 */
final class RecordThroughput {

	static final int EVENTS = 2_000;

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	RecordThroughput(DSLContext db, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.db = db;
		this.events = events;
		this.transactions = transactions;
	}

	/** Milliseconds for 2,000 visit events, one run per round. */
	double[] visits(int rounds) {
		List<Record3<UUID, Long, Long>> visits = db
			.select(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.CAMPAIGN_ID, SCREENING_VISIT.VISITOR_PERSON_ID)
			.from(SCREENING_VISIT)
			.where(SCREENING_VISIT.VISITOR_PERSON_ID.isNotNull())
			.orderBy(SCREENING_VISIT.CAMPAIGN_ID, SCREENING_VISIT.VISITOR_PERSON_ID)
			.limit(rounds * EVENTS)
			.fetch();
		if (visits.size() < rounds * EVENTS) {
			throw new IllegalStateException("record throughput needs " + rounds * EVENTS
					+ " screening visits with a visitor (bench/ScreeningIngest.java makes them)");
		}
		double[] millis = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			List<Record3<UUID, Long, Long>> chunk = visits.subList(round * EVENTS, (round + 1) * EVENTS);
			List<String> ids = chunk.stream().map(v -> v.value1().toString()).toList();
			takeOut("SCREENING_VISIT", ids);
			long start = System.nanoTime();
			// as the batch API publishes them: one event per 1,000 visits of one campaign
			// and visitor
			Map<List<Long>, List<UUID>> batches = new LinkedHashMap<>();
			for (var visit : chunk) {
				batches.computeIfAbsent(List.of(visit.value2(), visit.value3()), k -> new ArrayList<>())
					.add(visit.value1());
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
	 * Milliseconds for 2,000 deployment events, each published in its own transaction.
	 */
	double[] deployments(int rounds) throws InterruptedException {
		List<Record3<Long, Long, String>> deployments = db.select(DEPLOYMENT.ID, DEPLOYMENT.PERSON_ID, DEPLOYMENT.PATH)
			.from(DEPLOYMENT)
			.orderBy(DEPLOYMENT.ID)
			.limit(rounds * EVENTS)
			.fetch();
		double[] millis = new double[rounds];
		for (int round = 0; round < rounds && (round + 1) * EVENTS <= deployments.size(); round++) {
			List<Record3<Long, Long, String>> chunk = deployments.subList(round * EVENTS, (round + 1) * EVENTS);
			List<String> ids = chunk.stream().map(d -> String.valueOf(d.value1())).toList();
			takeOut("DEPLOYMENT", ids);
			long start = System.nanoTime();
			ExecutorService publishers = Executors.newFixedThreadPool(4);
			for (var deployment : chunk) {
				publishers.submit(() -> transactions.executeWithoutResult(
						status -> events.publishEvent(new Events.DeploymentStarted(deployment.value1(),
								deployment.value2(), deployment.value3(), true, java.time.LocalDate.now()))));
			}
			publishers.shutdown();
			publishers.awaitTermination(5, TimeUnit.MINUTES);
			millis[round] = waitFor("DEPLOYMENT", ids, start);
		}
		return millis;
	}

	/** Removes the sources' entries from the record and their counts from the figures. */
	private void takeOut(String sourceType, List<String> ids) {
		transactions.executeWithoutResult(status -> chunks(ids, part -> {
			db.select(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND, org.jooq.impl.DSL.count())
				.from(RECORD_ENTRY)
				.where(RECORD_ENTRY.SOURCE_TYPE.eq(sourceType).and(RECORD_ENTRY.SOURCE_ID.in(part)))
				.groupBy(RECORD_ENTRY.PERSON_ID, RECORD_ENTRY.KIND)
				.forEach(r -> db.update(RECORD_FIGURE)
					.set(RECORD_FIGURE.FIGURE_VALUE, RECORD_FIGURE.FIGURE_VALUE.minus(r.value3()))
					.where(RECORD_FIGURE.PERSON_ID.eq(r.value1()).and(RECORD_FIGURE.FIGURE.eq(r.value2())))
					.execute());
			db.deleteFrom(RECORD_ENTRY)
				.where(RECORD_ENTRY.SOURCE_TYPE.eq(sourceType).and(RECORD_ENTRY.SOURCE_ID.in(part)))
				.execute();
		}));
	}

	/**
	 * Milliseconds from the start until every source has its entry again (at most 2
	 * minutes).
	 */
	private double waitFor(String sourceType, List<String> ids, long start) {
		long deadline = start + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			long[] present = { 0 };
			chunks(ids, part -> present[0] += db.fetchCount(RECORD_ENTRY,
					RECORD_ENTRY.SOURCE_TYPE.eq(sourceType).and(RECORD_ENTRY.SOURCE_ID.in(part))));
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
