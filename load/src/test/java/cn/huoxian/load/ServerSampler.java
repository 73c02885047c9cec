package cn.huoxian.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes the server's {@code /actuator/prometheus} once a second during the run, with
 * this load generator's own CPU beside each scrape.
 */
final class ServerSampler {

	/**
	 * One scrape: CPU as a share of the whole machine (0–1), heap in bytes, the pool's
	 * gauges, and the counters whose deltas give checkouts per HTTP request.
	 */
	record Sample(long atMillis, double processCpu, double systemCpu, double heapUsed, double heapMax,
			double poolActive, double poolPending, double poolMax, double checkouts, double httpRequests,
			double generatorCpu) {
	}

	private final Client client;

	private final String metricsToken;

	private final List<Sample> samples = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "server-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	ServerSampler(Settings settings) {
		this.client = new Client(settings.base());
		this.metricsToken = settings.metricsToken();
	}

	/**
	 * One scrape now, so a server that refuses the sampler stops the run before it
	 * starts.
	 */
	void start() {
		samples.add(scrape());
		os.getProcessCpuLoad();
		timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
	}

	/** Lets a scrape under way finish, then takes the last one. */
	List<Sample> stop() {
		timer.shutdown();
		try {
			timer.awaitTermination(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Sample last = scrape();
		synchronized (this) {
			samples.add(last);
			return List.copyOf(samples);
		}
	}

	synchronized List<String> failures() {
		return List.copyOf(failures);
	}

	private void sample() {
		try {
			Sample sample = scrape();
			synchronized (this) {
				samples.add(sample);
			}
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				if (failures.size() < 20) {
					failures.add(ex.getMessage());
				}
			}
		}
	}

	private Sample scrape() {
		Prometheus metrics = Prometheus.parse(client.text("/actuator/prometheus", metricsToken));
		return new Sample(System.currentTimeMillis(), metrics.sum("process_cpu_usage"), metrics.sum("system_cpu_usage"),
				metrics.sum("jvm_memory_used_bytes", "area", "heap"),
				metrics.sum("jvm_memory_max_bytes", "area", "heap"), metrics.sum("hikaricp_connections_active"),
				metrics.sum("hikaricp_connections_pending"), metrics.sum("hikaricp_connections_max"),
				metrics.sum("hikaricp_connections_usage_seconds_count"),
				metrics.sumExcept("http_server_requests_seconds_count", "uri", "/actuator"),
				Math.max(0, os.getProcessCpuLoad()));
	}

}
