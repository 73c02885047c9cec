package cn.huoxian.liaison.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;

/**
 * The shapes of what a person types into the liaison pages (an id, ids separated by
 * commas or spaces, an ISO date) as Bean Validation patterns, and their conversion once
 * the form is valid.
 */
final class PageFields {

	/** One id (digits, at most 18 so that it fits a long), blank allowed. */
	static final String ID = "\\s*(\\d{1,18})?\\s*";

	/** Ids separated by commas (also full-width and 、) or spaces, blank allowed. */
	static final String IDS = "[\\s,，、]*(\\d{1,18}([\\s,，、]+\\d{1,18})*)?[\\s,，、]*";

	/** An ISO date, blank allowed (whether the day exists is checked when it is read). */
	static final String DATE = "\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*";

	private PageFields() {
	}

	static Long id(String value) {
		return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
	}

	static List<Long> ids(String value) {
		List<Long> ids = new ArrayList<>();
		for (String part : LiaisonPages.split(value)) {
			Long id = Long.valueOf(part);
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, Messages.text("liaison.field.date"));
		}
	}

}
