package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.BusinessDay;

/** Small helpers the sources share. */
final class Sources {

	/**
	 * Rows fetched at a time when a source walks its table (the rebuild): PostgreSQL's
	 * driver streams only with a fetch size, otherwise it reads every row first.
	 */
	static final int FETCH_SIZE = 5_000;

	private Sources() {
	}

	/**
	 * A day's work without a time of its own counts from the start of that day in
	 * Shanghai.
	 */
	static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(BusinessDay.ZONE).toOffsetDateTime();
	}

	/** "text" or "text（detail）". */
	static String with(String text, String detail) {
		return detail == null || detail.isBlank() ? text : text + "（" + detail + "）";
	}

}
