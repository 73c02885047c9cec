package cn.huoxian.screening;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The screening API: campaigns, visit batches (whole-batch validation, retries),
 * coverage, blind spots, scope.
 */
@SqlTest
class ScreeningApiTests {

	@Autowired
	MockMvc mvc;

	long campaign;

	String grid;

	@BeforeEach
	void openCampaign() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String body = mvc
			.perform(as(mvc, "xinhua", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"新华区返乡人员排查\",\"rootRegion\":\"130902\",\"startsOn\":\"" + today.minusDays(1)
						+ "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.open").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		campaign = ((Number) JsonPath.read(body, "$.id")).longValue();
		grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private long householdsUncovered(String region) throws Exception {
		return ((Number) JsonPath.read(
				json("xinhua", "/api/v1/screening/campaigns/" + campaign + "/blind-spots?size=1&region=" + region),
				"$.total"))
			.longValue();
	}

	/**
	 * A covered visit of a household in grid01's grid, accounting for all its registered
	 * residents.
	 */
	private String coveredVisit(UUID visitId, long household, String temperature) throws Exception {
		List<Integer> residents = JsonPath.read(json("grid01", "/api/v1/persons?size=500&region=" + grid),
				"$.items[?(@.householdId == " + household + ")].id");
		StringBuilder checks = new StringBuilder();
		for (int i = 0; i < residents.size(); i++) {
			checks.append(i == 0 ? "" : ",")
				.append("{\"personId\":")
				.append(residents.get(i))
				.append(",\"status\":\"PRESENT\",\"temperature\":")
				.append(i == 0 ? temperature : "36.5")
				.append("}");
		}
		return "{\"visitId\":\"" + visitId + "\",\"householdId\":" + household + ",\"visitedAt\":\""
				+ OffsetDateTime.now().minusMinutes(5) + "\",\"outcome\":\"COVERED\",\"residents\":[" + checks + "]}";
	}

	private List<Integer> gridHouseholds() throws Exception {
		return JsonPath.read(json("grid01", "/api/v1/households?size=50&region=" + grid), "$.items[*].id");
	}

	/**
	 * A batch's reasons keep the visit's id and name the resident at fault, in the
	 * caller's language.
	 */
	@Test
	void batchReasonsNameTheResidentInTheCallersLanguage() throws Exception {
		int household = gridHouseholds().get(5);
		String persons = json("grid01", "/api/v1/persons?size=500&region=" + grid);
		List<Integer> residents = JsonPath.read(persons, "$.items[?(@.householdId == " + household + ")].id");
		List<String> names = JsonPath.read(persons, "$.items[?(@.id == " + residents.get(0) + ")].name");
		UUID visitId = UUID.randomUUID();
		String noStatus = "[{\"visitId\":\"" + visitId + "\",\"householdId\":" + household + ",\"visitedAt\":\""
				+ OffsetDateTime.now().minusMinutes(1) + "\",\"outcome\":\"COVERED\",\"residents\":[{\"personId\":"
				+ residents.get(0) + "}]}]";
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(noStatus))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents[0].status"))
			.andExpect(jsonPath("$.errors[0].reason")
				.value("走访 " + visitId + "，" + names.get(0) + "：必填：PRESENT（在家）、AWAY（外出）或 MOVED_OUT（已迁出）"));
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(noStatus))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason")
				.value("visit " + visitId + ", " + names.get(0) + ": is required: PRESENT, AWAY or MOVED_OUT"));
		String nobodyAccounted = noStatus.replace("{\"personId\":" + residents.get(0) + "}", "");
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.header("Accept-Language", "zh-TW")
			.contentType(MediaType.APPLICATION_JSON)
			.content(nobodyAccounted))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents"))
			.andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("尚缺："), org.hamcrest.Matchers.containsString(names.get(0)))));
	}

	@Test
	void recordsBatchUpdatesCoverageAtOnceAndIgnoresRetries() throws Exception {
		List<Integer> households = gridHouseholds();
		long before = householdsUncovered("130902");
		String batch = "[" + coveredVisit(UUID.randomUUID(), households.get(0), "38.2") + ","
				+ coveredVisit(UUID.randomUUID(), households.get(1), "36.6") + ",{\"visitId\":\"" + UUID.randomUUID()
				+ "\",\"householdId\":" + households.get(2) + ",\"visitedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
				+ "\",\"outcome\":\"NOBODY_HOME\"}]";
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(batch)).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(3));
		assertThat(householdsUncovered("130902")).isEqualTo(before - 2);
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(batch))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(3));
		assertThat(householdsUncovered("130902")).isEqualTo(before - 2);
		mvc.perform(as(mvc, "xinhua", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=130902")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.region").value("130902"))
			.andExpect(jsonPath("$.covered").value(2))
			.andExpect(jsonPath("$.flagged").value(1))
			.andExpect(jsonPath("$.rate").isNumber())
			.andExpect(jsonPath("$.children[0].code").isString());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/screening/flags?region=130902")))
			.andExpect(jsonPath("$.items[?(@.campaignId == " + campaign + " && @.flags == 'FEVER')]").isNotEmpty());
		mvc.perform(as(mvc, "grid01", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=" + grid)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.covered").value(2));
	}

	@Test
	void rejectsWholeBatchNamingTheBadVisit() throws Exception {
		List<Integer> households = gridHouseholds();
		long before = householdsUncovered(grid);
		UUID bad = UUID.randomUUID();
		String batch = "[" + coveredVisit(UUID.randomUUID(), households.get(3), "36.5") + ","
				+ coveredVisit(bad, households.get(4), "51.0") + "]";
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(batch))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[1].residents[0].temperature"))
			.andExpect(jsonPath("$.errors[0].reason").value("走访 " + bad + "：体温应在 34.0 到 43.0 °C 之间"));
		assertThat(householdsUncovered(grid)).isEqualTo(before);
		String missingResident = "[{\"visitId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + households.get(3)
				+ ",\"visitedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
				+ "\",\"outcome\":\"COVERED\",\"residents\":[]}]";
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(missingResident))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents"));
	}

	@Test
	void enforcesScopeOnCampaignsVisitsAndCoverage() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		mvc.perform(as(mvc, "xinhua", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"越权\",\"rootRegion\":\"130903\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today
					+ "\"}"))
			.andExpect(Api.refused());
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"网格员\",\"rootRegion\":\"130902\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today
					+ "\"}"))
			.andExpect(Api.refused());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=130903")))
			.andExpect(status().isNotFound());
		mvc.perform(as(mvc, "grid01", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=130902")))
			.andExpect(status().isNotFound());
		// a household of the county outside grid01's grid
		String other = JsonPath
			.read(json("xinhua", "/api/v1/households?size=500&region=130902"),
					"$.items[?(@.regionCode != '" + grid + "')].id")
			.toString();
		if (!"[]".equals(other)) {
			String household = other.replaceAll("[\\[\\]]", "").split(",")[0];
			mvc.perform(
					as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("[{\"visitId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + household
								+ ",\"visitedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
								+ "\",\"outcome\":\"NOBODY_HOME\"}]"))
				.andExpect(Api.refused());
		}
		mvc.perform(as(mvc, "admin", get("/api/v1/screening/campaigns/" + campaign))).andExpect(status().isOk());
		mvc.perform(as(mvc, "zzb", post("/api/v1/screening/campaigns/" + campaign + "/recount")))
			.andExpect(Api.refused());
		mvc.perform(as(mvc, "admin", post("/api/v1/screening/campaigns/" + campaign + "/recount")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.countersRepaired").value(0));
	}

	@Test
	void exportsBlindSpotLedgerOfACommunity() throws Exception {
		String village = JsonPath.read(json("xinhua", "/api/v1/regions/" + grid), "$.parentCode");
		long uncovered = householdsUncovered(village);
		byte[] xlsx = mvc
			.perform(as(mvc, "xinhua",
					get("/api/v1/screening/campaigns/" + campaign + "/blind-spots.xlsx?region=" + village)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("户编号");
			assertThat(rows).hasSize((int) uncovered + 1);
			// issue 14: each row names its county, township and community beside the
			// grid's code
			assertThat(rows.get(0).getCellText(1)).isEqualTo("区县");
			assertThat(rows.get(1).getCellText(1)).isEqualTo("新华区");
			assertThat(rows.get(1).getCellText(2)).isNotBlank();
			assertThat(rows.get(1).getCellText(3)).isNotBlank();
			assertThat(rows.get(1).getCellText(4)).startsWith(village);
		}
		mvc.perform(
				as(mvc, "xinhua", get("/api/v1/screening/campaigns/" + campaign + "/blind-spots.xlsx?region=130903")))
			.andExpect(status().isNotFound());
	}

	/**
	 * Without a region, a question about the campaign means the part of it the caller may
	 * read: the campaign's root for the district, the grid for its grid worker (not the
	 * root, which the grid worker may not read).
	 */
	@Test
	void withoutARegionEachCallerGetsTheirOwnPartOfTheCampaign() throws Exception {
		String base = "/api/v1/screening/campaigns/" + campaign;
		assertThat((String) JsonPath.read(json("xinhua", base + "/coverage"), "$.region")).isEqualTo("130902");
		assertThat((String) JsonPath.read(json("grid01", base + "/coverage"), "$.region")).isEqualTo(grid);
		String spots = mvc.perform(as(mvc, "grid01", get(base + "/blind-spots?size=500")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> grids = JsonPath.read(spots, "$.items[*].gridCode");
		assertThat(grids).isNotEmpty().containsOnly(grid);
		assertThat(((Number) JsonPath.read(spots, "$.total")).longValue()).isEqualTo(householdsUncovered(grid));
		mvc.perform(as(mvc, "grid01", get(base + "/blind-spots.xlsx"))).andExpect(status().isOk());
	}

	@Test
	void householdsAndRegionsAddedLaterJoinTheOpenCampaign() throws Exception {
		long before = ((Number) JsonPath.read(
				json("xinhua", "/api/v1/screening/campaigns/" + campaign + "/coverage?region=130902"), "$.households"))
			.longValue();
		mvc.perform(as(mvc, "grid01", post("/api/v1/households")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"" + grid + "\",\"address\":\"新登记住户\",\"door\":\"9-909\"}"))
			.andExpect(status().isCreated());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=130902")))
			.andExpect(jsonPath("$.households").value(before + 1));
		mvc.perform(as(mvc, "admin", post("/api/v1/screening/campaigns/" + campaign + "/recount")))
			.andExpect(jsonPath("$.countersRepaired").value(0))
			.andExpect(jsonPath("$.householdsRepaired").value(0));
	}

	@Test
	void asksAboutTravelFromConfiguredHighRiskAreas() throws Exception {
		List<Integer> households = gridHouseholds();
		long household = households.get(5);
		List<Integer> residents = JsonPath.read(json("grid01", "/api/v1/persons?size=500&region=" + grid),
				"$.items[?(@.householdId == " + household + ")].id");
		StringBuilder checks = new StringBuilder();
		for (int i = 0; i < residents.size(); i++) {
			checks.append(i == 0 ? "" : ",")
				.append("{\"personId\":")
				.append(residents.get(i))
				.append(",\"status\":\"PRESENT\",\"travelFrom\":\"")
				.append(i == 0 ? "TRAVEL" : "")
				.append("\"}");
		}
		String template = "[{\"visitId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + household
				+ ",\"visitedAt\":\"" + OffsetDateTime.now().minusMinutes(2)
				+ "\",\"outcome\":\"COVERED\",\"residents\":[" + checks + "]}]";
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.replace("TRAVEL", "火星")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].residents[0].travelFrom"));
		mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.replace("TRAVEL", "湖北省武汉市"))).andExpect(status().isOk());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/screening/flags?region=130902&size=200")))
			.andExpect(jsonPath("$.items[?(@.campaignId == " + campaign + " && @.personId == " + residents.get(0)
					+ " && @.flags == 'HIGH_RISK_TRAVEL')]")
				.isNotEmpty());
	}

}
