package cn.huoxian.shared;

import static cn.huoxian.support.TestClock.LAST_SECOND_OF_1_MARCH;
import static cn.huoxian.support.TestClock.MIDNIGHT_2_MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Bean Validation's today is the app's clock in Asia/Shanghai, for {@code @Valid}
 * bindings and {@link Forms#check} alike: a date that is in the future at 23:59:59 in
 * Shanghai is today a second later (the API's side: WorkLogDayTests).
 */
@SqlTest
@Import(TestClock.Config.class)
class ValidationClockTests {

	record Event(@PastOrPresent(message = "{problem.field.future}") LocalDate on,
			@PlausibleDate(yearsAhead = 1) LocalDate planned, @PlausibleDate(yearsAhead = 0) OffsetDateTime at) {
	}

	@Autowired
	Forms forms;

	@Autowired
	Validator validator;

	@Autowired
	TestClock clock;

	@BeforeEach
	void inChinese() {
		// as in a request from a browser set to Chinese
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void tomorrowInShanghaiBecomesTodayAtShanghaiMidnight() {
		LocalDate second = LocalDate.of(2026, 3, 2);
		Event tomorrow = new Event(second, null, null);

		clock.set(LAST_SECOND_OF_1_MARCH);
		assertThatThrownBy(() -> forms.check(tomorrow)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.problems())
					.containsExactly(new InvalidInputException.FieldProblem("on", "不能是将来的时间")));

		clock.set(MIDNIGHT_2_MARCH);
		assertThat(forms.check(tomorrow)).isSameAs(tomorrow);
	}

	@Test
	void plausibleDatesFollowTheClockToo() {
		// a year after 2 March 2026, and 00:00:30 on 2 March in Shanghai (16:00:30 UTC)
		Event ahead = new Event(null, LocalDate.of(2027, 3, 2), OffsetDateTime.parse("2026-03-01T16:00:30Z"));

		clock.set(LAST_SECOND_OF_1_MARCH);
		assertThat(validator.validate(ahead)).extracting(v -> v.getPropertyPath().toString())
			.containsExactlyInAnyOrder("planned", "at");
		assertThatThrownBy(() -> forms.check(ahead)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.problems()).containsExactly(
						new InvalidInputException.FieldProblem("at", "日期应不早于 2019-01-01，且不晚于今天起 0 年"),
						new InvalidInputException.FieldProblem("planned", "日期应不早于 2019-01-01，且不晚于今天起 1 年")));

		clock.set(MIDNIGHT_2_MARCH);
		assertThat(validator.validate(ahead)).isEmpty();
		assertThat(forms.check(ahead)).isSameAs(ahead);
	}

}
