package cn.huoxian.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.demo.scale binds to DemoSettings, with its default.
 */
class DemoSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsToOneHundredthOfTheCity() {
		runner.run(context -> assertThat(context.getBean(DemoSettings.class).scale()).isEqualTo(0.01));
	}

	@Test
	void bindsTheScale() {
		runner.withPropertyValues("huoxian.demo.scale=1.0")
			.run(context -> assertThat(context.getBean(DemoSettings.class).scale()).isEqualTo(1.0));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoSettings.class)
	static class Config {

	}

}
