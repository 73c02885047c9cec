package cn.huoxian.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI description and the operations endpoints are served without signing in. */
@SqlTest
class ApiDocsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/regions/{code}")))
			.andExpect(content().string(containsString("/api/v1/persons")));
	}

	@Test
	void reportsHealth() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

}
