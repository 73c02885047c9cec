package cn.huoxian.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers every API error as an RFC 9457 problem detail; bad input names its fields. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", ex.getMessage(),
				ex.problems().stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<InvalidInputException.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new InvalidInputException.FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList();
		return invalid(new InvalidInputException(problems));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String why = cause == null || cause.getMessage() == null ? ""
				: ": " + cause.getMessage().lines().findFirst().orElse("");
		return problem(HttpStatus.BAD_REQUEST, "unreadable",
				"The request body is not valid JSON for this endpoint" + why, null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return invalid(new InvalidInputException(ex.getParameterName(), "is required"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(new InvalidInputException(ex.getName(), "has the wrong type"));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage(), null);
	}

	/**
	 * An id in the request the caller cannot read: the same body whether it exists or
	 * not.
	 */
	@ExceptionHandler(ReferenceNotFoundException.class)
	ResponseEntity<ProblemDetail> referenceNotFound(ReferenceNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage(),
				List.of(Map.of("field", ex.field(), "reason", "not found")));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage(), null);
	}

	@ExceptionHandler(RuleViolationException.class)
	ResponseEntity<ProblemDetail> rule(RuleViolationException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", ex.getMessage(), null);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://huoxian.cn/problems/" + type));
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
