package cn.huoxian.web;

import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class PageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void redirectsToLoginWhenNotSignedIn() throws Exception {
		mvc.perform(get("/regions/130902")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void showsRegionTreeWithCountsInScope() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(get("/regions/130902").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region"))
			.andExpect(model().attributeExists("region", "children", "breadcrumbs"))
			.andExpect(content().string(containsString("新华区")));
	}

	@Test
	void answers404PageOutsideScope() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(get("/regions/130903").session(session)).andExpect(status().isNotFound());
	}

	@Test
	void showsRegionFormWithFieldErrorForBadCode() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(get("/regions/130902/new").session(session)).andExpect(status().isOk());
		mvc.perform(post("/regions/130902/new").session(session).with(csrf()).param("code", "12345").param("name", "x"))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region-form"))
			.andExpect(model().attributeHasFieldErrors("form", "code"))
			.andExpect(content().string(containsString("code-error")));
	}

	@Test
	void rendersHomeSearchAndLanguages() throws Exception {
		MockHttpSession session = login(mvc, "admin");
		mvc.perform(get("/").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("沧州市")));
		mvc.perform(get("/persons").param("q", "王").session(session)).andExpect(status().isOk());
		mvc.perform(get("/persons/new").session(session)).andExpect(status().isOk());
	}

}
