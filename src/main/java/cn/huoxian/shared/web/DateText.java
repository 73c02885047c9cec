package cn.huoxian.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.Temporal;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Messages;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates on pages in the reader's language, in its long form ({@code 2026年12月7日},
 * {@code December 7, 2026}): {@code ${@dates.day(c.startDate)}}. Inputs keep ISO
 * ({@code spring.mvc.format.date: iso}), which a date field can show.
 */
@Component("dates")
public class DateText {

	/**
	 * A day in the long form; an instant by its business day in Shanghai; null for null
	 * (so {@code ?: '—'} still applies); anything else as it is.
	 */
	public @Nullable String day(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		LocalDate day = value instanceof LocalDate d ? d
				: value instanceof OffsetDateTime t ? t.atZoneSameInstant(BusinessDay.ZONE).toLocalDate() : null;
		if (day == null) {
			return value.toString();
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Messages.locale()).format(day);
	}

	/**
	 * A moment as it was in Shanghai, its day in the long form and its time to the minute
	 * ({@code 2026年12月7日 11:05}); null for null.
	 */
	public @Nullable String time(@Nullable Temporal value) {
		return moment(value, MINUTES);
	}

	/** As {@link #time}, to the second (the audit log). */
	public @Nullable String second(@Nullable Temporal value) {
		return moment(value, SECONDS);
	}

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

	private @Nullable String moment(@Nullable Temporal value, DateTimeFormatter clock) {
		if (value == null) {
			return null;
		}
		ZonedDateTime at = value instanceof OffsetDateTime t ? t.atZoneSameInstant(BusinessDay.ZONE)
				: value instanceof ZonedDateTime z ? z.withZoneSameInstant(BusinessDay.ZONE)
						: value instanceof Instant i ? i.atZone(BusinessDay.ZONE) : null;
		if (at == null) {
			return value.toString();
		}
		return day(at.toLocalDate()) + " " + clock.format(at);
	}

}
