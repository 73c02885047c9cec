package cn.huoxian.shared.web;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.Problems.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error a client can cause, for every controller: an RFC 9457 problem
 * detail under /api, the error page elsewhere; bad input names its fields. What is left
 * (a genuine server fault) goes on to the error controller as a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final Problems problems;

	private final ProblemErrorController errors;

	ApiProblemHandler(Problems problems, ProblemErrorController errors) {
		this.problems = problems;
		this.errors = errors;
	}

	@ExceptionHandler(InvalidInputException.class)
	Object invalid(InvalidInputException ex, HttpServletRequest request) {
		return respond(request, invalid(ex));
	}

	static Problem invalid(InvalidInputException ex) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", ex.getMessage()).withErrors(ex.problems());
	}

	@ExceptionHandler(BindException.class)
	Object invalid(BindException ex, HttpServletRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
			String reason = error instanceof FieldError f && f.isBindingFailure() ? problems.text("wrong-type")
					: error.getDefaultMessage();
			errors.add(new FieldProblem(field, reason));
		}
		// Bean Validation reports in no fixed order: by field, like Forms.check
		errors.sort(java.util.Comparator.comparing(FieldProblem::field));
		return invalid(new InvalidInputException(errors), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalid(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			var parameter = result.getMethodParameter();
			String name = parameter.getParameterName() != null ? parameter.getParameterName()
					: parameter.getParameter().getName();
			if (result instanceof org.springframework.validation.method.ParameterErrors errs) {
				errs.getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
				errs.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(name, g.getDefaultMessage())));
			}
			else {
				result.getResolvableErrors()
					.forEach(e -> errors.add(new FieldProblem(name, String.valueOf(e.getDefaultMessage()))));
			}
		});
		return invalid(new InvalidInputException(errors), request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	Object invalid(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations().stream().map(v -> {
			String field = null;
			for (var node : v.getPropertyPath()) {
				field = node.getName();
			}
			return new FieldProblem(field, v.getMessage());
		}).toList();
		return invalid(new InvalidInputException(errors), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		InvalidInputException inside = find(ex, InvalidInputException.class);
		if (inside != null) {
			return invalid(inside, request);
		}
		return respond(request, UnreadableBody.problem(ex, problems));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return invalid(new InvalidInputException(ex.getParameterName(), problems.text("required")), request);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missing(MissingServletRequestPartException ex, HttpServletRequest request) {
		return invalid(new InvalidInputException(ex.getRequestPartName(), problems.text("required")), request);
	}

	@ExceptionHandler(TypeMismatchException.class)
	Object mismatch(TypeMismatchException ex, HttpServletRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		String reason = problems.text("wrong-type-expected", UnreadableBody.expected(ex.getRequiredType(), problems));
		return invalid(new InvalidInputException(name, reason), request);
	}

	@ExceptionHandler(MultipartException.class)
	Object multipart(MultipartException ex, HttpServletRequest request) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return respond(request, new Problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", problems.text("too-large")));
		}
		log.warn("Malformed multipart request to {}", request.getRequestURI());
		return respond(request,
				new Problem(HttpStatus.BAD_REQUEST, "malformed-request", problems.text("malformed-multipart")));
	}

	/** Parameters Tomcat could not parse, first read inside the dispatcher. */
	@ExceptionHandler(MalformedRequestException.class)
	Object malformed(MalformedRequestException ex, HttpServletRequest request) {
		request.setAttribute(RequestGuard.CAUSE, ex);
		return respond(request, errors.problem(request));
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request) {
		return respond(request, new Problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
	}

	/**
	 * An id in the request the caller cannot read: the same body whether it exists or
	 * not.
	 */
	@ExceptionHandler(ReferenceNotFoundException.class)
	Object referenceNotFound(ReferenceNotFoundException ex, HttpServletRequest request) {
		return respond(request, new Problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage())
			.withErrors(List.of(new FieldProblem(ex.field(), problems.text("referenceNotFound")))));
	}

	@ExceptionHandler(ForbiddenException.class)
	Object forbidden(ForbiddenException ex, HttpServletRequest request) {
		return respond(request, new Problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage()));
	}

	@ExceptionHandler(RuleViolationException.class)
	Object rule(RuleViolationException ex, HttpServletRequest request) {
		return respond(request, new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", ex.getMessage()));
	}

	/**
	 * A duplicate names the existing object ({@code existing}: its id and key fields).
	 */
	@ExceptionHandler(cn.huoxian.shared.DuplicateException.class)
	Object duplicate(cn.huoxian.shared.DuplicateException ex, HttpServletRequest request) {
		Object answer = respond(request, new Problem(HttpStatus.CONFLICT, "duplicate", ex.getMessage()));
		if (answer instanceof org.springframework.http.ResponseEntity<?> entity
				&& entity.getBody() instanceof org.springframework.http.ProblemDetail detail) {
			detail.setProperty("existing", ex.existing());
		}
		return answer;
	}

	/** Method, media type, unknown path, missing header: Spring's own, worded here. */
	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class, NoHandlerFoundException.class,
			ServletRequestBindingException.class })
	Object framework(Exception ex, HttpServletRequest request) throws Exception {
		ErrorResponse response = (ErrorResponse) ex;
		HttpStatusCode status = response.getStatusCode();
		if (status.is5xxServerError()) {
			throw ex;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		String text = problems.textOrNull("status." + status.value());
		return respond(request, new Problem(status, typeOf(status), text != null ? text : problems.text("status.4xx"))
			.withHeaders(headers));
	}

	/** A constraint the client violated answers 4xx; a database that failed stays 5xx. */
	@ExceptionHandler({ org.springframework.dao.DataAccessException.class,
			org.jooq.exception.DataAccessException.class })
	Object database(RuntimeException ex, HttpServletRequest request) {
		DatabaseErrors.Refusal refusal = DatabaseErrors.classify(ex).orElseThrow(() -> ex);
		log.warn("Database refused {} {}: {}", request.getMethod(), request.getRequestURI(),
				DatabaseErrors.describe(refusal));
		Problem problem = new Problem(refusal.status(), refusal.type(), problems.text("db." + refusal.key()));
		if (refusal.field() != null) {
			problem = problem
				.withErrors(List.of(DatabaseErrors.problem(refusal, problems.text("db." + refusal.key()))));
		}
		return respond(request, problem);
	}

	static String typeOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "too-large";
			case 415 -> "unsupported-media-type";
			case 429 -> "too-many-requests";
			case 503 -> "unavailable";
			default -> status.is4xxClientError() ? "bad-request" : "internal";
		};
	}

	private Object respond(HttpServletRequest request, Problem problem) {
		return problems.respond(request, problem);
	}

	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
