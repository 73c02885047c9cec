package cn.huoxian.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodRulesTests {

	private final LocalDate end = LocalDate.of(2020, 2, 14);

	@Test
	void keepsTheEndAfterAGoodContact() {
		assertThat(PeriodRules.endAfterContact(end, LocalDate.of(2020, 2, 10), true, false, 14)).isEqualTo(end);
	}

	@Test
	void symptomsRestartTheObservationFromThatDay() {
		assertThat(PeriodRules.endAfterContact(end, LocalDate.of(2020, 2, 10), true, true, 14))
			.isEqualTo(LocalDate.of(2020, 2, 23));
	}

	@Test
	void aFailedContactOnTheLastDayKeepsTheCaseOpenOneMoreDay() {
		assertThat(PeriodRules.endAfterContact(end, end, false, false, 14)).isEqualTo(end.plusDays(1));
		// earlier failures change nothing: there are still days left to reach the person
		assertThat(PeriodRules.endAfterContact(end, end.minusDays(3), false, false, 14)).isEqualTo(end);
	}

}
