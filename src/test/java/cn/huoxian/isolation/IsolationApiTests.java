package cn.huoxian.isolation;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * From a screening flag to a case, daily contacts across the Asia/Shanghai day boundary,
 * needs and release.
 */
@SqlTest
class IsolationApiTests {

	private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	Cases cases;

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private String post(String user, String url, String body, int expected) throws Exception {
		return mvc
			.perform(as(mvc, user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The index-th resident of a region, or the next one without an open case (one per
	 * person and type; tests share the database).
	 */
	private long personIn(String region, int index) throws Exception {
		List<Number> ids = JsonPath.read(json("admin", "/api/v1/persons?size=50&region=" + region), "$.items[*].id");
		return ids.stream()
			.skip(index)
			.map(Number::longValue)
			.filter(id -> !db.fetchExists(cn.huoxian.db.Tables.ISOLATION_CASE,
					cn.huoxian.db.Tables.ISOLATION_CASE.ACTIVE_PERSON_ID.eq(id)))
			.findFirst()
			.orElseThrow();
	}

	private long openCase(String user, long person, LocalDate start) throws Exception {
		String body = post(user, "/api/v1/isolation/cases",
				"{\"personId\":" + person
						+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"RETURNED_FROM_HIGH_RISK_AREA\",\"startDate\":\""
						+ start + "\",\"contactTime\":\"09:30\",\"responsibleIds\":[" + person + "," + person + "]}",
				201);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private static String contact(OffsetDateTime at, boolean reached, boolean symptoms) {
		return "{\"contactedAt\":\"" + at + "\",\"channel\":\"VIDEO\",\"reached\":" + reached + ",\"symptoms\":"
				+ symptoms + ",\"temperature\":36.6,\"note\":\"情绪稳定\"}";
	}

	private boolean overdueOn(String region, LocalDate day, long caseId) throws Exception {
		List<Integer> ids = JsonPath.read(
				json("xinhua", "/api/v1/isolation/overdue?size=500&region=" + region + "&date=" + day),
				"$.items[*].id");
		return ids.stream().anyMatch(id -> id == caseId);
	}

	@Test
	void contactCountsForItsBusinessDayInShanghai() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		long caseId = openCase("xinhua", personIn("130902", 7), today.minusDays(3));
		org.assertj.core.api.Assertions.assertThat(overdueOn("130902", today.minusDays(1), caseId)).isTrue();
		// 23:59 in Shanghai yesterday is 15:59 UTC: it counts for yesterday
		OffsetDateTime lateYesterday = today.minusDays(1).atTime(LocalTime.of(23, 59)).atOffset(SHANGHAI);
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(lateYesterday.withOffsetSameInstant(ZoneOffset.UTC), true, false), 201);
		org.assertj.core.api.Assertions.assertThat(overdueOn("130902", today.minusDays(1), caseId)).isFalse();
		org.assertj.core.api.Assertions.assertThat(overdueOn("130902", today, caseId)).isTrue();
		// a call that did not reach the person leaves the day overdue
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(today.minusDays(2).atTime(10, 0).atOffset(SHANGHAI), false, false), 201);
		org.assertj.core.api.Assertions.assertThat(overdueOn("130902", today.minusDays(2), caseId)).isTrue();
	}

	/** The lists name each case's person (looked up from people since issue 12). */
	@Test
	void listsNameTheCasesPerson() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		long person = personIn("130902", 9);
		String name = db.select(cn.huoxian.db.Tables.PERSON.NAME)
			.from(cn.huoxian.db.Tables.PERSON)
			.where(cn.huoxian.db.Tables.PERSON.ID.eq(person))
			.fetchOne(cn.huoxian.db.Tables.PERSON.NAME);
		long caseId = openCase("xinhua", person, today.minusDays(2));
		List<String> overdue = JsonPath.read(
				json("xinhua", "/api/v1/isolation/overdue?size=500&region=130902&date=" + today),
				"$.items[?(@.id == " + caseId + ")].personName");
		org.assertj.core.api.Assertions.assertThat(overdue).containsExactly(name);
		org.assertj.core.api.Assertions
			.assertThat((String) JsonPath.read(json("xinhua", "/api/v1/isolation/cases/" + caseId), "$.personName"))
			.isEqualTo(name);
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(today.minusDays(1).atTime(10, 0).atOffset(SHANGHAI), true, false), 201);
		var contacts = cases.contactsUnder(new cn.huoxian.shared.RegionPath("/130900/130902/"), today.minusDays(1), 0,
				500, cn.huoxian.shared.DataScope.ofRegions(cn.huoxian.shared.RegionPath.root("130900")));
		org.assertj.core.api.Assertions.assertThat(contacts.items())
			.filteredOn(c -> c.caseId() == caseId)
			.extracting(cn.huoxian.isolation.Cases.ContactEntry::personName)
			.containsExactly(name);
	}

	@Test
	void symptomsExtendThePeriodAndOnlyAHigherLevelMayShortenIt() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		long caseId = openCase("grid01", personIn(grid, 3), today.minusDays(10));
		mvc.perform(as(mvc, "grid01", get("/api/v1/isolation/cases/" + caseId)))
			.andExpect(jsonPath("$.endDate").value(today.plusDays(3).toString()))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		String answer = post("grid01", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(OffsetDateTime.now().minusMinutes(1), true, true), 201);
		org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(answer, "$.case.endDate"))
			.isEqualTo(today.plusDays(13).toString());
		org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(answer, "$.case.status"))
			.isEqualTo("EXTENDED");
		post("grid01", "/api/v1/isolation/cases/" + caseId + "/shorten",
				"{\"endDate\":\"" + today.plusDays(5) + "\",\"reason\":\"核酸阴性\"}", 403);
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/shorten", "{\"endDate\":\"" + today.plusDays(5) + "\"}",
				400);
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/shorten",
				"{\"endDate\":\"" + today.plusDays(5) + "\",\"reason\":\"两次核酸阴性，经区指挥部批准\"}", 200);
		mvc.perform(as(mvc, "grid01", get("/api/v1/isolation/cases/" + caseId)))
			.andExpect(jsonPath("$.endDate").value(today.plusDays(5).toString()));
	}

	@Test
	void flaggedResidentBecomesACaseGetsNecessitiesAndIsReleased() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		String campaign = post("xinhua", "/api/v1/screening/campaigns",
				"{\"name\":\"隔离衔接\",\"rootRegion\":\"130902\",\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\""
						+ today.plusDays(1) + "\"}",
				201);
		long campaignId = ((Number) JsonPath.read(campaign, "$.id")).longValue();
		int household = JsonPath.read(json("grid01", "/api/v1/households?size=1&region=" + grid), "$.items[0].id");
		List<Integer> residents = JsonPath.read(json("grid01", "/api/v1/persons?size=500&region=" + grid),
				"$.items[?(@.householdId == " + household + ")].id");
		StringBuilder checks = new StringBuilder();
		for (int i = 0; i < residents.size(); i++) {
			checks.append(i == 0 ? "" : ",")
				.append("{\"personId\":")
				.append(residents.get(i))
				.append(",\"status\":\"PRESENT\",\"temperature\":")
				.append(i == 0 ? "38.1" : "36.5")
				.append("}");
		}
		post("grid01", "/api/v1/screening/campaigns/" + campaignId + "/visits",
				"[{\"visitId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + household + ",\"visitedAt\":\""
						+ OffsetDateTime.now().minusMinutes(3) + "\",\"outcome\":\"COVERED\",\"residents\":[" + checks
						+ "]}]",
				200);
		String flags = json("grid01", "/api/v1/screening/flags?size=200&region=" + grid);
		List<Integer> flagIds = JsonPath.read(flags,
				"$.items[?(@.campaignId == " + campaignId + " && @.personId == " + residents.get(0) + ")].id");
		long flagId = flagIds.get(0);

		String opened = post("grid01", "/api/v1/isolation/cases",
				"{\"personId\":" + residents.get(0)
						+ ",\"type\":\"MEDICAL_OBSERVATION\",\"reason\":\"FLAGGED_IN_SCREENING\",\"flagId\":" + flagId
						+ ",\"responsibleIds\":[" + residents.get(0) + "]}",
				201);
		long caseId = ((Number) JsonPath.read(opened, "$.id")).longValue();
		List<Integer> stillOpen = JsonPath.read(json("grid01", "/api/v1/screening/flags?size=200&region=" + grid),
				"$.items[?(@.id == " + flagId + ")].id");
		org.assertj.core.api.Assertions.assertThat(stillOpen).isEmpty();

		String need = post("grid01", "/api/v1/isolation/cases/" + caseId + "/needs",
				"{\"kind\":\"NECESSITIES\",\"description\":\"代购米面油\"}", 201);
		long needId = ((Number) JsonPath.read(need, "$.id")).longValue();
		post("grid01", "/api/v1/isolation/needs/" + needId + "/confirmation", "{}", 422);
		post("grid01", "/api/v1/isolation/needs/" + needId + "/delivery", "{}", 200);
		post("grid01", "/api/v1/isolation/needs/" + needId + "/confirmation", "{}", 200);

		post("grid01", "/api/v1/isolation/cases/" + caseId + "/release", "{\"outcome\":\"RELEASED\"}", 400);
		String released = post("grid01", "/api/v1/isolation/cases/" + caseId + "/release",
				"{\"outcome\":\"HOSPITALISED\",\"note\":\"体温持续升高，转定点医院\"}", 200);
		org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(released, "$.status"))
			.isEqualTo("HOSPITALISED");
		post("grid01", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(OffsetDateTime.now().minusMinutes(1), true, false), 422);
	}

	/**
	 * The refusal of a rule reads in the caller's language, Simplified Chinese by
	 * default.
	 */
	@Test
	void ruleViolationReadsInTheCallersLanguage() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		long caseId = openCase("xinhua", personIn("130902", 9), today);
		String need = post("xinhua", "/api/v1/isolation/cases/" + caseId + "/needs",
				"{\"kind\":\"MEDICINE\",\"description\":\"退烧药一盒\"}", 201);
		long needId = ((Number) JsonPath.read(need, "$.id")).longValue();
		String url = "/api/v1/isolation/needs/" + needId + "/confirmation";
		org.assertj.core.api.Assertions.assertThat(confirmTooEarly(url, null)).isEqualTo("生活需求 " + needId + " 尚未送达");
		org.assertj.core.api.Assertions.assertThat(confirmTooEarly(url, "zh-TW")).isEqualTo("生活需求 " + needId + " 尚未送達");
		org.assertj.core.api.Assertions.assertThat(confirmTooEarly(url, "en"))
			.isEqualTo("need " + needId + " has not been delivered yet");
	}

	private String confirmTooEarly(String url, String language) throws Exception {
		var request = as(mvc, "xinhua", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}");
		if (language != null) {
			request.header("Accept-Language", language);
		}
		String body = mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.detail");
	}

	@Test
	void casesOutsideScopeAreInvisibleAndReadOnly() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		long caseId = openCase("admin", personIn("130903", 2), today);
		mvc.perform(as(mvc, "xinhua", get("/api/v1/isolation/cases/" + caseId))).andExpect(status().isNotFound());
		post("xinhua", "/api/v1/isolation/cases/" + caseId + "/contacts",
				contact(OffsetDateTime.now().minusMinutes(1), true, false), 403);
		mvc.perform(as(mvc, "xinhua", get("/api/v1/isolation/overdue?region=130903"))).andExpect(status().isNotFound());
		post("zzb", "/api/v1/isolation/cases", "{\"personId\":" + personIn("130903", 2)
				+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"OTHER\",\"responsibleIds\":[1]}", 403);
		post("xinhua", "/api/v1/isolation/cases",
				"{\"type\":\"HOME_ISOLATION\",\"reason\":\"OTHER\",\"responsibleIds\":[1]}", 400);
	}

	@Test
	void theCaseFormNamesTheFieldAtFault() throws Exception {
		String refused = post("xinhua", "/api/v1/isolation/cases", "{\"personId\":" + personIn("130902", 3)
				+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"OTHER\",\"periodDays\":61,\"contactTime\":\"25:00\","
				+ "\"responsibleIds\":[]}", 400);
		assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("periodDays",
				"contactTime", "responsibleIds");
		assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].reason")).containsExactlyInAnyOrder("应在 1 到 60 之间",
				"应为时间，如 09:30", "请至少填写一名责任干部");
	}

}
