package cn.huoxian.shared.web;

import java.io.IOException;

import cn.huoxian.shared.InvalidInputException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.GenericFilterBean;

/**
 * In front of every other filter (security included): parameters are read through
 * {@link CheckedParameters}, and a request whose parameters are malformed or hold
 * forbidden characters is answered 4xx by the error controller, logged in one line,
 * wherever in the chain the parameters were first read.
 */
class RequestGuard extends GenericFilterBean {

	/**
	 * The request attribute holding what the client got wrong, for the error controller.
	 */
	static final String CAUSE = RequestGuard.class.getName() + ".cause";

	private final Problems problems;

	RequestGuard(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		boolean tolerant = request.getDispatcherType() != DispatcherType.REQUEST;
		try {
			CheckedParameters checked = new CheckedParameters(request, tolerant, problems);
			if (!tolerant && !isMultipart(request)) {
				// the query string (and a urlencoded form) first, so that a malformed one
				// is a
				// 400 whoever asks; a multipart body waits for the handler that wants it
				checked.parsed();
			}
			chain.doFilter(checked, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			RuntimeException cause = clientError(ex);
			if (cause == null || response.isCommitted()) {
				throw ex;
			}
			request.setAttribute(CAUSE, cause);
			response.sendError(cause instanceof MalformedRequestException m ? m.status() : 400);
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** What the client got wrong, or null for anything else. */
	static RuntimeException clientError(Throwable ex) {
		MalformedRequestException malformed = ApiProblemHandler.find(ex, MalformedRequestException.class);
		if (malformed != null) {
			return malformed;
		}
		return ApiProblemHandler.find(ex, InvalidInputException.class);
	}

}
