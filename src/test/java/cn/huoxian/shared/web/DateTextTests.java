package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Issue 14: dates on pages in the reader's language, in its long form. */
class DateTextTests {

	private final DateText dates = new DateText();

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDayReadsInTheLongFormOfEachLanguage() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(dates.day(day)).isEqualTo("2026年12月7日");
		LocaleContextHolder.setLocale(Locale.TRADITIONAL_CHINESE);
		assertThat(dates.day(day)).isEqualTo("2026年12月7日");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(dates.day(day)).isEqualTo("December 7, 2026");
	}

	@Test
	void anInstantReadsAsItsBusinessDayInShanghai() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		// 16:30 UTC on the 6th is half past midnight on the 7th in Shanghai
		assertThat(dates.day(OffsetDateTime.parse("2026-12-06T16:30:00Z"))).isEqualTo("2026年12月7日");
	}

	/** Issue 14: a moment reads in Shanghai's time whatever offset it was read with. */
	@Test
	void aMomentReadsAsItWasInShanghai() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		OffsetDateTime utc = OffsetDateTime.parse("2026-12-06T16:30:09Z");
		assertThat(dates.time(utc)).isEqualTo("2026年12月7日 00:30");
		assertThat(dates.second(utc)).isEqualTo("2026年12月7日 00:30:09");
		assertThat(dates.time(utc.toInstant())).isEqualTo("2026年12月7日 00:30");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(dates.time(utc.atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin"))))
			.isEqualTo("December 7, 2026 00:30");
		assertThat(dates.time(null)).isNull();
	}

	@Test
	void nothingStaysNothing() {
		assertThat(dates.day(null)).isNull();
		assertThat(dates.day("—")).isEqualTo("—");
	}

}
