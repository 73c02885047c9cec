package cn.huoxian.access;

import java.io.IOException;
import java.util.Locale;

import cn.huoxian.shared.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The problem details the security filters answer with (401, 403), worded in the caller's
 * language: the filters run before Spring MVC has resolved it, so they ask the
 * application's LocaleResolver themselves (cookie, then Accept-Language on the API, else
 * Simplified Chinese).
 */
final class FilterProblems {

	private final LocaleResolver locales;

	FilterProblems(LocaleResolver locales) {
		this.locales = locales;
	}

	/**
	 * Writes a problem of this status and type whose detail is the message {@code key}.
	 */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String key)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		String title = Messages.text(locale, "error." + status);
		String detail = Messages.text(locale, key);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"https://huoxian.cn/problems/" + type + "\",\"title\":\"" + json(title)
					+ "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "'");
	}

}
