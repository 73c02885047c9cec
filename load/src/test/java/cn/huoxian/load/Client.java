package cn.huoxian.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for what happens before the clock starts (finding the test data,
 * signing in) and for the metrics sampler: none of it is measured by Gatling.
 */
final class Client {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	Client(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	String base() {
		return base;
	}

	/** A JSON answer of the API, or an exception naming the request and the answer. */
	JsonNode get(String path, String token) {
		return parse(send(request(path, token).GET(), path));
	}

	JsonNode post(String path, String token, Object body) {
		try {
			String json = body instanceof String s ? s : JSON.writeValueAsString(body);
			return parse(send(request(path, token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)), path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode parse(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body of a plain-text GET (the Prometheus scrape). */
	String text(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
		if (bearer != null && !bearer.isBlank()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.GET(), path);
	}

	String token(String account, String password) {
		return post("/api/v1/auth/token", null,
				JSON.createObjectNode().put("username", account).put("password", password))
			.path("token")
			.asText();
	}

	/**
	 * Signs in through the login form as a browser does (the form's CSRF token, then the
	 * post); the value of the page session's cookie.
	 */
	String pageSession(String account, String password) {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String form = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET(), "/login");
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token in the login form");
		}
		String body = "username=" + enc(account) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> answer = exchange(browser,
				HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(
					"form login of " + account + " answered " + answer.statusCode() + " " + location);
		}
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no JSESSIONID after the form login"));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofMinutes(10))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private String send(HttpRequest.Builder request, String what) {
		return send(http, request, what);
	}

	private String send(HttpClient client, HttpRequest.Builder request, String what) {
		HttpResponse<String> answer = exchange(client, request);
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	private static HttpResponse<String> exchange(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
