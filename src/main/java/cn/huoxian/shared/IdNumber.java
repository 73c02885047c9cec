package cn.huoxian.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character resident ID number (GB 11643): 6-digit address code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and a check character over the
 * first 17 digits.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/**
	 * Checks the value's form (length, digits, check character, a real birth date from
	 * 1850); whether that birth date has come is checked against the caller's business
	 * day by {@link #problemKey(String, LocalDate)}.
	 */
	public IdNumber {
		Optional<String> problem = formProblemKey(value).map(Messages::text);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
		value = value.toUpperCase();
	}

	/**
	 * Why a value is not a valid ID number on business day {@code today}, in the caller's
	 * language; empty when it is one.
	 */
	public static Optional<String> problem(String raw, LocalDate today) {
		return problemKey(raw, today).map(Messages::text);
	}

	/**
	 * Why a value is not a valid ID number on business day {@code today}, as a message
	 * key; empty when it is one.
	 */
	public static Optional<String> problemKey(String raw, LocalDate today) {
		Optional<String> problem = formProblemKey(raw);
		if (problem.isEmpty() && birthDate(raw).isAfter(today)) {
			return Optional.of("problem.id-number.birth-range");
		}
		return problem;
	}

	private static Optional<String> formProblemKey(String raw) {
		if (raw == null || raw.length() != 18) {
			return Optional.of("problem.id-number.length");
		}
		String value = raw.toUpperCase();
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
				return Optional.of("problem.id-number.digits");
			}
		}
		if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
			return Optional.of("problem.id-number.check-digit");
		}
		try {
			LocalDate birth = birthDate(value);
			if (birth.getYear() < 1850) {
				return Optional.of("problem.id-number.birth-range");
			}
		}
		catch (DateTimeException ex) {
			return Optional.of("problem.id-number.birth-date");
		}
		return Optional.empty();
	}

	public static boolean isValid(String raw, LocalDate today) {
		return problemKey(raw, today).isEmpty();
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Builds a valid ID number from its parts (used by the demo generator and tests). */
	public static IdNumber of(String areaCode, LocalDate birthDate, int sequence) {
		String first17 = areaCode + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return new IdNumber(first17 + checkCharacter(first17));
	}

	private static LocalDate birthDate(String value) {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	public LocalDate birthDate() {
		return birthDate(value);
	}

	/** 'M' when the sequence is odd, 'F' when even. */
	public char sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
	}

	public String areaCode() {
		return value.substring(0, 6);
	}

	/** Shows the area code and the last four characters only. */
	public String masked() {
		return mask(value);
	}

	public static String mask(String value) {
		if (value == null || value.length() < 10) {
			return value;
		}
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}

}
