package cn.huoxian.shared;

import java.util.regex.Pattern;

/** Mainland phone numbers: validation and masking. */
public final class Phones {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private Phones() {
	}

	public static boolean isValid(String phone) {
		return phone != null && PHONE.matcher(phone).matches();
	}

	/** 13812345678 becomes 138****5678. */
	public static String mask(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone;
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}
