package cn.huoxian.access;

import java.time.Duration;
import java.util.Map;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.api.*, huoxian.metrics.*, huoxian.api-docs.* and huoxian.admin.* bind to
 * AccessSettings, with its defaults.
 */
class AccessSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaults() {
		runner.run(context -> {
			AccessSettings settings = context.getBean(AccessSettings.class);
			assertThat(settings.api().tokenLifetime()).isEqualTo(Duration.ofHours(12));
			assertThat(settings.metrics().token()).isNull();
			assertThat(settings.metrics().loopback()).isTrue();
			assertThat(settings.apiDocs().open()).isFalse();
			assertThat(settings.admin().password()).isNull();
		});
	}

	@Test
	void bindsEachSetting() {
		runner
			.withPropertyValues("huoxian.api.token-lifetime=PT1H", "huoxian.metrics.token=scrape",
					"huoxian.metrics.loopback=false", "huoxian.api-docs.public=true",
					"huoxian.admin.password=Strong2026pass")
			.run(context -> {
				AccessSettings settings = context.getBean(AccessSettings.class);
				assertThat(settings.api().tokenLifetime()).isEqualTo(Duration.ofHours(1));
				assertThat(settings.metrics().token()).isEqualTo("scrape");
				assertThat(settings.metrics().loopback()).isFalse();
				assertThat(settings.apiDocs().open()).isTrue();
				assertThat(settings.admin().password()).isEqualTo("Strong2026pass");
			});
	}

	@Test
	void readsTheSecretsFromTheEnvironmentVariablesTheReadmeNames() {
		Map<String, Object> variables = Map.of("HUOXIAN_METRICS_TOKEN", "scrape", "HUOXIAN_ADMIN_PASSWORD",
				"Strong2026pass");
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
			.run(context -> {
				AccessSettings settings = context.getBean(AccessSettings.class);
				assertThat(settings.metrics().token()).isEqualTo("scrape");
				assertThat(settings.admin().password()).isEqualTo("Strong2026pass");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AccessSettings.class)
	static class Config {

	}

}
