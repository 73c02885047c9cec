package cn.huoxian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Issue 11: bench writes, so it refuses outside the demo profile and the demo city. */
class BenchGuardTests {

	private static final String H2 = "jdbc:h2:file:./data/huoxian";

	private static final String PG = "jdbc:postgresql://127.0.0.1:5432/huoxian";

	@Test
	void runsInTheDemoProfileOnADemoCity() {
		assertThat(BenchGuard.refusal(profiles("demo"), PG, () -> true)).isNull();
		// the demo profile is the default on the embedded database
		assertThat(BenchGuard.refusal(profiles(), H2, () -> true)).isNull();
	}

	@Test
	void refusesOutsideTheDemoProfileWithoutLookingAtTheDatabase() {
		assertThat(BenchGuard.refusal(profiles("prod"), PG, () -> {
			throw new AssertionError("the database is not consulted");
		})).startsWith("bench refused").contains("demo profile", "prod").doesNotContain("\n");
		assertThat(BenchGuard.refusal(profiles("prod"), H2, () -> true)).contains("demo profile");
		// on another database the demo profile must be chosen
		assertThat(BenchGuard.refusal(profiles(), PG, () -> true)).contains("demo profile", "none");
	}

	@Test
	void refusesOnADatabaseWithoutTheDemoCity() {
		assertThat(BenchGuard.refusal(profiles("demo"), PG, () -> false)).startsWith("bench refused")
			.contains(PG, "demo city")
			.doesNotContain("\n");
	}

	private static MockEnvironment profiles(String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return environment;
	}

}
