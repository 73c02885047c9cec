package cn.huoxian.vanguard.web;

import java.util.Map;
import java.util.function.Supplier;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the party-members-at-the-front pages share: running a write (of a form that
 * validated) that answers with a flash message (and what was typed) on the page it came
 * from.
 */
final class PageForms {

	private PageForms() {
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

	/**
	 * Runs a write when the form bound and validated; otherwise keeps its problems
	 * ("field: reason; …", by field; a value not of its type worded by the shared
	 * {@link cn.huoxian.shared.web.PageForms#wordMismatches}) and what was typed, like a
	 * refused write.
	 */
	static <T> T run(BindingResult binding, Supplier<T> write, String recorded, Map<String, String> typed,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			String problems = binding.getFieldErrors()
				.stream()
				.sorted(java.util.Comparator.comparing(FieldError::getField))
				.map(e -> e.getField() + ": " + e.getDefaultMessage())
				.collect(java.util.stream.Collectors.joining("; "));
			redirect.addFlashAttribute("error", problems);
			redirect.addFlashAttribute("typed", typed);
			return null;
		}
		return run(write, recorded, typed, redirect);
	}

	static String region(String region) {
		return region == null || region.isBlank() ? ""
				: "?region=" + org.springframework.web.util.UriUtils.encodeQueryParam(region.strip(), "UTF-8");
	}

}
