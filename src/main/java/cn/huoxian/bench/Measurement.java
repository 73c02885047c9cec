package cn.huoxian.bench;

import java.util.Arrays;

/** The server times of one operation, in milliseconds, with its target (0 for none). */
record Measurement(String name, double targetMs, double[] millis) {

	double median() {
		return percentile(50);
	}

	double p95() {
		return percentile(95);
	}

	double max() {
		return Arrays.stream(millis).max().orElse(0);
	}

	/** Nearest rank on the sorted times. */
	double percentile(double p) {
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	/** Passed when the 95th percentile is within the target. */
	String verdict() {
		return targetMs <= 0 ? "—" : p95() <= targetMs ? "pass" : "FAIL";
	}

	String row() {
		return String.format("| %s | %d | %.2f | %.2f | %.2f | %s | %s |", name, millis.length, median(), p95(), max(),
				targetMs <= 0 ? "—" : "< " + (int) targetMs, verdict());
	}

	static String header() {
		return "| operation | iterations | median ms | p95 ms | max ms | target ms | result |\n"
				+ "|---|---:|---:|---:|---:|---:|---|";
	}

}
