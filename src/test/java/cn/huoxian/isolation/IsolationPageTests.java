package cn.huoxian.isolation;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The isolation pages: the list with today's overdue count, opening a case with a field
 * error, and a daily contact recorded from the case page.
 */
@SqlTest
class IsolationPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	private String json(String user, String url) throws Exception {
		return mvc.perform(Api.as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	/**
	 * The index-th resident of grid01's grid, or the next one without an open case (one
	 * per person and type; tests share the database).
	 */
	private long residentOfGrid01(int index) throws Exception {
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		java.util.List<Number> ids = JsonPath.read(json("admin", "/api/v1/persons?size=50&region=" + grid),
				"$.items[*].id");
		return ids.stream()
			.skip(index)
			.map(Number::longValue)
			.filter(id -> !db.fetchExists(cn.huoxian.db.Tables.ISOLATION_CASE,
					cn.huoxian.db.Tables.ISOLATION_CASE.ACTIVE_PERSON_ID.eq(id)))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void listsCasesWithTodaysOverdueCountAndTheOpenForm() throws Exception {
		MockHttpSession session = login(mvc, "grid01");
		mvc.perform(get("/isolation").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("isolation/cases"))
			.andExpect(model().attributeExists("cases", "overdueCount", "region", "form"))
			.andExpect(content().string(containsString("id=\"overdue-count\"")))
			.andExpect(content().string(containsString("id=\"open-form\"")))
			.andExpect(content().string(containsString("href=\"/isolation\"")));
		mvc.perform(get("/isolation/overdue").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("isolation/overdue"))
			.andExpect(model().attributeExists("overdue", "date"));
		mvc.perform(get("/isolation").param("status", "RELEASED").session(session)).andExpect(status().isOk());
	}

	@Test
	void opensACaseOrShowsTheFieldAtFault() throws Exception {
		MockHttpSession session = login(mvc, "grid01");
		long person = residentOfGrid01(5);
		mvc.perform(post("/isolation").session(session)
			.with(csrf())
			.param("personId", String.valueOf(person))
			.param("type", "HOME_ISOLATION")
			.param("reason", "CLOSE_CONTACT")
			.param("contactTime", "25:99")
			.param("responsibleIds", String.valueOf(person)))
			.andExpect(status().isOk())
			.andExpect(view().name("isolation/cases"))
			.andExpect(model().attributeHasFieldErrors("form", "contactTime"))
			.andExpect(content()
				.string(containsString("<span id=\"contactTime-error\" class=\"field-error\">应为时间，如 09:30</span>")));
		mvc.perform(post("/isolation").session(session)
			.with(csrf())
			.param("personId", "abc")
			.param("type", "HOME_ISOLATION")
			.param("reason", "CLOSE_CONTACT")
			.param("responsibleIds", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "personId"))
			.andExpect(content()
				.string(containsString("<span id=\"personId-error\" class=\"field-error\">不是数字：abc</span>")));
		String location = mvc
			.perform(post("/isolation").session(session)
				.with(csrf())
				.param("personId", String.valueOf(person))
				.param("type", "HOME_ISOLATION")
				.param("reason", "CLOSE_CONTACT")
				.param("periodDays", "14")
				.param("contactTime", "09:30")
				.param("responsibleIds", person + ", " + person))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/isolation/cases/\\d+");
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("isolation/case"))
			.andExpect(content().string(containsString("id=\"contact-form\"")));
	}

	@Test
	void recordsTheDailyContactFromTheCasePage() throws Exception {
		MockHttpSession session = login(mvc, "grid01");
		long person = residentOfGrid01(6);
		String location = mvc
			.perform(post("/isolation").session(session)
				.with(csrf())
				.param("personId", String.valueOf(person))
				.param("type", "MEDICAL_OBSERVATION")
				.param("reason", "RETURNED_FROM_HIGH_RISK_AREA")
				.param("responsibleIds", String.valueOf(person)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get("/isolation/overdue").session(session))
			.andExpect(content().string(containsString("id=\"overdue-" + caseId + "\"")));
		mvc.perform(post(location + "/contacts").session(session)
			.with(csrf())
			.param("channel", "PHONE")
			.param("reached", "true")
			.param("temperature", "36.6")
			.param("mood", "平稳")
			.param("note", "电话联系，状态良好"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("recorded", "contact"));
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("电话联系，状态良好")))
			.andExpect(content().string(containsString("36.6")));
		mvc.perform(get("/isolation/overdue").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"overdue-" + caseId + "\""))));
		// a temperature that is not a number is reported, not stored
		mvc.perform(post(location + "/contacts").session(session)
			.with(csrf())
			.param("channel", "VIDEO")
			.param("reached", "true")
			.param("temperature", "hot")).andExpect(flash().attribute("error", "体温（℃）：不是数字：hot"));
		// a need raised and delivered
		mvc.perform(post(location + "/needs").session(session)
			.with(csrf())
			.param("kind", "MEDICINE")
			.param("description", "降压药两盒")).andExpect(redirectedUrl(location));
		mvc.perform(get(location).session(session)).andExpect(content().string(containsString("降压药两盒")));
		// and listed among the community's needs not yet delivered
		mvc.perform(get("/isolation").session(session))
			.andExpect(content().string(containsString("id=\"open-needs\"")))
			.andExpect(content().string(containsString("降压药两盒")));
	}

	/**
	 * Issue 14: the responsible cadres read by name, on a case and on the overdue list.
	 */
	@Test
	void responsibleCadresAreNamedNotNumbered() throws Exception {
		var responsible = db
			.select(cn.huoxian.db.Tables.ISOLATION_RESPONSIBLE.CASE_ID, cn.huoxian.db.Tables.PERSON.ID,
					cn.huoxian.db.Tables.PERSON.NAME)
			.from(cn.huoxian.db.Tables.ISOLATION_RESPONSIBLE)
			.join(cn.huoxian.db.Tables.PERSON)
			.on(cn.huoxian.db.Tables.PERSON.ID.eq(cn.huoxian.db.Tables.ISOLATION_RESPONSIBLE.PERSON_ID))
			.orderBy(cn.huoxian.db.Tables.ISOLATION_RESPONSIBLE.CASE_ID)
			.limit(1)
			.fetchOne();
		MockHttpSession session = login(mvc, "admin");
		String page = mvc.perform(get("/isolation/cases/" + responsible.value1()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(">" + responsible.value3() + "</a>")
			.doesNotContain(">" + responsible.value2() + "</a>");
		mvc.perform(get("/isolation/overdue?region=130900").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(">" + responsible.value2() + "<"))));
	}

}
