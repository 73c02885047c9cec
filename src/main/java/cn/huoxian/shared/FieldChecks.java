package cn.huoxian.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.huoxian.shared.InvalidInputException.FieldProblem;

/**
 * The field checks a service makes that need the database, the clock or the caller's
 * scope (the person is a cadre, the region is in scope): collected field by field and
 * thrown together as one {@link InvalidInputException}. Checks of shape alone belong on
 * the form, as Bean Validation constraints.
 */
public final class FieldChecks {

	private final List<FieldProblem> problems = new ArrayList<>();

	/**
	 * Unless {@code holds}, the field is wrong: the message {@code key} with its args.
	 */
	public FieldChecks require(boolean holds, String field, String key, Object... args) {
		if (!holds) {
			problems.add(new FieldProblem(field, Messages.text(key, args)));
		}
		return this;
	}

	/**
	 * The answer of a check that may refuse its field (an {@link InvalidInputException}),
	 * or null with the refusal kept for later.
	 */
	public <T> T attempt(Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	/** True when the field has a problem already. */
	public boolean failed(String field) {
		return problems.stream().anyMatch(p -> p.field().equals(field));
	}

	/** Throws the problems found, if any. */
	public void done() {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
