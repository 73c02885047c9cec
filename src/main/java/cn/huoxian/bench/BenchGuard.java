package cn.huoxian.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.core.env.Environment;

/**
 * Whether bench may run here: it writes (50,000 isolation cases, record entries, the
 * record paused and resumed), so only in the demo profile and only on a database that
 * holds the demo city. Like {@code generate}, the demo profile is the default only on the
 * embedded database; elsewhere it must be chosen.
 */
final class BenchGuard {

	private BenchGuard() {
	}

	/** Why bench must not run, in one line; null when it may. */
	static String refusal(Environment environment, String url, BooleanSupplier holdsDemoCity) {
		List<String> active = Arrays.asList(environment.getActiveProfiles());
		boolean demo = active.contains("demo") || (active.isEmpty() && url.startsWith("jdbc:h2:"));
		if (!demo) {
			return "bench refused: it writes test data (isolation cases, record entries) and runs only in the demo "
					+ "profile (SPRING_PROFILES_ACTIVE=demo); active profiles: "
					+ (active.isEmpty() ? "none" : String.join(", ", active)) + "; nothing was written";
		}
		if (!holdsDemoCity.getAsBoolean()) {
			return "bench refused: " + url.replaceAll("[?;].*", "")
					+ " does not hold a generated demo city (its demo accounts are missing), "
					+ "and bench writes test data; run generate on an empty database first; nothing was written";
		}
		return null;
	}

}
