package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Content-Disposition of a ledger: quoted when ASCII, RFC 5987 otherwise. */
class LedgerDownloadsTests {

	@Test
	void anAsciiNameIsQuoted() {
		assertThat(LedgerDownloads.attachment("teams-130902-20200201.xlsx"))
			.isEqualTo("attachment; filename=\"teams-130902-20200201.xlsx\"");
	}

	@Test
	void aChineseNameIsPercentEncodedAsUtf8() {
		assertThat(LedgerDownloads.attachment("盲区台账-返乡 排查-130902.xlsx"))
			.isEqualTo("attachment; filename*=UTF-8''%E7%9B%B2%E5%8C%BA%E5%8F%B0%E8%B4%A6-%E8%BF%94%E4%B9%A1%20"
					+ "%E6%8E%92%E6%9F%A5-130902.xlsx");
	}

}
