package cn.huoxian.shared.web;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The usual shape of an ISO-8601 date-time with an offset,
 * {@code 2020-02-01T08:00:00+08:00} ({@code yyyy-MM-ddTHH:mm[:ss[.f…]]} then {@code Z} or
 * {@code ±HH:MM}), read without {@code DateTimeFormatter}, whose general parser was 8 %
 * of a new server's request threads under visit ingestion (one {@code visitedAt} per
 * visit; issue 13). Anything else (other shapes, values out of range) is {@code null}:
 * the caller then parses it as before, so what is accepted, and each refusal's message,
 * do not change.
 */
final class QuickOffsetTimes {

	private QuickOffsetTimes() {
	}

	static OffsetDateTime parse(String text) {
		int n = text.length();
		if (n < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int at = 16;
		int second = 0;
		int nano = 0;
		if (at < n && text.charAt(at) == ':') {
			second = digits(text, at + 1, 2);
			at += 3;
			if (at < n && text.charAt(at) == '.') {
				int start = ++at;
				while (at < n && at - start < 10 && isDigit(text.charAt(at))) {
					nano = nano * 10 + text.charAt(at++) - '0';
				}
				int width = at - start;
				if (width == 0 || width > 9) {
					return null;
				}
				for (int i = width; i < 9; i++) {
					nano *= 10;
				}
			}
		}
		ZoneOffset offset = offset(text, at);
		if ((year | month | day | hour | minute | second) < 0 || offset == null || hour > 23 || minute > 59
				|| second > 59) {
			return null;
		}
		try {
			return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * {@code Z} or {@code ±HH:MM} ending the text at {@code at}; null for anything else.
	 */
	private static ZoneOffset offset(String text, int at) {
		int rest = text.length() - at;
		if (rest == 1 && text.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		if (rest != 6 || text.charAt(at + 3) != ':') {
			return null;
		}
		char sign = text.charAt(at);
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
			return null;
		}
		try {
			return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The number written by {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		if (from + count > text.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + c - '0';
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
