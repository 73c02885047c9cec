package cn.huoxian.bench;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench.* binds to BenchSettings, with its defaults (an empty bench.only measures all).
 */
class BenchSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaults() {
		runner.run(context -> assertThat(context.getBean(BenchSettings.class))
			.isEqualTo(new BenchSettings(500, 100, 60, "")));
	}

	@Test
	void bindsEachSetting() {
		runner
			.withPropertyValues("bench.iterations=300", "bench.warmup=50", "bench.max-seconds=20.5",
					"bench.only=headline")
			.run(context -> assertThat(context.getBean(BenchSettings.class))
				.isEqualTo(new BenchSettings(300, 50, 20.5, "headline")));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BenchSettings.class)
	static class Config {

	}

}
