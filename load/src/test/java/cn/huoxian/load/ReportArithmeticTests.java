package cn.huoxian.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's own arithmetic: the metrics it reads, its percentiles, its ratios. */
class ReportArithmeticTests {

	private static final String SCRAPE = """
			# HELP hikaricp_connections_active Active connections
			# TYPE hikaricp_connections_active gauge
			hikaricp_connections_active{pool="HikariPool-1"} 3.0
			hikaricp_connections_usage_seconds_count{pool="HikariPool-1"} 130
			http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/v1/regions/{code}"} 40
			http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 7
			http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/regions/{code}"} 2
			http_server_requests_seconds_bucket{le="+Inf",uri="/x"} +Inf
			jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
			jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3.0E7
			jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
			process_cpu_usage 0.25
			""";

	@Test
	void readsTheSeriesTheReportNeeds() {
		Prometheus metrics = Prometheus.parse(SCRAPE);
		assertEquals(3.0, metrics.sum("hikaricp_connections_active"));
		assertEquals(130.0, metrics.sum("hikaricp_connections_usage_seconds_count"));
		assertEquals(4.0e7, metrics.sum("jvm_memory_used_bytes", "area", "heap"));
		assertEquals(0.25, metrics.sum("process_cpu_usage"));
		// the sampler's own scrapes are not the load's requests
		assertEquals(42.0, metrics.sumExcept("http_server_requests_seconds_count", "uri", "/actuator"));
		assertEquals(0.0, metrics.sum("no_such_series"));
	}

	@Test
	void percentilesByNearestRankAndErrorsCounted() {
		Calls calls = new Calls();
		for (int ms = 1; ms <= 100; ms++) {
			calls.record("tree", ms, true);
		}
		calls.record("tree", -1, false);
		Calls.Figures tree = calls.figures(0, Long.MAX_VALUE).get("tree");
		assertEquals(101, tree.count());
		assertEquals(1, tree.errors());
		assertEquals(50, tree.median());
		assertEquals(95, tree.p95());
		assertEquals(99, tree.p99());
		assertEquals(100, tree.max());
		assertEquals(0, calls.figures(0, 1).get("tree").count());
	}

	@Test
	void checkoutsPerRequestFromTheCounters() {
		Settings settings = new Settings("http://x", 2, Duration.ofSeconds(1), Duration.ofSeconds(10), "admin", "pw",
				"", Path.of("target/load-report-test"));
		TestData data = new TestData("t", List.of("s"), Map.of("CITY", List.of("130900")), List.of(), List.of(),
				List.of(), 1);
		List<ServerSampler.Sample> samples = List.of(new ServerSampler.Sample(0, 0, 0, 1e8, 1e9, 0, 0, 10, 100, 50, 0),
				new ServerSampler.Sample(1000, 0.5, 0.9, 2e8, 1e9, 4, 2, 10, 400, 150, 0.05));
		String report = new LoadReport(settings, data, new Calls(), 0, samples, List.of()).markdown();
		assertTrue(report.contains("Connection checkouts per HTTP request: **3.00**"), report);
		assertTrue(report.contains("| server process CPU (% of the machine) | 50 | 50 |"), report);
		assertTrue(report.contains("| threads waiting for a connection | 2.0 | 2 |"), report);
	}

}
