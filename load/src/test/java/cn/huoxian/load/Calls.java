package cn.huoxian.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request the virtual users made, by request type: when it ended, its response time
 * (Gatling's, the same as in its own report) and whether it failed. Gatling 3.14 keeps
 * its statistics in a binary log and HTML only, so the report counts for itself.
 */
final class Calls {

	/**
	 * One request; millis is -1 when no answer came (a refused connection, a timeout).
	 */
	record Call(long endedAt, int millis, boolean ok) {
	}

	/** Counts and percentiles of one request type (ms). */
	record Figures(long count, long errors, double median, double p95, double p99, double max) {
	}

	private final Map<String, Queue<Call>> byName = new ConcurrentHashMap<>();

	void record(String name, int millis, boolean ok) {
		byName.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>())
			.add(new Call(System.currentTimeMillis(), millis, ok));
	}

	/** Figures per request type of the calls that ended in [from, to], by name. */
	Map<String, Figures> figures(long from, long to) {
		Map<String, Figures> figures = new TreeMap<>();
		byName.forEach((name, calls) -> figures.put(name, figures(within(calls, from, to))));
		return figures;
	}

	/** Figures of all calls that ended in [from, to]. */
	Figures all(long from, long to) {
		List<Call> calls = new ArrayList<>();
		byName.values().forEach(q -> calls.addAll(within(q, from, to)));
		return figures(calls);
	}

	private static List<Call> within(Queue<Call> calls, long from, long to) {
		return calls.stream().filter(c -> c.endedAt() >= from && c.endedAt() <= to).toList();
	}

	private static Figures figures(List<Call> calls) {
		List<Integer> times = new ArrayList<>();
		long errors = 0;
		for (Call call : calls) {
			errors += call.ok() ? 0 : 1;
			if (call.millis() >= 0) {
				times.add(call.millis());
			}
		}
		Collections.sort(times);
		return new Figures(calls.size(), errors, percentile(times, 50), percentile(times, 95), percentile(times, 99),
				times.isEmpty() ? Double.NaN : times.get(times.size() - 1));
	}

	/** Nearest rank, as Gatling reports. */
	private static double percentile(List<Integer> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
