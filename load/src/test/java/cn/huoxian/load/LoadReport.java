package cn.huoxian.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import java.util.function.ToDoubleFunction;

/**
 * The run's report, as Markdown in {@code <out>/<timestamp>.md} (also printed), with the
 * server's samples beside it as CSV: per request type count, errors, median, p95, p99;
 * requests per second; the server's CPU, heap and pool, connection checkouts per HTTP
 * request, and the load generator's own CPU.
 */
final class LoadReport {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Settings settings;

	private final TestData data;

	private final Calls calls;

	private final List<ServerSampler.Sample> samples;

	private final List<String> failures;

	private final long started;

	private final long ended = System.currentTimeMillis();

	LoadReport(Settings settings, TestData data, Calls calls, long started, List<ServerSampler.Sample> samples,
			List<String> failures) {
		this.settings = settings;
		this.data = data;
		this.calls = calls;
		this.started = started;
		this.samples = samples;
		this.failures = failures;
	}

	/** Writes the report and the samples, prints the report; the report's file. */
	Path write() {
		String stamp = STAMP.format(Instant.ofEpochMilli(started));
		Path report = settings.out().resolve(stamp + ".md");
		try {
			Files.createDirectories(settings.out());
			Files.writeString(report, markdown());
			Files.writeString(settings.out().resolve(stamp + "-samples.csv"), csv());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		System.out.println();
		System.out.println(markdown());
		System.out.println("Report written to " + report);
		return report;
	}

	String markdown() {
		long fullLoad = started + settings.ramp().toMillis();
		long deadline = fullLoad + settings.steady().toMillis();
		StringBuilder md = new StringBuilder();
		md.append("# Load test ").append(WHEN.format(Instant.ofEpochMilli(started))).append("\n\n");
		md.append(String.format(Locale.ROOT,
				"%s, %d users (started over %d s, then %d s at full load; think time 0.5–1.5 s), account `%s`; "
						+ "ran %.0f s.%n%nTest data: %s.%n%n",
				settings.base(), settings.users(), settings.ramp().toSeconds(), settings.steady().toSeconds(),
				settings.account(), (ended - started) / 1000.0, data.summary()));
		md.append("## Requests at full load (ms)\n\n");
		md.append("Requests that ended after the ramp and before the end of the run.\n\n");
		md.append("| request | count | errors | median | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
		calls.figures(fullLoad, deadline).forEach((name, f) -> md.append(row(name, f)));
		Calls.Figures all = calls.all(fullLoad, deadline);
		md.append(row("**all**", all)).append('\n');
		Calls.Figures whole = calls.all(started, Long.MAX_VALUE);
		md.append(String.format(Locale.ROOT,
				"Requests per second at full load: **%.1f**. Whole run including the ramp: %,d requests, %,d errors, "
						+ "median %.0f ms, p95 %.0f ms, p99 %.0f ms, %.1f requests/s.%n%n",
				all.count() * 1000.0 / settings.steady().toMillis(), whole.count(), whole.errors(), whole.median(),
				whole.p95(), whole.p99(), whole.count() * 1000.0 / Math.max(1, ended - started)));
		server(md);
		return md.toString();
	}

	private static String row(String name, Calls.Figures f) {
		return String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.0f | %.0f | %.0f |%n", name, f.count(),
				f.errors(), f.median(), f.p95(), f.p99(), f.max());
	}

	/** CPU, heap and pool from the samples; checkouts per request from the counters. */
	private void server(StringBuilder md) {
		md.append("## Server and load generator (")
			.append(samples.size())
			.append(" samples of `/actuator/prometheus`, one a second, whole run)\n\n");
		if (samples.size() < 2) {
			md.append("Too few samples.\n");
			return;
		}
		md.append("| figure | mean | max |\n|---|---:|---:|\n");
		md.append(percent("server process CPU (% of the machine)", ServerSampler.Sample::processCpu));
		md.append(percent("server machine CPU, all processes (% of the machine)", ServerSampler.Sample::systemCpu));
		md.append(percent("load generator CPU (% of the machine)", ServerSampler.Sample::generatorCpu));
		md.append(String.format(Locale.ROOT, "| heap used (MB, of %.0f) | %.0f | %.0f |%n",
				max(ServerSampler.Sample::heapMax) / 1e6, mean(ServerSampler.Sample::heapUsed) / 1e6,
				max(ServerSampler.Sample::heapUsed) / 1e6));
		md.append(String.format(Locale.ROOT, "| pool connections active (of %.0f) | %.1f | %.0f |%n",
				max(ServerSampler.Sample::poolMax), mean(ServerSampler.Sample::poolActive),
				max(ServerSampler.Sample::poolActive)));
		md.append(String.format(Locale.ROOT, "| threads waiting for a connection | %.1f | %.0f |%n",
				mean(ServerSampler.Sample::poolPending), max(ServerSampler.Sample::poolPending)));
		ServerSampler.Sample first = samples.get(0), last = samples.get(samples.size() - 1);
		double checkouts = last.checkouts() - first.checkouts();
		double requests = last.httpRequests() - first.httpRequests();
		md.append(String.format(Locale.ROOT,
				"%nConnection checkouts per HTTP request: **%.2f** (%,.0f checkouts of the pool over %,.0f HTTP "
						+ "requests the server counted, its actuator's excluded; background work such as the record's "
						+ "inbox counts among the checkouts).%n",
				requests > 0 ? checkouts / requests : Double.NaN, checkouts, requests));
		if (!failures.isEmpty()) {
			md.append("\nSampler failures: ").append(failures).append('\n');
		}
	}

	private String percent(String name, ToDoubleFunction<ServerSampler.Sample> value) {
		return String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", name, 100 * mean(value), 100 * max(value));
	}

	/** The first sample is taken before the run: its CPU figures are not the run's. */
	private double mean(ToDoubleFunction<ServerSampler.Sample> value) {
		return samples.stream().skip(1).mapToDouble(value).average().orElse(Double.NaN);
	}

	private double max(ToDoubleFunction<ServerSampler.Sample> value) {
		return samples.stream().skip(1).mapToDouble(value).max().orElse(Double.NaN);
	}

	private String csv() {
		StringBuilder csv = new StringBuilder(
				"atMillis,processCpu,systemCpu,heapUsed,heapMax,poolActive,poolPending,poolMax,checkouts,httpRequests,generatorCpu\n");
		for (ServerSampler.Sample s : samples) {
			csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.4f%n",
					s.atMillis(), s.processCpu(), s.systemCpu(), s.heapUsed(), s.heapMax(), s.poolActive(),
					s.poolPending(), s.poolMax(), s.checkouts(), s.httpRequests(), s.generatorCpu()));
		}
		return csv.toString();
	}

}
