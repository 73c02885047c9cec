package cn.huoxian.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business day runs in Asia/Shanghai whatever the server's zone; one Clock for the
 * whole app.
 */
@Configuration(proxyBeanMethods = false)
public class BusinessDay {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** The first moment of a business day (midnight in Asia/Shanghai). */
	/** The business day an instant falls on. */
	public static LocalDate of(java.time.OffsetDateTime at) {
		return at.atZoneSameInstant(ZONE).toLocalDate();
	}

	public static java.time.OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toOffsetDateTime();
	}

}
