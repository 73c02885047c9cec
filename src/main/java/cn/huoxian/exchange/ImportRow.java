package cn.huoxian.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.stream.Stream;

/**
 * One data row with typed access to its columns; problems go to the file's error list
 * under this row.
 */
final class ImportRow {

	// spreadsheets count days from 1899-12-30 (the 1900 date system)
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final List<DateTimeFormatter> DATES = Stream
		.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日")
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final List<DateTimeFormatter> DATE_TIMES = Stream
		.of("uuuu-M-d H:mm", "uuuu-M-d H:mm:ss", "uuuu/M/d H:mm", "uuuu/M/d H:mm:ss", "uuuu-M-d'T'H:mm",
				"uuuu-M-d'T'H:mm:ss")
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86_400);

	private final SourceRow source;

	private final Header header;

	private final RowErrors errors;

	private int problems;

	ImportRow(SourceRow source, Header header, RowErrors errors) {
		this.source = source;
		this.header = header;
		this.errors = errors;
	}

	int number() {
		return source.number();
	}

	boolean hasErrors() {
		return problems > 0;
	}

	void error(String column, String key, Object... args) {
		problems++;
		errors.add(number(), column, header.written(column), key, args);
	}

	/** The stripped text, or null when blank. */
	String text(String column) {
		CellValue cell = header.cell(source, column);
		return cell.isBlank() ? null : cell.text();
	}

	/** The column's header as the file writes it. */
	String header(String column) {
		return header.written(column);
	}

	boolean isNumber(String column) {
		return header.cell(source, column).isNumber();
	}

	String required(String column, int maxLength) {
		String value = text(column);
		if (value == null) {
			error(column, "exchange.error.required");
		}
		return checkLength(column, value, maxLength);
	}

	String optional(String column, int maxLength) {
		return checkLength(column, text(column), maxLength);
	}

	private String checkLength(String column, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			error(column, "exchange.error.tooLong", maxLength);
			return null;
		}
		return value;
	}

	/** A whole number, or null (blank or, with an error, not a number). */
	Long wholeNumber(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			error(column, "exchange.error.notWholeNumber");
			return null;
		}
	}

	/**
	 * A date from a date cell or text such as 2001-07-01, 2001/7/1, 20010701; null when
	 * blank or wrong.
	 */
	LocalDate date(String column) {
		CellValue cell = header.cell(source, column);
		if (cell.isBlank()) {
			return null;
		}
		if (cell.isNumber() && cell.text().length() < 8) {
			try {
				// a date-time cell keeps only its day
				return EXCEL_EPOCH.plusDays(cell.number().setScale(0, RoundingMode.FLOOR).longValueExact());
			}
			catch (ArithmeticException | DateTimeException ex) {
				// out of range: reported below
			}
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(cell.text(), format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		error(column, "exchange.error.date");
		return null;
	}

	/**
	 * A moment from a date-time cell (to the second) or text such as 2020-02-01 10:00,
	 * 2020/2/1 10:00:30, 2020-02-01T10:00 (taken in {@code zone}) or ISO with an offset;
	 * null when blank or wrong.
	 */
	OffsetDateTime dateTime(String column, ZoneId zone) {
		CellValue cell = header.cell(source, column);
		if (cell.isBlank()) {
			return null;
		}
		LocalDateTime local = cell.isNumber() ? excelDateTime(cell.number()) : localDateTime(cell.text());
		if (local != null) {
			return local.atZone(zone).toOffsetDateTime();
		}
		try {
			return OffsetDateTime.parse(cell.text());
		}
		catch (DateTimeParseException ex) {
			error(column, "exchange.error.dateTime");
			return null;
		}
	}

	private static LocalDateTime excelDateTime(BigDecimal days) {
		try {
			long seconds = days.multiply(SECONDS_A_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
			return EXCEL_EPOCH.atStartOfDay().plusSeconds(seconds);
		}
		catch (ArithmeticException | DateTimeException ex) {
			return null;
		}
	}

	private static LocalDateTime localDateTime(String text) {
		for (DateTimeFormatter format : DATE_TIMES) {
			try {
				return LocalDateTime.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return null;
	}

	/** A decimal number, or null (blank or, with the given error, not a number). */
	BigDecimal decimal(String column, String key) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			error(column, key);
			return null;
		}
	}

}
