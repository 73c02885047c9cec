package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.huoxian.shared.BusinessDay;

/** Small helpers the sources share. */
final class Sources {

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
