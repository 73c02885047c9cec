package cn.huoxian.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run is given on the command line ({@code -Dname=value}, passed on by
 * load/pom.xml).
 *
 * @param base the running Huoxian, e.g. http://localhost:8080
 * @param users concurrent virtual users at full load
 * @param ramp time over which the users start
 * @param steady time at full load after the ramp
 * @param account the demo account the users act as (city scope, so the whole city is
 * used)
 * @param password its password
 * @param metricsToken {@code huoxian.metrics.token} of the server, if it is not on this
 * host
 * @param out where the samples and the report are written
 */
record Settings(String base, int users, Duration ramp, Duration steady, String account, String password,
		String metricsToken, Path out) {

	static Settings fromSystem() {
		return new Settings(strip(System.getProperty("base", "http://localhost:8080")), Integer.getInteger("users", 50),
				Duration.ofSeconds(Integer.getInteger("ramp", 30)),
				Duration.ofSeconds(Integer.getInteger("seconds", 60)), System.getProperty("account", "admin"),
				System.getProperty("password", "Huoxian@2020"), System.getProperty("metricsToken", ""),
				Path.of(System.getProperty("load.out", "target/load-report")));
	}

	/**
	 * Page sessions signed in before the clock starts; virtual users share them in turn.
	 */
	int pageSessions() {
		return Math.max(1, Math.min(users, 50));
	}

	private static String strip(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
