package cn.huoxian.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException.FieldProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Words and renders a problem: RFC 9457 problem+json under /api, the error page
 * elsewhere; titles and the handler's own details in the caller's language (zh-CN by
 * default, zh-TW, en), never a class name, file path or SQL.
 */
@Component
class Problems {

	static final String TYPE_PREFIX = "https://huoxian.cn/problems/";

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	/** One problem before it is rendered. */
	record Problem(HttpStatusCode status, String type, String detail, List<FieldProblem> errors, HttpHeaders headers) {

		Problem(HttpStatusCode status, String type, String detail) {
			this(status, type, detail, null, HttpHeaders.EMPTY);
		}

		Problem withErrors(List<FieldProblem> errors) {
			return new Problem(status, type, detail, errors, headers);
		}

		Problem withHeaders(HttpHeaders headers) {
			return new Problem(status, type, detail, errors, headers);
		}

	}

	/** A message of the handler's own in the caller's language. */
	String text(String key, Object... args) {
		return messages.getMessage("problem." + key, args, key, locale());
	}

	String textOrNull(String key, Object... args) {
		return messages.getMessage("problem." + key, args, null, locale());
	}

	String title(HttpStatusCode status) {
		return messages.getMessage("error." + status.value(), null,
				messages.getMessage("error.problem", null, locale()), locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** The request is for the API: it gets problem+json, never a page. */
	static boolean isApi(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		return path.startsWith("/api/") || path.equals("/api");
	}

	ProblemDetail detail(Problem problem) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
		detail.setType(URI.create(TYPE_PREFIX + problem.type()));
		detail.setTitle(title(problem.status()));
		if (problem.errors() != null) {
			detail.setProperty("errors",
					problem.errors().stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
		}
		return detail;
	}

	ResponseEntity<ProblemDetail> entity(Problem problem) {
		return ResponseEntity.status(problem.status())
			.headers(problem.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(detail(problem));
	}

	/** The error page: status, title and what went wrong, with the fields at fault. */
	ModelAndView page(Problem problem) {
		ModelAndView page = new ModelAndView("error/problem", problem.status());
		page.addObject("status", problem.status().value());
		page.addObject("problemTitle", title(problem.status()));
		page.addObject("message", problem.detail());
		page.addObject("errors", problem.errors() == null ? List.of() : problem.errors());
		return page;
	}

	/** Problem+json for the API, the error page for pages. */
	Object respond(HttpServletRequest request, Problem problem) {
		if (isApi(request)) {
			ResponseEntity<ProblemDetail> entity = entity(problem);
			// on the error path the request is /error: the instance is what the client
			// asked for
			if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
					&& entity.getBody() != null) {
				entity.getBody().setInstance(URI.create(original));
			}
			return entity;
		}
		return page(problem);
	}

}
