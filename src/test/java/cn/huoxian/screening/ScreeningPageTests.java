package cn.huoxian.screening;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The screening pages' forms: a field's problem beside it with what was typed, a rule
 * across the campaign's dates on its field.
 */
@SqlTest
class ScreeningPageTests {

	@Autowired
	MockMvc mvc;

	private final LocalDate today = LocalDate.now(BusinessDay.ZONE);

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private long campaign() throws Exception {
		String body = mvc
			.perform(as(mvc, "xinhua", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"页面排查\",\"rootRegion\":\"130902\",\"startsOn\":\"" + today.minusDays(1)
						+ "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void theVisitFormShowsAProblemBesideItsResidentAndKeepsWhatWasTyped() throws Exception {
		long campaign = campaign();
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		List<Integer> households = JsonPath.read(json("grid01", "/api/v1/households?size=50&region=" + grid),
				"$.items[*].id");
		long household = households.get(3);
		List<Integer> residents = JsonPath.read(json("grid01", "/api/v1/persons?size=500&region=" + grid),
				"$.items[?(@.householdId == " + household + ")].id");
		int first = residents.get(0);
		var session = login(mvc, "grid01");
		String url = "/screening/campaigns/" + campaign + "/households/" + household + "/visit";
		mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"residents[" + first + "].temperature\"")));
		String visitId = UUID.randomUUID().toString();
		// not a number: beside the field, as typed
		mvc.perform(post(url).session(session)
			.with(csrf())
			.param("visitId", visitId)
			.param("outcome", "COVERED")
			.param("residents[" + first + "].status", "PRESENT")
			.param("residents[" + first + "].temperature", "三十七")
			.param("residents[" + first + "].awayWhere", "石家庄"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"temperature_" + first + "-error\">不是数字：三十七<")))
			.andExpect(content().string(containsString("value=\"三十七\"")))
			.andExpect(content().string(containsString("value=\"石家庄\"")))
			.andExpect(content().string(containsString("value=\"" + visitId + "\"")));
		// the service's check of a resident beside that resident's field
		mvc.perform(post(url).session(session)
			.with(csrf())
			.param("visitId", visitId)
			.param("outcome", "COVERED")
			.param("residents[" + first + "].status", "PRESENT")
			.param("residents[" + first + "].travelFrom", "火星"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"travel_" + first + "-error\"")));
		mvc.perform(post(url).session(session)
			.with(csrf())
			.param("visitId", visitId)
			.param("outcome", "COVERED")
			.param("residents[" + first + "].temperature", "36.6"))
			.andExpect(redirectedUrlPattern("/screening/my-grid?grid=*"));
	}

	@Test
	void aCampaignEndingBeforeItStartsIsRefusedOnTheEndDate() throws Exception {
		mvc.perform(as(mvc, "xinhua", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"倒置\",\"rootRegion\":\"130902\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
					+ today.minusDays(1) + "\",\"target\":\"RETURNEES_SINCE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'endsOn')].reason").value("不能早于 " + today))
			.andExpect(jsonPath("$.errors[?(@.field == 'targetSince')].reason").value("排查返乡人员时必填"));
		mvc.perform(post("/screening").session(login(mvc, "xinhua"))
			.with(csrf())
			.param("name", "倒置的排查")
			.param("rootRegion", "130902")
			.param("startsOn", today.toString())
			.param("endsOn", today.minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"endsOn-error\" class=\"field-error\">不能早于 " + today)))
			.andExpect(content().string(containsString("value=\"倒置的排查\"")));
	}

}
