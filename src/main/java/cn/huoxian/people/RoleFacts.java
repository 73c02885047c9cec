package cn.huoxian.people;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A role has the facts its kind needs: a cadre's rank; a party member's organisation,
 * join date and membership; medical staff's institution; a first secretary's dispatching
 * unit. Each missing fact is reported on its own field.
 */
@Documented
@Constraint(validatedBy = RoleFactsValidator.class)
@Target({ ElementType.TYPE, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RoleFacts {

	String message() default "{problem.required}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
