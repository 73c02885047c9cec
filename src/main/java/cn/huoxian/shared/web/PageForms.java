package cn.huoxian.shared.web;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.WebDataBinder;

/**
 * What a page does with a form bound by {@code @Valid @ModelAttribute}: a value that is
 * not of the field's type is worded in the caller's language and kept as typed, and the
 * field problems a service finds (the database, the caller's scope) go next to their
 * fields like the form's own.
 */
public final class PageForms {

	private PageForms() {
	}

	/**
	 * Words the binder's type mismatches: "not a number: abc", "not a valid date", "not a
	 * valid value". Call it from the controller's {@code @InitBinder}.
	 */
	public static void wordMismatches(WebDataBinder binder) {
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
			@Override
			public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
				String field = ex.getPropertyName();
				Object value = ex.getValue();
				result.addError(new FieldError(result.getObjectName(), field, value, true, null, null,
						mismatch(result.getFieldType(field), value)));
			}
		});
	}

	private static String mismatch(Class<?> type, Object value) {
		String typed = value instanceof String[] values && values.length > 0 ? values[0] : String.valueOf(value);
		if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class)) {
			return Messages.text("problem.field.not-a-number", typed.strip());
		}
		if (type != null && Temporal.class.isAssignableFrom(type)) {
			return Messages.text("problem.field.not-a-date");
		}
		if (type != null && type.isEnum()) {
			return Messages.text("problem.field.unknown-value", typed.strip());
		}
		return Messages.text("problem.wrong-type");
	}

	/**
	 * Puts a service's field problems next to the form's fields; one the form has no
	 * field for is shown above the form, with its name.
	 */
	public static void reject(BindingResult binding, InvalidInputException ex) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			String field = problem.field();
			if (hasField(binding, field)) {
				binding.rejectValue(field, "invalid", problem.reason());
			}
			else {
				binding.reject("invalid", field + ": " + problem.reason());
			}
		}
	}

	/**
	 * The binding's errors as field problems, for a page that reports them in one line (a
	 * flash message) rather than beside its fields.
	 */
	public static List<InvalidInputException.FieldProblem> problems(BindingResult binding) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		for (ObjectError error : binding.getAllErrors()) {
			String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
			problems.add(new InvalidInputException.FieldProblem(field, error.getDefaultMessage()));
		}
		return problems;
	}

	private static boolean hasField(BindingResult binding, String field) {
		try {
			return binding.getTarget() != null && binding.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
