package cn.huoxian.shared.web;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.web.Problems.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error path (/error) in place of Spring Boot's: what failed
 * before or outside a controller (a filter, Tomcat's parameter parsing, an uncaught
 * exception) is answered as problem+json for /api paths and as the error page elsewhere,
 * with no message, class or stack of the failure.
 */
@Controller
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final Problems problems;

	ProblemErrorController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	Object error(HttpServletRequest request) {
		return problems.respond(request, problem(request));
	}

	Problem problem(HttpServletRequest request) {
		Object cause = request.getAttribute(RequestGuard.CAUSE);
		if (cause == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
			cause = RequestGuard.clientError(thrown);
		}
		if (cause instanceof MalformedRequestException malformed) {
			return malformed(malformed);
		}
		if (cause instanceof InvalidInputException invalid) {
			return ApiProblemHandler.invalid(invalid);
		}
		HttpStatusCode status = status(request);
		return new Problem(status, ApiProblemHandler.typeOf(status), statusText(status));
	}

	private Problem malformed(MalformedRequestException ex) {
		log.warn("Malformed request parameters ({}): {}", ex.status(), ex.getCause().getClass().getSimpleName());
		if (ex.status() == 413) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", problems.text("too-large"));
		}
		return new Problem(HttpStatus.BAD_REQUEST, "malformed-request",
				problems.text(ex.multipart() ? "malformed-multipart" : "malformed-parameters"));
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer value)) {
			// /error asked for directly
			return HttpStatus.NOT_FOUND;
		}
		return value < 400 || value > 599 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatusCode.valueOf(value);
	}

	private String statusText(HttpStatusCode status) {
		String text = problems.textOrNull("status." + status.value());
		return text != null ? text : problems.text(status.is4xxClientError() ? "status.4xx" : "status.5xx");
	}

}
