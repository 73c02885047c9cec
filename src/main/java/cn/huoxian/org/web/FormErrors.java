package cn.huoxian.org.web;

import cn.huoxian.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts a service's field problems next to the form fields they concern. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult binding, InvalidInputException ex) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			String field = problem.field();
			if (binding.getTarget() != null && hasField(binding, field)) {
				binding.rejectValue(field, "invalid", problem.reason());
			}
			else {
				binding.reject("invalid", field + ": " + problem.reason());
			}
		}
	}

	private static boolean hasField(BindingResult binding, String field) {
		try {
			binding.getFieldType(field);
			return binding.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
