package cn.huoxian.shared;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.city-code binds to CitySettings, with its default.
 */
class CitySettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsToCangzhou() {
		runner.run(context -> assertThat(context.getBean(CitySettings.class).cityCode()).isEqualTo("130900"));
	}

	@Test
	void bindsTheCityCode() {
		runner.withPropertyValues("huoxian.city-code=130100")
			.run(context -> assertThat(context.getBean(CitySettings.class).cityCode()).isEqualTo("130100"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CitySettings.class)
	static class Config {

	}

}
