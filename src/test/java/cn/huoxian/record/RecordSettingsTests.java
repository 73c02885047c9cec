package cn.huoxian.record;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.record.linger binds to RecordSettings, with its default.
 */
class RecordSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void lingersFiftyMillisecondsByDefault() {
		runner.run(
				context -> assertThat(context.getBean(RecordSettings.class).linger()).isEqualTo(Duration.ofMillis(50)));
	}

	@Test
	void bindsTheLinger() {
		runner.withPropertyValues("huoxian.record.linger=120s")
			.run(context -> assertThat(context.getBean(RecordSettings.class).linger())
				.isEqualTo(Duration.ofMinutes(2)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RecordSettings.class)
	static class Config {

	}

}
