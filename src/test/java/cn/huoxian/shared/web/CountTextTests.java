package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Issue 14: counts on pages grouped as the reader's language groups them. */
class CountTextTests {

	private final CountText counts = new CountText();

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aCountIsGroupedInEachLanguage() {
		for (Locale language : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH }) {
			LocaleContextHolder.setLocale(language);
			assertThat(counts.of(2_572_414L)).as(language.toString()).isEqualTo("2,572,414");
			assertThat(counts.of(353)).isEqualTo("353");
		}
		LocaleContextHolder.setLocale(Locale.GERMANY);
		assertThat(counts.of(2_572_414L)).isEqualTo("2.572.414");
	}

	@Test
	void nothingStaysNothing() {
		assertThat(counts.of(null)).isNull();
	}

}
