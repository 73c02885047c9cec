package cn.huoxian.shared.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request's parameters, read once: a query string or form Tomcat cannot parse (a bad
 * {@code %} escape, {@code ?=x}, a broken multipart body) becomes a
 * {@link MalformedRequestException}, and a value or name holding NUL or a lone surrogate
 * an {@link InvalidInputException} naming the parameter. When {@code tolerant} (the error
 * page of such a request), parameters that cannot be parsed are simply absent.
 */
class CheckedParameters extends HttpServletRequestWrapper {

	private final boolean tolerant;

	private final Problems problems;

	private Map<String, String[]> parameters;

	CheckedParameters(HttpServletRequest request, boolean tolerant, Problems problems) {
		super(request);
		this.tolerant = tolerant;
		this.problems = problems;
	}

	/** Parses the parameters once; a failure is the client's malformed request. */
	Map<String, String[]> parsed() {
		if (parameters == null) {
			try {
				parameters = super.getParameterMap();
			}
			catch (IllegalStateException ex) {
				if (!tolerant) {
					throw new MalformedRequestException(ex);
				}
				parameters = Map.of();
			}
		}
		return parameters;
	}

	/**
	 * Only what is read is checked: a filter asking for one parameter is not refused for
	 * another.
	 */
	private String[] checked(String name) {
		String[] values = parsed().get(name);
		if (values != null && !tolerant) {
			for (String value : values) {
				if (value != null && !Text.isClean(value)) {
					throw new InvalidInputException(name, problems.text("forbidden-character"));
				}
			}
		}
		return values;
	}

	private void checkNames() {
		if (!tolerant) {
			for (String name : parsed().keySet()) {
				if (!Text.isClean(name)) {
					throw new InvalidInputException("?", problems.text("forbidden-character"));
				}
			}
		}
	}

	@Override
	public String getParameter(String name) {
		String[] values = checked(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		checkNames();
		parsed().keySet().forEach(this::checked);
		return parsed();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		checkNames();
		return Collections.enumeration(parsed().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		return checked(name);
	}

}
