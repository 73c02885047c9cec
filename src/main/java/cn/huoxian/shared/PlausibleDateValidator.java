package cn.huoxian.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlausibleDate}: between its first day and today plus its years ahead. */
public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, Temporal> {

	private LocalDate from;

	private int yearsAhead;

	@Override
	public void initialize(PlausibleDate annotation) {
		this.from = LocalDate.parse(annotation.from());
		this.yearsAhead = annotation.yearsAhead();
	}

	@Override
	public boolean isValid(Temporal value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		LocalDate day = day(value);
		if (day == null) {
			return false;
		}
		// today in Asia/Shanghai by the validator's clock: the app's (ValidationClock)
		Clock clock = context.getClockProvider().getClock();
		return !day.isBefore(from) && !day.isAfter(BusinessDay.today(clock).plusYears(yearsAhead));
	}

	private static LocalDate day(Temporal value) {
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof LocalDateTime t) {
			return t.toLocalDate();
		}
		if (value instanceof OffsetDateTime t) {
			return t.atZoneSameInstant(BusinessDay.ZONE).toLocalDate();
		}
		if (value instanceof ZonedDateTime t) {
			return t.withZoneSameInstant(BusinessDay.ZONE).toLocalDate();
		}
		if (value instanceof Instant t) {
			return t.atZone(BusinessDay.ZONE).toLocalDate();
		}
		return null;
	}

}
