package cn.huoxian.demo;

import java.time.Clock;
import java.time.LocalDate;

import cn.huoxian.shared.BusinessDay;

/**
 * When the demo's emergency happens: it runs now. It began {@link #EMERGENCY_DAYS} days
 * before the business day the city is generated (Asia/Shanghai), so days at post, overdue
 * contacts and trends read as they would in a real emergency; the same seed gives the
 * same city on any day, its dates shifted with the day.
 *
 * @param today the business day of the generation
 * @param start the day the emergency began (the article's 24 January 2020)
 */
record DemoCalendar(LocalDate today, LocalDate start) {

	/** Five weeks: the article's first weeks of the response. */
	static final int EMERGENCY_DAYS = 35;

	static DemoCalendar of(Clock clock) {
		return of(BusinessDay.today(clock));
	}

	static DemoCalendar of(LocalDate today) {
		return new DemoCalendar(today, today.minusDays(EMERGENCY_DAYS));
	}

	/** The day {@code days} after the start. */
	LocalDate day(long days) {
		return start.plusDays(days);
	}

}
