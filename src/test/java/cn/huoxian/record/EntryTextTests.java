package cn.huoxian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: an entry's text is stored in no language and rendered in the reader's, its
 * label arguments too; the source's own words stay as written.
 */
class EntryTextTests {

	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
			Locale.ENGLISH);

	@Test
	void aVisitReadsInEachLanguageWithItsAddressAsWritten() {
		String stored = EntryText.variant(EntryKind.VISIT_MADE, "nobodyHome", "新华路1号楼101").encoded();
		EntryText text = EntryText.decode(stored);
		assertThat(text.render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("入户排查：新华路1号楼101（无人在家）");
		assertThat(text.render(Locale.TRADITIONAL_CHINESE)).isEqualTo("入戶排查：新华路1号楼101（無人在家）");
		assertThat(text.render(Locale.ENGLISH)).isEqualTo("Door-to-door screening: 新华路1号楼101 (nobody at home)");
	}

	@Test
	void labelArgumentsAreRenderedInTheReadersLanguage() {
		EntryText text = EntryText.decode(
				EntryText
					.of(EntryKind.ACCOUNTABILITY, EntryText.label("record.accountability.kind.ADMONISHMENT"),
							EntryText.label("record.accountability.level.COUNTY"), "未按要求上报")
					.encoded());
		assertThat(text.render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("问责：诫勉（县级）未按要求上报");
		assertThat(text.render(Locale.ENGLISH)).startsWith("Accountability: ")
			.endsWith(" 未按要求上报")
			.doesNotContain("record.");
		EntryText contact = EntryText.decode(
				EntryText.variant(EntryKind.ISOLATION_CONTACT, "unreached", EntryText.label("isolation.channel.PHONE"))
					.encoded());
		assertThat(contact.render(Locale.TRADITIONAL_CHINESE)).isEqualTo("隔離人員每日聯繫（電話，未聯繫上）");
	}

	@Test
	void everyKindHasItsWordsInEveryLanguage() {
		for (EntryKind kind : EntryKind.values()) {
			String variant = kind == EntryKind.ISOLATION_CONTACT ? "reached" : null;
			EntryText text = EntryText.variant(kind, variant, "甲", "乙", "丙");
			for (Locale language : LANGUAGES) {
				String rendered = text.render(language);
				assertThat(rendered).as(kind + " in " + language).doesNotContain("record.entry").contains("甲");
			}
			assertThat(text.render(Locale.ENGLISH)).as(kind.name())
				.isNotEqualTo(text.render(Locale.SIMPLIFIED_CHINESE));
		}
	}

	@Test
	void theSourcesWordsNeverBreakTheStoredForm() {
		// words that look like a label and hold a separator stay one argument of words
		String sly = EntryText.LABEL + "record.entry.VISIT_MADE" + EntryText.SEPARATOR + "x";
		EntryText text = EntryText.decode(EntryText.of(EntryKind.WORK_LOG, sly).encoded());
		assertThat(text.args()).hasSize(1);
		assertThat(text.render(Locale.ENGLISH)).isEqualTo("Work log:  record.entry.VISIT_MADE x");
	}

	@Test
	void aLongTextIsShortenedToTheColumn() {
		String stored = EntryText.of(EntryKind.WORK_LOG, "字".repeat(800)).encoded();
		assertThat(stored).hasSize(500).endsWith("…");
		assertThat(EntryText.decode(stored).render(Locale.SIMPLIFIED_CHINESE)).startsWith("工作纪实：字");
	}

	@Test
	void textStoredAsPlainWordsReadsAsWritten() {
		assertThat(EntryText.decode("旧的摘要").render(Locale.ENGLISH)).isEqualTo("旧的摘要");
		assertThat(EntryText.decode("record.entry.x y z").render(Locale.ENGLISH)).isEqualTo("record.entry.x y z");
	}

}
