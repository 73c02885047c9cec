package cn.huoxian.liaison.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A page form's problems by field, for the messages beside the fields: the Bean
 * Validation errors of its binding, and those a service found (the database, the caller's
 * scope) put next to them.
 */
final class PageErrors {

	private PageErrors() {
	}

	/** The binding's errors, field by field (a value of the wrong type says so). */
	static Map<String, String> of(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<FieldError> fields = binding.getFieldErrors()
			.stream()
			.sorted(java.util.Comparator.comparing(FieldError::getField))
			.toList();
		for (FieldError error : fields) {
			String reason = error.isBindingFailure() ? Messages.text("problem.wrong-type") : error.getDefaultMessage();
			errors.merge(error.getField(), reason, (a, b) -> a + "; " + b);
		}
		binding.getGlobalErrors().forEach(e -> errors.merge("", e.getDefaultMessage(), (a, b) -> a + "; " + b));
		return errors;
	}

	/**
	 * Puts a service's field problems into the binding, beside the fields they concern.
	 */
	static void reject(BindingResult binding, InvalidInputException ex) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			String field = problem.field().replaceFirst("\\[\\d+\\]$", "");
			if (binding.getTarget() != null && hasField(binding, field)) {
				binding.rejectValue(field, "invalid", problem.reason());
			}
			else {
				binding.reject("invalid", problem.field() + ": " + problem.reason());
			}
		}
	}

	/** The first problem of a binding that has some, as one line for a flash message. */
	static String first(BindingResult binding) {
		return of(binding).entrySet()
			.stream()
			.findFirst()
			.map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue())
			.orElse("");
	}

	private static boolean hasField(BindingResult binding, String field) {
		try {
			return binding.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
