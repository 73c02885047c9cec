package cn.huoxian.shared;

/** Checks on text a client sends, shared by the JSON reader and the parameter filter. */
public final class Text {

	private Text() {
	}

	/**
	 * No NUL and no half of a surrogate pair: PostgreSQL refuses NUL, and a lone
	 * surrogate is not text in any encoding.
	 */
	public static boolean isClean(CharSequence value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** The text without surrounding white space, or null when there is none left. */
	public static String orNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
