package cn.huoxian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import cn.huoxian.shared.RegionPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Issue 14: a round's criteria read as words in the reader's language, never as stored.
 */
class RoundCriteriaTextTests {

	private static RoundView round(String criteria) {
		return new RoundView(1, "考察", "130902", RegionPath.root("130902"), criteria, List.of(), "OPEN", "zzb",
				OffsetDateTime.now(), null, null, 0, List.of());
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void criteriaReadInEachLanguage() {
		RoundView some = round("region=130902; ranks=COUNTY,TOWNSHIP; deployedOnly=true");
		RoundView all = round("region=130902; ranks=ALL; deployedOnly=false");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(some.criteriaText()).isEqualTo("职级：县处级、乡科级 · 仅限在岗干部");
		assertThat(all.criteriaText()).isEqualTo("职级：全部职级");
		LocaleContextHolder.setLocale(Locale.TRADITIONAL_CHINESE);
		assertThat(some.criteriaText()).startsWith("職級：");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(all.criteriaText()).isEqualTo("Ranks: all ranks");
		assertThat(some.criteriaText()).doesNotContain("COUNTY").doesNotContain("deployedOnly");
		assertThat(round(null).criteriaText()).isEmpty();
	}

}
