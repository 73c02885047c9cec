package cn.huoxian.exchange;

import java.util.Locale;

/**
 * One column of an import file: its English name and its Simplified and Traditional
 * Chinese headers (any of the three is accepted), and whether every row must fill it.
 */
public record ImportColumn(String name, String simplified, String traditional, boolean required) {

	static ImportColumn required(String name, String simplified, String traditional) {
		return new ImportColumn(name, simplified, traditional, true);
	}

	static ImportColumn optional(String name, String simplified, String traditional) {
		return new ImportColumn(name, simplified, traditional, false);
	}

	/**
	 * True when a header cell names this column (English ignoring case, or either Chinese
	 * form).
	 */
	public boolean matches(String header) {
		String h = normalise(header);
		return h.equalsIgnoreCase(name) || h.equals(simplified) || h.equals(traditional);
	}

	/** The header a template for this locale uses. */
	public String header(Locale locale) {
		if (!"zh".equals(locale.getLanguage())) {
			return name;
		}
		boolean traditionalScript = "Hant".equals(locale.getScript()) || "TW".equals(locale.getCountry())
				|| "HK".equals(locale.getCountry());
		return traditionalScript ? traditional : simplified;
	}

	static String normalise(String header) {
		return header == null ? "" : header.replace("\uFEFF", "").strip();
	}

}
