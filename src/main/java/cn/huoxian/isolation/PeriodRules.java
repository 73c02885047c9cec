package cn.huoxian.isolation;

import java.time.LocalDate;

/** How a contact moves a case's end date (the rules mature surveillance systems use). */
final class PeriodRules {

	private PeriodRules() {
	}

	/**
	 * Symptoms restart the observation: the period runs again from that day. A contact
	 * that did not reach the person on or after the last day keeps the case open the next
	 * day. Otherwise the end stays.
	 */
	static LocalDate endAfterContact(LocalDate end, LocalDate day, boolean reached, boolean symptoms, int periodDays) {
		LocalDate result = end;
		if (symptoms) {
			LocalDate restarted = day.plusDays(periodDays - 1L);
			result = restarted.isAfter(result) ? restarted : result;
		}
		if (!reached && !day.isBefore(result)) {
			result = day.plusDays(1);
		}
		return result;
	}

}
