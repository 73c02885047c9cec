package cn.huoxian.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.health.* binds to HealthSettings, with its default.
 */
class HealthSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void keepsTheProbeFiveSecondsByDefault() {
		runner.run(context -> assertThat(context.getBean(HealthSettings.class).writeProbeInterval())
			.isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void bindsTheInterval() {
		runner.withPropertyValues("huoxian.health.write-probe-interval=PT1M")
			.run(context -> assertThat(context.getBean(HealthSettings.class).writeProbeInterval())
				.isEqualTo(Duration.ofMinutes(1)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(HealthSettings.class)
	static class Config {

	}

}
