package cn.huoxian.web;

import static cn.huoxian.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI description and Swagger UI are served to any signed-in account (bearer
 * token or page session); health is served without signing in.
 */
@SqlTest
class ApiDocsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApiToASignedInClient() throws Exception {
		mvc.perform(as(mvc, "grid01", get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/regions/{code}")))
			.andExpect(content().string(containsString("/api/v1/persons")));
	}

	@Test
	void answersTheYamlToABearerClient() throws Exception {
		mvc.perform(as(mvc, "grid01", get("/v3/api-docs.yaml")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("openapi:")))
			.andExpect(content().string(containsString("/api/v1/persons:")));
	}

	@Test
	void describesTheApiToASignedInBrowser() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("username", "grid01").param("password", Api.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/v3/api-docs").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/persons")));
		mvc.perform(get("/swagger-ui/index.html").session(session)).andExpect(status().isOk());
	}

	@Test
	void tellsAnUnsignedClientTo401AndSendsABrowserToSignIn() throws Exception {
		for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config" }) {
			mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/unauthorized"));
		}
		mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void reportsHealth() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

}
