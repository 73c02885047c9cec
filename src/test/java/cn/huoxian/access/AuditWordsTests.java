package cn.huoxian.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Issue 14: the audit page reads each entry's subject and detail in the reader's
 * language; the log keeps what was written.
 */
class AuditWordsTests {

	/** What the code writes (AuditLog, LoginGuard, RecordInbox, AssessmentProfiles). */
	private static final List<String> DETAILS = List.of("ID number and phone of 张三", "wrong password (2 in a row)",
			"unknown", "locked", "5 failed logins in a row; locked for 15 minutes, 3 tokens revoked", "12 failed rows",
			"profile in assessment round 4", "printable profile in assessment round 4");

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyDetailTheCodeWritesReadsInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		for (String detail : DETAILS) {
			assertThat(AuditWords.detail(detail)).as(detail)
				.isNotEqualTo(detail)
				.doesNotContainPattern("[A-Za-z]{3,}")
				.doesNotContain("audit.");
		}
		assertThat(AuditWords.detail("ID number and phone of 张三")).isEqualTo("查看了 张三 的身份证号和电话");
		assertThat(AuditWords.detail("locked")).isEqualTo("账号已锁定");
		assertThat(AuditWords.subject("person:42")).isEqualTo("人员 42");
		assertThat(AuditWords.subject("person 42")).isEqualTo("人员 42");
	}

	@Test
	void theOtherLanguagesAndUnknownShapes() {
		LocaleContextHolder.setLocale(Locale.TRADITIONAL_CHINESE);
		assertThat(AuditWords.detail("wrong password (2 in a row)")).isEqualTo("密碼錯誤（連續第 2 次）");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(AuditWords.detail("12 failed rows")).isEqualTo("12 failed rows discarded");
		assertThat(AuditWords.subject("record_inbox")).isEqualTo("the record queue");
		assertThat(AuditWords.detail("something else")).isEqualTo("something else");
		assertThat(AuditWords.detail(null)).isNull();
	}

}
