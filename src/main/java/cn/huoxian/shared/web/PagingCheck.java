package cn.huoxian.shared.web;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One check for every list, API and page alike: a handler's {@code page} parameter must
 * be a whole number from 0, its {@code size} one from 1 to {@link PageResult#MAX_SIZE};
 * anything else is a 400 naming the parameter, before the handler or the database runs.
 */
class PagingCheck implements HandlerInterceptor {

	private final Map<HandlerMethod, List<String>> paging = new ConcurrentHashMap<>();

	private final Problems problems;

	PagingCheck(Problems problems) {
		this.problems = problems;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			for (String name : paging.computeIfAbsent(method, PagingCheck::pagingParameters)) {
				String value = request.getParameter(name);
				if (value != null) {
					check(name, value);
				}
			}
		}
		return true;
	}

	void check(String name, String value) {
		long number;
		try {
			number = Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, problems.text("paging.whole-number"));
		}
		if (name.equals("page") && (number < 0 || number > Integer.MAX_VALUE)) {
			throw new InvalidInputException(name, problems.text("paging.page"));
		}
		if (name.equals("size") && (number < 1 || number > PageResult.MAX_SIZE)) {
			throw new InvalidInputException(name, problems.text("paging.size", PageResult.MAX_SIZE));
		}
	}

	private static List<String> pagingParameters(HandlerMethod method) {
		return java.util.Arrays.stream(method.getMethodParameters())
			.map(PagingCheck::requestParamName)
			.filter(name -> name.equals("page") || name.equals("size"))
			.toList();
	}

	private static String requestParamName(MethodParameter parameter) {
		RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
		if (annotation == null) {
			return "";
		}
		if (!annotation.name().isEmpty()) {
			return annotation.name();
		}
		Parameter reflected = parameter.getParameter();
		return reflected.isNamePresent() ? reflected.getName() : "";
	}

}
