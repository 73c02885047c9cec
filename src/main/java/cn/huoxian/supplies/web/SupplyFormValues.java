package cn.huoxian.supplies.web;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;

/** What the supplies forms send, read as typed (kept to show again) and as numbers. */
final class SupplyFormValues {

	private SupplyFormValues() {
	}

	/** The value as typed, to show again in the form ("" for none). */
	static String typed(String value) {
		return value == null ? "" : value;
	}

	/** A quantity as typed: null when blank, 400 naming the field when not a number. */
	static Long quantity(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("quantity", Messages.text("problem.field.not-a-number", value));
		}
	}

}
