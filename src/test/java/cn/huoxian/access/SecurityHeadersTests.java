package cn.huoxian.access;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The security headers on pages, static files and the API, and who may scrape
 * /actuator/prometheus (the test profile configures the token test-metrics-token).
 */
@SqlTest
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MockHttpServletResponse headersOf(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void pagesAllowOnlyTheirOwnScriptsAndStylesAndAreNeverFramed() throws Exception {
		for (String path : new String[] { "/login", "/", "/js/huoxian.js", "/no-such-page" }) {
			MockHttpServletResponse response = headersOf(get(path));
			String policy = response.getHeader("Content-Security-Policy");
			assertThat(policy).as(path)
				.contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
						"frame-ancestors 'none'");
			assertThat(policy).as(path).doesNotContain("unsafe-inline", "unsafe-eval");
			assertCommonHeaders(response, path);
		}
	}

	@Test
	void apiAnswersLoadNothingAndCarryTheSameHeaders() throws Exception {
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { get("/api/v1/me"),
				as(mvc, "xinhua", get("/api/v1/me")) }) {
			MockHttpServletResponse response = headersOf(request);
			assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfig.API_POLICY);
			assertCommonHeaders(response, "/api/v1/me");
		}
	}

	private static void assertCommonHeaders(MockHttpServletResponse response, String path) {
		assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
		assertThat(response.getHeader("Permissions-Policy")).as(path)
			.contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
		assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
	}

	@Test
	void metricsAreRefusedToARemoteClientWithoutTheToken() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", "Bearer"));
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7")).header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7")).header("Authorization", basic("wrong")))
			.andExpect(status().isUnauthorized());
		// a signed-in account is no scrape credential either
		mvc.perform(as(mvc, "admin", get("/actuator/prometheus")).with(from("203.0.113.7")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void metricsAreServedWithTheTokenOrToLoopback() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7"))
			.header("Authorization", "Bearer test-metrics-token")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7"))
			.header("Authorization", basic("test-metrics-token"))).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(from("127.0.0.1"))).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(from("0:0:0:0:0:0:0:1"))).andExpect(status().isOk());
	}

	@Test
	void healthStaysOpen() throws Exception {
		mvc.perform(get("/actuator/health").with(from("203.0.113.7"))).andExpect(status().isOk());
	}

	private static String basic(String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString(("prometheus:" + password).getBytes(StandardCharsets.UTF_8));
	}

}
