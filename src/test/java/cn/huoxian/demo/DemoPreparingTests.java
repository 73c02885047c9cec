package cn.huoxian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * While the demo city is generated every request gets 503 with Retry-After (a page or a
 * problem document); afterwards requests pass.
 */
class DemoPreparingTests {

	private final DemoPreparing filter = new DemoPreparing();

	private MockHttpServletResponse get(String uri) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			response.setStatus(299); // reached the application
		}
		return response;
	}

	@Test
	void whilePreparingPagesRefreshAndTheApiAnswersAProblem() throws Exception {
		filter.preparing(true);
		MockHttpServletResponse page = get("/login");
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo("3");
		assertThat(page.getContentAsString()).contains("正在生成演示城市").contains("http-equiv=\"refresh\"");

		MockHttpServletResponse api = get("/api/v1/auth/token");
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString()).contains("\"status\":503").contains("demo-preparing");

		assertThat(get("/actuator/health").getStatus()).as("health stays reachable").isEqualTo(299);
	}

	@Test
	void onceReadyRequestsPass() throws Exception {
		filter.preparing(true);
		filter.preparing(false);
		assertThat(get("/login").getStatus()).isEqualTo(299);
		assertThat(get("/api/v1/me").getStatus()).isEqualTo(299);
	}

}
