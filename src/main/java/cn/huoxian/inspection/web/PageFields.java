package cn.huoxian.inspection.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;

/**
 * Reading the inspection pages' form fields: each problem is collected for the field it
 * belongs to, so the page shows them all at once.
 */
final class PageFields {

	private PageFields() {
	}

	static Map<String, String> asMap(List<FieldProblem> problems) {
		Map<String, String> map = new LinkedHashMap<>();
		problems.forEach(p -> map.merge(p.field(), p.reason(), (a, b) -> a + "; " + b));
		return map;
	}

	static Long number(String value, String field, List<FieldProblem> problems, boolean required) {
		if (blank(value) == null) {
			if (required) {
				problems.add(new FieldProblem(field, Messages.text("problem.required")));
			}
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.not-a-number", value.strip())));
			return null;
		}
	}

	static LocalDate date(String value, String field, List<FieldProblem> problems) {
		if (blank(value) == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.not-a-date")));
			return null;
		}
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
