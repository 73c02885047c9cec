package cn.huoxian.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.exchange.* binds to ExchangeSettings, with its default.
 */
class ExchangeSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void allowsOneHundredThousandRowsByDefault() {
		runner.run(context -> assertThat(context.getBean(ExchangeSettings.class).maxRows()).isEqualTo(100_000));
	}

	@Test
	void bindsTheMaxRows() {
		runner.withPropertyValues("huoxian.exchange.max-rows=20")
			.run(context -> assertThat(context.getBean(ExchangeSettings.class).maxRows()).isEqualTo(20));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ExchangeSettings.class)
	static class Config {

	}

}
