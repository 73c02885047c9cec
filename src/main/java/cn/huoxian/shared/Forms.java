package cn.huoxian.shared;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.validation.beanvalidation.LocaleContextMessageInterpolator;
import org.springframework.validation.beanvalidation.MessageSourceResourceBundleLocator;

/**
 * Checks a form's Bean Validation limits (lengths, ranges) where no {@code @Valid}
 * binding does it: on pages that build the API's form records from request parameters.
 * Field problems come back as {@link InvalidInputException}, which the pages already show
 * next to their fields.
 */
public final class Forms {

	/**
	 * The range of a body temperature, as the screening and isolation services say it (a
	 * Bean Validation message: the key in braces is looked up in the caller's language).
	 */
	public static final String BODY_TEMPERATURE = "{problem.field.body-temperature}";

	private static final Validator VALIDATOR = validator();

	private Forms() {
	}

	/** Throws the form's violations, field by field, or returns the form unchanged. */
	public static <T> T check(T form) {
		List<InvalidInputException.FieldProblem> problems = VALIDATOR.validate(form)
			.stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.map(Forms::problem)
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return form;
	}

	/** A single text parameter: at most {@code max} characters. */
	public static String checkLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInputException(field, tooLong(max));
		}
		return value;
	}

	private static InvalidInputException.FieldProblem problem(ConstraintViolation<?> violation) {
		return new InvalidInputException.FieldProblem(violation.getPropertyPath().toString(), violation.getMessage());
	}

	private static String tooLong(int max) {
		return Messages.text("problem.field.too-long", max);
	}

	private static Validator validator() {
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		// {key} messages come from the product's bundles, like those of @Valid bindings
		var bundles = new ResourceBundleMessageInterpolator(new MessageSourceResourceBundleLocator(Messages.source()));
		return configuration.messageInterpolator(new LocaleContextMessageInterpolator(bundles))
			.buildValidatorFactory()
			.getValidator();
	}

}
