package cn.huoxian.vanguard.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the party-members-at-the-front pages share: reading form fields, and running a
 * write that answers with a flash message (and what was typed) on the page it came from.
 */
final class PageForms {

	private PageForms() {
	}

	static Long number(Map<String, String> form, String field) {
		String value = form.get(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, Messages.text("frontline.form.not-number", value.strip()));
		}
	}

	static LocalDate date(Map<String, String> form, String field) {
		String value = form.get(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, Messages.text("frontline.form.not-date"));
		}
	}

	static boolean checked(Map<String, String> form, String field) {
		return "true".equals(form.get(field)) || "on".equals(form.get(field));
	}

	/**
	 * Runs a write; on bad input or a broken rule keeps the message and what was typed
	 * for the page the redirect leads to.
	 */
	static <T> T run(Supplier<T> write, String recorded, Map<String, String> form, RedirectAttributes redirect) {
		try {
			T result = write.get();
			redirect.addFlashAttribute("recorded", recorded);
			return result;
		}
		catch (InvalidInputException | RuleViolationException | ReferenceNotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typed", form);
			return null;
		}
	}

	static String region(String region) {
		return region == null || region.isBlank() ? ""
				: "?region=" + org.springframework.web.util.UriUtils.encodeQueryParam(region.strip(), "UTF-8");
	}

}
