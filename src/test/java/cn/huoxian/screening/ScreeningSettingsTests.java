package cn.huoxian.screening;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huoxian.screening.* binds to ScreeningSettings, with its default.
 */
class ScreeningSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void asksAboutTheWorstHitPrefecturesByDefault() {
		runner.run(context -> assertThat(context.getBean(ScreeningSettings.class).highRiskAreas())
			.containsExactly("湖北省武汉市", "湖北省孝感市", "湖北省黄冈市", "湖北省荆州市", "湖北省随州市", "湖北省襄阳市", "浙江省温州市"));
	}

	@Test
	void bindsACommaSeparatedList() {
		runner.withPropertyValues("huoxian.screening.high-risk-areas=北京市,天津市")
			.run(context -> assertThat(context.getBean(ScreeningSettings.class).highRiskAreas()).containsExactly("北京市",
					"天津市"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScreeningSettings.class)
	static class Config {

	}

}
