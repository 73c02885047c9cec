package cn.huoxian.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo city is generated on first start the server already listens, but the
 * accounts and the city are not there yet: every request gets 503 with
 * {@code Retry-After} — a page that refreshes itself, or a problem document on the API —
 * instead of "wrong password" or an empty city.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoPreparing extends OncePerRequestFilter {

	static final int RETRY_SECONDS = 3;

	private volatile boolean preparing;

	void preparing(boolean preparing) {
		this.preparing = preparing;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.preparing || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", String.valueOf(RETRY_SECONDS));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith("/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"https://huoxian.cn/problems/demo-preparing\",\"title\":\"Service Unavailable\","
						+ "\"status\":503,\"detail\":\"The demo city is being generated (first start); try again in "
						+ RETRY_SECONDS + " seconds\",\"instance\":\"" + request.getRequestURI().replace("\"", "")
						+ "\"}");
			return;
		}
		response.setContentType("text/html");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
					+ "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>火线 · 正在生成演示城市</title></head><body style=\"font-family:sans-serif;margin:3em\">"
					+ "<h1>正在生成演示城市</h1><p>首次启动需要几秒钟，本页会自动刷新。</p>"
					+ "<p lang=\"en\">The demo city is being generated on first start; this page refreshes itself.</p>"
					+ "</body></html>");
	}

}
