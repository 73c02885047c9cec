package cn.huoxian.exchange;

import java.util.Map;

/**
 * Message keys for the English sentences {@code IdNumber.problem} gives, so pages can
 * show them in any language.
 */
final class IdNumberProblems {

	private static final Map<String, String> KEYS = Map.of("must be 18 characters", "exchange.error.idNumber.length",
			"the first 17 characters must be digits", "exchange.error.idNumber.digits", "check digit is wrong",
			"exchange.error.idNumber.checkDigit", "birth date is out of range", "exchange.error.idNumber.birthRange",
			"birth date is not a real date", "exchange.error.idNumber.birthDate");

	private IdNumberProblems() {
	}

	/**
	 * The key for a known sentence; unknown ones are shown as given
	 * ({@code exchange.error.text}).
	 */
	static String key(String problem) {
		return KEYS.getOrDefault(problem, "exchange.error.text");
	}

}
