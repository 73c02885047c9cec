package cn.huoxian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date (or date-time) an event of this campaign can have: not before {@link #from()}
 * (the campaign's records start in 2019) and not more than {@link #yearsAhead()} years
 * after today in Asia/Shanghai. Null is valid (use {@code @NotNull} where a date is
 * required). For {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime},
 * {@code ZonedDateTime} and {@code Instant}.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	/** The earliest date accepted, ISO (inclusive). */
	String from() default "2019-01-01";

	/** How far after today a date may be, in years (0: not after today). */
	int yearsAhead() default 1;

	String message() default "{huoxian.PlausibleDate.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
