package cn.huoxian.shared;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's "now" ({@code @PastOrPresent}, {@code @PlausibleDate}) is the app's
 * {@link Clock} bean in Asia/Shanghai: a {@code LocalDate} constraint compares with the
 * business day, and a test that moves the clock moves the constraints with it.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

	@Bean
	ValidationConfigurationCustomizer businessDayClockProvider(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock.withZone(BusinessDay.ZONE));
	}

}
