package cn.huoxian.exchange;

import java.math.BigDecimal;

/**
 * One cell as read: its text, and for number cells of a spreadsheet the number as well.
 */
record CellValue(String text, BigDecimal number) {

	static final CellValue BLANK = new CellValue("", null);

	static CellValue text(String text) {
		return new CellValue(text == null ? "" : text.strip(), null);
	}

	static CellValue number(BigDecimal number) {
		// 130902001000 stays digits, never 1.30902001E+11
		return new CellValue(number.stripTrailingZeros().toPlainString(), number);
	}

	boolean isBlank() {
		return text.isEmpty();
	}

	boolean isNumber() {
		return number != null;
	}

}
