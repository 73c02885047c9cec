package cn.huoxian.web;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Over-long text and out-of-range numbers are refused before the database: 400 naming the
 * field on the API, a field error (or a 400 page) on the pages, and nothing written.
 */
@SqlTest
class InputLimitsTests {

	@Autowired
	MockMvc mvc;

	private static String text(int length) {
		return "长".repeat(length);
	}

	private static String freshIdNumber() {
		return cn.huoxian.support.TestIdNumbers.fresh();
	}

	private ResultActions send(String user, String url, String body) throws Exception {
		return mvc.perform(as(mvc, user, post(url)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private long id(ResultActions created) throws Exception {
		return ((Number) JsonPath
			.read(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"))
			.longValue();
	}

	private long newPerson(String user, String region) throws Exception {
		return id(send(user, "/api/v1/persons",
				"{\"name\":\"限长测试\",\"idNumber\":\"" + freshIdNumber() + "\",\"regionCode\":\"" + region + "\"}"));
	}

	private String grid() throws Exception {
		return JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
	}

	private String caseBody(long person, String place) {
		return "{\"personId\":" + person + ",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\",\"startDate\":\""
				+ LocalDate.now(BusinessDay.ZONE) + "\",\"contactTime\":\"09:30\",\"place\":\"" + place
				+ "\",\"responsibleIds\":[" + person + "]}";
	}

	@Test
	void aHundredThousandCharacterNameIsRefusedAndNothingIsWritten() throws Exception {
		String idNumber = freshIdNumber();
		send("xinhua", "/api/v1/persons",
				"{\"name\":\"" + text(100_000) + "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")));
		send("xinhua", "/api/v1/persons",
				"{\"name\":\"限长\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\",\"roles\":[{\"role\":"
						+ "\"MEDICAL_STAFF\",\"institution\":\"" + text(201) + "\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("roles[0].institution")));
		// the ID number is still free: neither attempt wrote the person
		send("xinhua", "/api/v1/persons",
				"{\"name\":\"限长\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\"}")
			.andExpect(status().isCreated());
	}

	@Test
	void isolationPlaceMoodNoteAndTemperatureAreBounded() throws Exception {
		long person = newPerson("xinhua", "130902");
		String cases = "/api/v1/isolation/cases";
		send("xinhua", cases, caseBody(person, text(201))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("place"));
		long caseId = id(send("xinhua", cases, caseBody(person, "家中")));
		String contact = "{\"contactedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
				+ "\",\"channel\":\"PHONE\",\"reached\":true,";
		send("xinhua", cases + "/" + caseId + "/contacts", contact + "\"temperature\":1e30}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("temperature"));
		send("xinhua", cases + "/" + caseId + "/contacts", contact + "\"mood\":\"" + text(101) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mood"));
		send("xinhua", cases + "/" + caseId + "/contacts", contact + "\"note\":\"" + text(5_000) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		send("xinhua", cases + "/" + caseId + "/needs", "{\"kind\":\"MEDICINE\",\"description\":\"" + text(501) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"));
		send("xinhua", cases + "/" + caseId + "/release", "{\"outcome\":\"LOST\",\"note\":\"" + text(501) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		MockHttpSession session = Pages.login(mvc, "xinhua");
		mvc.perform(get("/isolation/cases/" + caseId).session(session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("contacts", empty()));
		assertThat(JsonPath.<String>read(json("xinhua", cases + "/" + caseId), "$.status")).isEqualTo("ACTIVE");
	}

	@Test
	void aVisitWithAnOverLongAnswerOrAnImpossibleTemperatureIsRefusedWhole() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		long campaign = id(send("xinhua", "/api/v1/screening/campaigns", "{\"name\":\"限长排查\",\"rootRegion\":\"130902\","
				+ "\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(1) + "\"}"));
		String grid = grid();
		long household = id(
				mvc.perform(as(mvc, "grid01", post("/api/v1/households")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"regionCode\":\"" + grid + "\",\"address\":\"限长小区1号\",\"door\":\"1-1\"}")));
		long resident = id(send("grid01", "/api/v1/persons",
				"{\"name\":\"限长住户\",\"idNumber\":\"" + freshIdNumber() + "\",\"householdId\":" + household + "}"));
		UUID visitId = UUID.randomUUID();
		String url = "/api/v1/screening/campaigns/" + campaign + "/visits";
		String visit = "[{\"visitId\":\"" + visitId + "\",\"householdId\":" + household + ",\"visitedAt\":\""
				+ OffsetDateTime.now().minusMinutes(5) + "\",\"outcome\":\"COVERED\",\"residents\":[{\"personId\":"
				+ resident + ",\"status\":\"PRESENT\",";
		send("grid01", url, visit + "\"temperature\":1e30}]}]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents[0].temperature"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString(visitId.toString())));
		send("grid01", url,
				visit.replace("\"status\":\"PRESENT\",", "\"status\":\"AWAY\",") + "\"awayWhere\":\"" + text(5_000)
						+ "\"}]}]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents[0].awayWhere"));
		// nothing was stored: the same visit, now valid, is accepted rather than a
		// duplicate
		send("grid01", url, visit + "\"temperature\":36.6}]}]").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	@Test
	void notesOfWorkLogsFlagsAndRectificationsAreBounded() throws Exception {
		send("xinhua", "/api/v1/screening/flags/1/handled", "{\"note\":\"" + text(600) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		send("xinhua", "/api/v1/deployment/rectifications/1/close", "{\"evidence\":\"" + text(1_001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("evidence"));
		send("xinhua", "/api/v1/deployment/pairings/1/shortages",
				"{\"kind\":\"MANPOWER\",\"item\":\"志愿者\",\"quantity\":1e30}")
			.andExpect(status().isBadRequest());
		send("xinhua", "/api/v1/deployment/pairings/1/shortages",
				"{\"kind\":\"MANPOWER\",\"item\":\"志愿者\",\"quantity\":2000000000}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
		send("xinhua", "/api/v1/record/worklog", "{\"text\":\"" + text(2_001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void thePersonFormShowsTheFieldAndKeepsWhatWasTyped() throws Exception {
		MockHttpSession session = Pages.login(mvc, "xinhua");
		String idNumber = freshIdNumber();
		mvc.perform(post("/persons/new").session(session)
			.with(csrf())
			.param("name", text(100_000))
			.param("idNumber", idNumber)
			.param("regionCode", "130902")
			.param("medicalStaff", "true")
			.param("institution", "市第一医院"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name"))
			.andExpect(content().string(containsString(idNumber)))
			.andExpect(content().string(containsString("市第一医院")));
		send("xinhua", "/api/v1/persons",
				"{\"name\":\"限长\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\"}")
			.andExpect(status().isCreated());
	}

	@Test
	void theIsolationPagesShowTheFieldOrTheErrorInsteadOfFailing() throws Exception {
		MockHttpSession session = Pages.login(mvc, "xinhua");
		long person = newPerson("xinhua", "130902");
		mvc.perform(post("/isolation").session(session)
			.with(csrf())
			.param("personId", String.valueOf(person))
			.param("type", "HOME_ISOLATION")
			.param("reason", "CLOSE_CONTACT")
			.param("contactTime", "09:30")
			.param("place", text(300))
			.param("responsibleIds", String.valueOf(person)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "place"))
			.andExpect(content().string(containsString(text(300))));
		long caseId = id(send("xinhua", "/api/v1/isolation/cases", caseBody(person, "家中")));
		mvc.perform(post("/isolation/cases/" + caseId + "/contacts").session(session)
			.with(csrf())
			.param("channel", "PHONE")
			.param("reached", "true")
			.param("mood", text(101)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("情绪")))
			.andExpect(flash().attribute("error", containsString("100")));
		mvc.perform(post("/isolation/cases/" + caseId + "/end").session(session)
			.with(csrf())
			.param("outcome", "LOST")
			.param("note", text(600)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("备注")))
			.andExpect(flash().attribute("error", containsString("500")));
		mvc.perform(get("/isolation/cases/" + caseId).session(session))
			.andExpect(model().attribute("contacts", empty()));
		mvc.perform(post("/screening/flags/1/handled").session(session)
			.with(csrf())
			.param("region", "130902")
			.param("note", text(600)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("最多 500 个字符")));
	}

}
