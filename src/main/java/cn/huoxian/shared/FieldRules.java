package cn.huoxian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A form's rules across its fields (one field required by another's value, one date not
 * before another): the form says them in {@link Form#rules}, each broken rule is a
 * violation of the field it names, worded from a bundle key like any other field error.
 */
@Documented
@Constraint(validatedBy = FieldRulesValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FieldRules {

	String message() default "{problem.status.400}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A form with rules across its fields. */
	interface Form {

		void rules(Rules rules);

	}

	/** Where a form reports its broken rules. */
	interface Rules {

		/**
		 * Unless {@code holds}, the field is wrong: the message {@code key} with
		 * {@code args}, in the caller's language.
		 */
		Rules require(boolean holds, String field, String key, Object... args);

	}

}
