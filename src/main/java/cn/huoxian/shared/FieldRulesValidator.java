package cn.huoxian.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link FieldRules}: each broken rule a violation of its own field. */
public class FieldRulesValidator implements ConstraintValidator<FieldRules, FieldRules.Form> {

	@Override
	public boolean isValid(FieldRules.Form form, ConstraintValidatorContext context) {
		if (form == null) {
			return true;
		}
		boolean[] valid = { true };
		context.disableDefaultConstraintViolation();
		form.rules(new FieldRules.Rules() {
			@Override
			public FieldRules.Rules require(boolean holds, String field, String key, Object... args) {
				if (!holds) {
					valid[0] = false;
					context.buildConstraintViolationWithTemplate(literal(Messages.text(key, args)))
						.addPropertyNode(field)
						.addConstraintViolation();
				}
				return this;
			}
		});
		return valid[0];
	}

	/** Worded text as a message template: nothing in it is interpolated again. */
	static String literal(String text) {
		return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
