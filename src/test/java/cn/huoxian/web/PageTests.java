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
		mvc.perform(get("/regions/130902")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void showsRegionTreeWithCountsInScope() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(get("/regions/130902").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region"))
			.andExpect(model().attributeExists("region", "children", "breadcrumbs"))
			.andExpect(content().string(containsString("新华区")))
			// figures other modules contribute, such as today's overdue isolation
			// contacts
			.andExpect(content().string(containsString("今日尚未联系的隔离人员")));
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
			.andExpect(content()
				.string(containsString("<span id=\"code-error\" class=\"field-error\">应为以 000 结尾的 12 位乡镇街道代码</span>")));
	}

	@Test
	void rendersHomeSearchAndLanguages() throws Exception {
		MockHttpSession session = login(mvc, "admin");
		mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("沧州市")));
		mvc.perform(get("/persons").param("q", "王").session(session)).andExpect(status().isOk());
		mvc.perform(get("/persons/new").session(session)).andExpect(status().isOk());
		// thousands of people: the shared pager links to the next page, keeping the
		// filters
		mvc.perform(get("/persons").session(session)).andExpect(content().string(containsString("&amp;page=1\">")));
		mvc.perform(get("/persons").param("region", "130902").param("page", "1").session(session))
			.andExpect(content().string(containsString("region=130902&amp;page=0\">")))
			.andExpect(content().string(containsString("region=130902&amp;page=2\">")));
	}

	@Test
	void registersHouseholdThenShowsFieldErrorForBadIdNumber() throws Exception {
		MockHttpSession session = login(mvc, "grid01");
		String grid = com.jayway.jsonpath.JsonPath
			.read(mvc.perform(cn.huoxian.support.Api.as(mvc, "grid01", get("/api/v1/me")))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.scopes[0].code");
		String location = mvc
			.perform(post("/regions/" + grid + "/households/new").session(session)
				.with(csrf())
				.param("building", "8号楼")
				.param("address", "页面测试8号楼")
				.param("door", "2-302"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试8号楼")));
		String householdId = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(post("/persons/new").session(session)
			.with(csrf())
			.param("name", "赵五")
			.param("idNumber", "110105194912310021")
			.param("householdId", householdId))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "idNumber"))
			.andExpect(content().string(containsString("校验码错误")));
		mvc.perform(post("/households/" + householdId + "/edit").session(session)
			.with(csrf())
			.param("building", "8号楼")
			.param("address", "")
			.param("door", "2-302"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "address"))
			.andExpect(
					content().string(containsString("<span id=\"address-error\" class=\"field-error\">不能为空</span>")));
	}

	@Test
	void formsRejectMissingCsrfToken() throws Exception {
		MockHttpSession session = login(mvc, "xinhua");
		mvc.perform(post("/regions/130902/edit").session(session).param("name", "x")).andExpect(status().isForbidden());
	}

}
