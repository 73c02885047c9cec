package cn.huoxian.shared;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * Checks a form's Bean Validation constraints where no {@code @Valid} binding does it: a
 * service checks the form it is given on entry, whoever called it. The validator is
 * Spring's, as for {@code @Valid} bindings: the same {@code {key}} messages from the
 * product's bundles and the same clock ({@link ValidationClock}). Field problems come
 * back as {@link InvalidInputException}, which the API and the pages show by field.
 */
@Component
public class Forms {

	/**
	 * The range of a body temperature, as the screening and isolation services say it (a
	 * Bean Validation message: the key in braces is looked up in the caller's language).
	 */
	public static final String BODY_TEMPERATURE = "{problem.field.body-temperature}";

	private final Validator validator;

	Forms(Validator validator) {
		this.validator = validator;
	}

	/** Throws the form's violations, field by field, or returns the form unchanged. */
	public <T> T check(T form) {
		List<InvalidInputException.FieldProblem> problems = validator.validate(form)
			.stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.map(Forms::problem)
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return form;
	}

	private static InvalidInputException.FieldProblem problem(ConstraintViolation<?> violation) {
		return new InvalidInputException.FieldProblem(violation.getPropertyPath().toString(), violation.getMessage());
	}

}
