package cn.huoxian.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the dashboard's snapshot every {@code huoxian.dashboard.snapshot-every} (10
 * minutes by default): the last one of a day is the day's value in the trends.
 */
@Configuration
@EnableScheduling
class DashboardSnapshots {

	private static final Logger log = LoggerFactory.getLogger(DashboardSnapshots.class);

	private final Dashboard dashboard;

	DashboardSnapshots(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@Scheduled(fixedDelayString = "${huoxian.dashboard.snapshot-every:PT10M}",
			initialDelayString = "${huoxian.dashboard.snapshot-every:PT10M}")
	void snapshot() {
		try {
			long started = System.nanoTime();
			int regions = dashboard.snapshot();
			log.debug("Dashboard snapshot of {} regions in {} ms", regions, (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// the next run tries again; a missed snapshot only leaves the day's earlier
			// one
			log.warn("Dashboard snapshot failed: {}", ex.toString());
		}
	}

}
