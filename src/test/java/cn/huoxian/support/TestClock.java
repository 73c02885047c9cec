package cn.huoxian.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import cn.huoxian.shared.BusinessDay;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests that {@code @Import(TestClock.Config.class)}: it
 * follows the system until a test {@link #set}s it, and stands still from then on until
 * {@link #reset}. Around Asia/Shanghai midnight: {@link #LAST_SECOND_OF_1_MARCH} and
 * {@link #MIDNIGHT_2_MARCH}.
 * <p>
 * Sign demo accounts in (Api.token) before setting it: their tokens are cached for the
 * whole run and must not expire on a day of the test's choosing.
 */
public final class TestClock extends Clock {

	/** 23:59:59 on 1 March 2026 in Shanghai. */
	public static final Instant LAST_SECOND_OF_1_MARCH = Instant.parse("2026-03-01T15:59:59Z");

	/** 00:00:00 on 2 March 2026 in Shanghai. */
	public static final Instant MIDNIGHT_2_MARCH = Instant.parse("2026-03-01T16:00:00Z");

	private final AtomicReference<Instant> fixed;

	private final ZoneId zone;

	private TestClock(AtomicReference<Instant> fixed, ZoneId zone) {
		this.fixed = fixed;
		this.zone = zone;
	}

	/** From now on the time is {@code instant}. */
	public void set(Instant instant) {
		fixed.set(instant);
	}

	/** Back to the system's time. */
	public void reset() {
		fixed.set(null);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		// the same hands in another zone: a later set() moves both
		return new TestClock(fixed, zone);
	}

	@Override
	public Instant instant() {
		Instant instant = fixed.get();
		return instant != null ? instant : Clock.systemUTC().instant();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(new AtomicReference<>(), BusinessDay.ZONE);
		}

	}

}
