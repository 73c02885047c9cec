package cn.huoxian.shared.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.db.DefaultSchema;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import org.jooq.Check;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.http.HttpStatus;

/**
 * The safety net under the checks before the database: a constraint a client can violate
 * (a duplicate, a missing or still-referenced row, text too long, a number out of range,
 * a failed check) is their error, 4xx naming the field when the database says which; a
 * database that cannot answer stays a 5xx.
 */
final class DatabaseErrors {

	private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]*)\\)=");

	private static final Pattern H2_UNIQUE = Pattern.compile(" ON [\\w.\"]+\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern H2_FOREIGN = Pattern.compile("FOREIGN KEY\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern COLUMN = Pattern.compile("column \"(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private DatabaseErrors() {
	}

	/** What the database said, if it was the client's doing; empty for server faults. */
	record Refusal(HttpStatus status, String type, String key, String field, String sqlState, String constraint) {
	}

	static Optional<Refusal> classify(Throwable ex) {
		SQLException sql = sqlException(ex);
		if (sql == null || sql.getSQLState() == null) {
			return Optional.empty();
		}
		String state = sql.getSQLState();
		String message = String.valueOf(sql.getMessage());
		boolean h2 = sql.getClass().getName().startsWith("org.h2.");
		String constraint = constraint(sql, message);
		return Optional.ofNullable(switch (state) {
			case "23505" -> new Refusal(HttpStatus.CONFLICT, "duplicate", "duplicate", field(keyColumns(message)),
					state, constraint);
			// H2: 23503 a row still referenced, 23506 a missing parent; PostgreSQL: 23503
			// both
			case "23503" -> h2 || !message.contains("is not present") ? stillReferenced(state, constraint)
					: missingReference(message, state, constraint);
			case "23506" -> missingReference(message, state, constraint);
			case "23502" -> new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "required", column(sql, message),
					state, constraint);
			// on H2, 23514 means the check itself could not run (a server fault)
			case "23513" -> check(state, constraint);
			case "23514" -> h2 ? null : check(state, constraint);
			case "40001", "40P01" ->
				new Refusal(HttpStatus.CONFLICT, "concurrent-change", "concurrent-change", null, state, constraint);
			default -> state.startsWith("22") ? dataException(state, constraint, column(sql, message)) : null;
		});
	}

	private static Refusal stillReferenced(String state, String constraint) {
		return new Refusal(HttpStatus.CONFLICT, "still-referenced", "still-referenced", null, state, constraint);
	}

	private static Refusal missingReference(String message, String state, String constraint) {
		return new Refusal(HttpStatus.NOT_FOUND, "not-found", "reference-missing", field(keyColumns(message)), state,
				constraint);
	}

	private static Refusal check(String state, String constraint) {
		return new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "check", checkedField(constraint), state,
				constraint);
	}

	private static Refusal dataException(String state, String constraint, String field) {
		String key = switch (state) {
			case "22001" -> "too-long";
			case "22003" -> "out-of-range";
			default -> "bad-value";
		};
		return new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", key, field, state, constraint);
	}

	private static SQLException sqlException(Throwable ex) {
		SQLException found = null;
		for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof SQLException sql) {
				found = sql;
				// the innermost has the most precise state
			}
		}
		return found;
	}

	private static String constraint(SQLException sql, String message) {
		if (sql instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null) {
			return pg.getServerErrorMessage().getConstraint();
		}
		Matcher quoted = QUOTED.matcher(message);
		if (quoted.find()) {
			String first = quoted.group(1);
			int colon = first.indexOf(':');
			return (colon > 0 ? first.substring(0, colon) : first.split(" ")[0]).toLowerCase(Locale.ROOT);
		}
		return null;
	}

	/** The column a value was refused for, where the database names it. */
	private static String column(SQLException sql, String message) {
		if (sql instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null
				&& pg.getServerErrorMessage().getColumn() != null) {
			return camel(pg.getServerErrorMessage().getColumn());
		}
		Matcher m = COLUMN.matcher(message);
		return m.find() ? camel(m.group(1).toLowerCase(Locale.ROOT)) : null;
	}

	private static List<String> keyColumns(String message) {
		for (Pattern pattern : List.of(PG_KEY, H2_FOREIGN, H2_UNIQUE)) {
			Matcher m = pattern.matcher(message);
			if (m.find()) {
				List<String> columns = new ArrayList<>();
				for (String column : m.group(1).split(",")) {
					columns.add(column.trim().split("\\s+")[0].replace("\"", "").toLowerCase(Locale.ROOT));
				}
				return columns;
			}
		}
		return List.of();
	}

	/** The request field of a one-column key: person_id → personId. */
	private static String field(List<String> columns) {
		return columns.size() == 1 ? camel(columns.get(0)) : null;
	}

	/** The one column a named check constraint tests, if it tests only one. */
	private static String checkedField(String constraint) {
		if (constraint == null) {
			return null;
		}
		for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
			for (Check<?> check : table.getChecks()) {
				if (check.getName().equalsIgnoreCase(constraint)) {
					String condition = check.condition().toString();
					List<String> tested = new ArrayList<>();
					for (Field<?> f : table.fields()) {
						if (condition.contains("\"" + f.getName() + "\"")) {
							tested.add(f.getName());
						}
					}
					return field(tested);
				}
			}
		}
		return null;
	}

	static String camel(String column) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	/** The one-line log of a refusal: state and constraint, never the values. */
	static String describe(Refusal refusal) {
		return refusal.sqlState() + (refusal.constraint() == null ? "" : " " + refusal.constraint())
				+ (refusal.field() == null ? "" : " (" + refusal.field() + ")");
	}

	static FieldProblem problem(Refusal refusal, String reason) {
		return new FieldProblem(refusal.field(), reason);
	}

}
