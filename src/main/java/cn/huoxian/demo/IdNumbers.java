package cn.huoxian.demo;

import java.time.LocalDate;

/**
 * Builds the valid ID numbers (GB 11643) of one county without formatting or allocating:
 * the generator makes millions. Birth days are numbered from {@link #BIRTH_BASE}; their
 * dates, digits and share of the check sum are computed once.
 */
final class IdNumbers {

	static final LocalDate BIRTH_BASE = LocalDate.of(1935, 1, 1);

	static final int BIRTH_DAYS = 29000;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final LocalDate[] DATES = new LocalDate[BIRTH_DAYS];

	private static final char[] DATE_DIGITS = new char[BIRTH_DAYS * 8];

	private static final int[] DATE_SUMS = new int[BIRTH_DAYS];

	static {
		for (int day = 0; day < BIRTH_DAYS; day++) {
			LocalDate date = BIRTH_BASE.plusDays(day);
			DATES[day] = date;
			int yyyymmdd = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
			int sum = 0;
			for (int i = 7; i >= 0; i--) {
				int digit = yyyymmdd % 10;
				yyyymmdd /= 10;
				DATE_DIGITS[day * 8 + i] = (char) ('0' + digit);
				sum += digit * WEIGHTS[6 + i];
			}
			DATE_SUMS[day] = sum;
		}
	}

	private final int areaSum;

	private final StringBuilder value = new StringBuilder(18);

	IdNumbers(String areaCode) {
		if (areaCode.length() != 6) {
			throw new IllegalArgumentException("an area code has 6 digits: " + areaCode);
		}
		int sum = 0;
		for (int i = 0; i < 6; i++) {
			sum += (areaCode.charAt(i) - '0') * WEIGHTS[i];
		}
		this.areaSum = sum;
		value.append(areaCode).append("000000000000");
	}

	static LocalDate birthDate(int day) {
		return DATES[day];
	}

	static int birthYear(int day) {
		return DATES[day].getYear();
	}

	/**
	 * The ID number for this birth day and 3-digit sequence, in a builder reused by the
	 * next call.
	 */
	CharSequence of(int day, int sequence) {
		if (sequence < 0 || sequence > 999) {
			throw new IllegalArgumentException("sequence out of range: " + sequence);
		}
		int base = day * 8;
		for (int i = 0; i < 8; i++) {
			value.setCharAt(6 + i, DATE_DIGITS[base + i]);
		}
		int s0 = sequence / 100;
		int s1 = sequence / 10 % 10;
		int s2 = sequence % 10;
		value.setCharAt(14, (char) ('0' + s0));
		value.setCharAt(15, (char) ('0' + s1));
		value.setCharAt(16, (char) ('0' + s2));
		int sum = areaSum + DATE_SUMS[day] + s0 * WEIGHTS[14] + s1 * WEIGHTS[15] + s2 * WEIGHTS[16];
		value.setCharAt(17, CHECK[sum % 11]);
		return value;
	}

}
