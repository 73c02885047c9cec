package cn.huoxian.exchange;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.shared.InvalidInputException;

/**
 * Where in the file each problem an owner's bulk write names ({@code items[i].field})
 * lies: the chunk's row {@code i}, the column {@code field} when the file has it.
 */
final class Refusals {

	private static final Pattern FIELD = Pattern.compile("\\w+\\[(\\d+)]\\.(\\w*).*");

	private Refusals() {
	}

	/**
	 * Adds a row error for each problem, so the write pass refuses the file with rows and
	 * reasons.
	 */
	static void report(ImportKind kind, List<ImportRow> rows, InvalidInputException ex, String column) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			Matcher field = FIELD.matcher(problem.field());
			ImportRow row = field.matches() ? rows.get(Integer.parseInt(field.group(1))) : rows.get(0);
			String named = field.matches() && known(kind, field.group(2)) ? field.group(2) : column;
			row.error(named, "exchange.error.text", problem.reason());
		}
	}

	private static boolean known(ImportKind kind, String column) {
		return kind.columns().stream().anyMatch(c -> c.name().equals(column));
	}

}
