package cn.huoxian.shared;

import java.util.List;
import java.util.Map;

/** Bad input, answered with 400 and the fields at fault. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(String field, String reason) {
		this(List.of(new FieldProblem(field, reason)));
	}

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.stream()
			.map(p -> p.field() + ": " + p.reason())
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid"));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	public Map<String, String> asMap() {
		return problems.stream()
			.collect(java.util.stream.Collectors.toMap(FieldProblem::field, FieldProblem::reason,
					(a, b) -> a + "; " + b, java.util.LinkedHashMap::new));
	}

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String reason) {
	}

}
