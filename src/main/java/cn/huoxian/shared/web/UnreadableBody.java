package cn.huoxian.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.web.Problems.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Words a request body that could not be read: missing, not JSON, or a value of the wrong
 * kind, naming the field from Jackson's path ({@code members[1].personId}) and what was
 * expected, never the parser's own message (class names, positions in source).
 */
final class UnreadableBody {

	private UnreadableBody() {
	}

	static Problem problem(HttpMessageNotReadableException ex, Problems problems) {
		JacksonException json = ApiProblemHandler.find(ex, JacksonException.class);
		if (json == null || (json.getPath().isEmpty()
				&& String.valueOf(json.getOriginalMessage()).startsWith("No content to map"))) {
			return new Problem(HttpStatus.BAD_REQUEST, "unreadable", problems.text("body-missing"));
		}
		if (json instanceof StreamReadException && !(json instanceof MismatchedInputException)) {
			TokenStreamLocation at = json.getLocation();
			String detail = at == null ? problems.text("malformed-json")
					: problems.text("malformed-json-at", at.getLineNr(), at.getColumnNr());
			return new Problem(HttpStatus.BAD_REQUEST, "unreadable", detail);
		}
		String field = path(json);
		String reason = reason(json, problems);
		Problem problem = new Problem(HttpStatus.BAD_REQUEST, "unreadable",
				field.isEmpty() ? reason : field + ": " + reason);
		return field.isEmpty() ? problem : problem.withErrors(java.util.List.of(new FieldProblem(field, reason)));
	}

	private static String reason(JacksonException json, Problems problems) {
		if (json instanceof ForbiddenCharacterException) {
			return problems.text("forbidden-character");
		}
		if (json instanceof UnrecognizedPropertyException) {
			return problems.text("unknown-field");
		}
		if (json instanceof InvalidNullException) {
			return problems.text("null-not-allowed");
		}
		if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return problems.text("wrong-type-expected", expected(mismatch.getTargetType(), problems));
		}
		return problems.text("wrong-type");
	}

	/** body.members[1].personId → members[1].personId */
	static String path(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : json.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** What kind of value a field takes, in words: never the Java type's name. */
	static String expected(Class<?> type, Problems problems) {
		if (type == null) {
			return problems.text("expect.value");
		}
		if (type.isEnum()) {
			return problems.text("expect.enum",
					Arrays.stream(type.getEnumConstants())
						.map(c -> ((Enum<?>) c).name())
						.collect(Collectors.joining(", ")));
		}
		String key;
		if (type == String.class || type == Character.class || type == char.class) {
			key = "text";
		}
		else if (type == Boolean.class || type == boolean.class) {
			key = "boolean";
		}
		else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			key = "integer";
		}
		else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
				|| type == BigDecimal.class) {
			key = "number";
		}
		else if (type == LocalDate.class) {
			key = "date";
		}
		else if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class
				|| type == LocalDateTime.class) {
			key = "date-time";
		}
		else if (type == LocalTime.class) {
			key = "time";
		}
		else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			key = "array";
		}
		else if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			key = "object";
		}
		else {
			key = "value";
		}
		return problems.text("expect." + key);
	}

}
