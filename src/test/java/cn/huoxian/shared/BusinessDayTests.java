package cn.huoxian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The business day turns at midnight in Shanghai, whatever zone the clock carries. */
class BusinessDayTests {

	/** 23:59:59 on 1 March in Shanghai. */
	static final Instant LAST_SECOND_OF_1_MARCH = Instant.parse("2026-03-01T15:59:59Z");

	/** 00:00 on 2 March in Shanghai. */
	static final Instant MIDNIGHT_2_MARCH = Instant.parse("2026-03-01T16:00:00Z");

	@Test
	void dayEndsAtMidnightInShanghai() {
		assertThat(BusinessDay.today(Clock.fixed(LAST_SECOND_OF_1_MARCH, ZoneOffset.UTC)))
			.isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(BusinessDay.today(Clock.fixed(MIDNIGHT_2_MARCH, ZoneOffset.UTC)))
			.isEqualTo(LocalDate.of(2026, 3, 2));
	}

	@Test
	void zoneOfTheClockDoesNotMatter() {
		// still 1 March in New York and already 2 March in Tokyo: Shanghai decides
		for (String zone : new String[] { "America/New_York", "Asia/Tokyo", "UTC", "Asia/Shanghai" }) {
			assertThat(BusinessDay.today(Clock.fixed(MIDNIGHT_2_MARCH, ZoneId.of(zone)))).as(zone)
				.isEqualTo(LocalDate.of(2026, 3, 2));
			assertThat(BusinessDay.today(Clock.fixed(LAST_SECOND_OF_1_MARCH, ZoneId.of(zone)))).as(zone)
				.isEqualTo(LocalDate.of(2026, 3, 1));
		}
	}

	@Test
	void applicationClockRunsInShanghai() {
		assertThat(new BusinessDay().clock().getZone()).isEqualTo(BusinessDay.ZONE);
	}

}
