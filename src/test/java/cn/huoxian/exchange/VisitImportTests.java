package cn.huoxian.exchange;

import static cn.huoxian.exchange.ExchangeFixtures.network;
import static cn.huoxian.exchange.ExchangeFixtures.row;
import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huoxian.exchange.ExchangeFixtures.Format;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The visits import: a campaign's visits from .xlsx/.csv all or nothing, retries not
 * counted twice, scope and roles.
 */
@SqlTest
class VisitImportTests {

	private static final List<Object> HEADER = row("visitId", "householdId", "visitedAt", "outcome", "personId",
			"status", "awayWhere", "temperature", "flags");

	private static final List<Object> CHINESE_HEADER = row("走访编号", "户编号", "走访时间", "走访结果", "人员编号", "状态", "外出去向", "体温",
			"异常情况");

	@Autowired
	MockMvc mvc;

	long campaign;

	String grid;

	/** grid01's households that have registered residents, each with its residents. */
	Map<Long, List<Long>> residents;

	LocalDateTime visitedAt = LocalDateTime.now(BusinessDay.ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES);

	@BeforeEach
	void openCampaign() throws Exception {
		campaign = campaign("xinhua", "130902");
		grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		residents = new LinkedHashMap<>();
		List<Map<String, Object>> persons = JsonPath.read(json("grid01", "/api/v1/persons?size=500&region=" + grid),
				"$.items[?(@.householdId)]");
		for (Map<String, Object> person : persons) {
			residents.computeIfAbsent(((Number) person.get("householdId")).longValue(), k -> new ArrayList<>())
				.add(((Number) person.get("id")).longValue());
		}
		assertThat(residents).hasSizeGreaterThanOrEqualTo(3);
	}

	private long campaign(String user, String root) throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String body = mvc
			.perform(as(mvc, user, post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"纸质走访补录\",\"rootRegion\":\"" + root + "\",\"startsOn\":\"" + today.minusDays(1)
						+ "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private long covered() throws Exception {
		return ((Number) JsonPath
			.read(json("grid01", "/api/v1/screening/campaigns/" + campaign + "/coverage?region=" + grid), "$.covered"))
			.longValue();
	}

	private ResultActions upload(String user, long campaignId, MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/api/v1/imports/visits").file(file)
			.param("campaign", String.valueOf(campaignId))
			.header("Authorization", "Bearer " + Api.token(mvc, user))
			.header("Accept-Language", "en")); // the reasons asserted are English
	}

	private List<Long> households() {
		return new ArrayList<>(residents.keySet());
	}

	/**
	 * One row per registered resident, the first with the given temperature; no visitId.
	 */
	private List<List<Object>> covered(Object time, long household, Object temperature) {
		List<List<Object>> rows = new ArrayList<>();
		List<Long> people = residents.get(household);
		for (int i = 0; i < people.size(); i++) {
			rows.add(row("", household, time, i == 0 ? "已覆盖" : "COVERED", people.get(i), i == 0 ? "在家" : "PRESENT", "",
					i == 0 ? temperature : "36.5", ""));
		}
		return rows;
	}

	private static List<List<Object>> file(List<Object> header, List<List<Object>> rows) {
		List<List<Object>> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		return all;
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void importsVisitsCoversHouseholdsAndCountsNothingTwice(Format format) throws Exception {
		Object time = format == Format.XLSX ? visitedAt
				: visitedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		List<Long> households = households();
		List<List<Object>> rows = new ArrayList<>(
				covered(time, households.get(0), format == Format.XLSX ? 38.2 : "38.2"));
		List<Object> away = new ArrayList<>(covered(time, households.get(1), "36.6").get(0));
		rows.addAll(covered(time, households.get(1), "36.6"));
		away.set(5, "外出");
		away.set(6, "石家庄");
		away.set(7, "");
		away.set(8, "高风险地区旅居史，CONTACT");
		rows.set(rows.size() - residents.get(households.get(1)).size(), away);
		rows.add(row(UUID.randomUUID().toString(), households.get(2), time, "无人在家", "", "", "", "", ""));
		MockMultipartFile upload = format.file(file(format == Format.XLSX ? CHINESE_HEADER : HEADER, rows));
		upload("grid01", campaign, upload).andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(3))
			.andExpect(jsonPath("$.duplicates").value(0));
		assertThat(covered()).isEqualTo(2);
		upload("grid01", campaign, upload).andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.duplicates").value(3));
		assertThat(covered()).isEqualTo(2);
		mvc.perform(as(mvc, "grid01", get("/api/v1/screening/campaigns/" + campaign + "/coverage?region=" + grid)))
			.andExpect(jsonPath("$.flagged").value(2));
	}

	@Test
	void reportsBadRowsAndImportsNothing() throws Exception {
		List<Long> households = households();
		List<List<Object>> rows = new ArrayList<>(covered(visitedAt.toString(), households.get(0), "36.4"));
		rows.add(row("", households.get(1), "昨天下午", "COVERED", residents.get(households.get(1)).get(0), "睡觉", "", "高",
				"咳嗽"));
		rows.add(row("not-a-uuid", households.get(2), visitedAt.toString(), "无人在家", "", "", "", "", ""));
		int bad = rows.size();
		upload("grid01", campaign, Format.CSV.file(file(HEADER, rows))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errorCount").value(5))
			.andExpect(jsonPath("$.errors[0].row").value(bad))
			.andExpect(jsonPath("$.errors[0].column").value("visitedAt"))
			.andExpect(jsonPath("$.errors[1].column").value("status"))
			.andExpect(jsonPath("$.errors[1].reason").value(containsString("睡觉")))
			.andExpect(jsonPath("$.errors[2].column").value("temperature"))
			.andExpect(jsonPath("$.errors[3].column").value("flags"))
			.andExpect(jsonPath("$.errors[4].row").value(bad + 1))
			.andExpect(jsonPath("$.errors[4].column").value("visitId"));
		assertThat(covered()).isZero();
	}

	@Test
	void mapsWhatTheVisitsRefuseBackToRowsAndRollsEverythingBack() throws Exception {
		List<Long> households = households();
		List<List<Object>> rows = new ArrayList<>(covered(visitedAt.toString(), households.get(0), "36.4"));
		int feverRow = rows.size() + 2;
		rows.addAll(covered(visitedAt.toString(), households.get(1), "51"));
		upload("grid01", campaign, Format.CSV.file(file(HEADER, rows))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(feverRow))
			.andExpect(jsonPath("$.errors[0].column").value("temperature"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("34.0")));
		assertThat(covered()).isZero();
		long household = households.stream().filter(h -> residents.get(h).size() >= 2).findFirst().orElseThrow();
		List<List<Object>> missing = new ArrayList<>(covered(visitedAt.toString(), household, "36.4"));
		missing.remove(missing.size() - 1);
		upload("grid01", campaign, Format.CSV.file(file(HEADER, missing))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("personId"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("every registered resident")));
		assertThat(covered()).isZero();
	}

	@Test
	void rejectsTheWholeFileForAHouseholdOutsideTheScope() throws Exception {
		long outside = ExchangeFixtures.households(mvc, network(mvc).grid(), 1).get(0);
		List<List<Object>> rows = new ArrayList<>(covered(visitedAt.toString(), households().get(0), "36.4"));
		rows.add(row("", outside, visitedAt.toString(), "NOBODY_HOME", "", "", "", "", ""));
		upload("grid01", campaign, Format.CSV.file(file(HEADER, rows))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].row").value(rows.size() + 1))
			.andExpect(jsonPath("$.errors[0].column").value("householdId"))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("no household has id")));
		assertThat(covered()).isZero();
	}

	@Test
	void refusesRolesThatMayNotEditPeopleAndCampaignsOutsideTheScope() throws Exception {
		MockMultipartFile file = Format.CSV.file(file(HEADER,
				List.of(row("", households().get(0), visitedAt.toString(), "NOBODY_HOME", "", "", "", "", ""))));
		upload("zzb", campaign, file).andExpect(status().isForbidden());
		upload("xinhua", campaign("admin", "130903"), file).andExpect(status().isNotFound());
		upload("grid01", Long.MAX_VALUE, file).andExpect(status().isNotFound());
		assertThat(covered()).isZero();
	}

	@Test
	void offersTheFormWithTheCampaignsAndATemplateAndImportsFromThePage() throws Exception {
		mvc.perform(get("/exchange").session(login(mvc, "xinhua")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/exchange/imports/visits\"")))
			.andExpect(content().string(containsString("value=\"" + campaign + "\"")))
			.andExpect(content().string(containsString("/exchange/templates/visits.csv")));
		MockMultipartFile file = Format.CSV.file(file(HEADER,
				List.of(row("", households().get(2), visitedAt.toString(), "NOBODY_HOME", "", "", "", "", ""))));
		mvc.perform(multipart("/exchange/imports/visits").file(file)
			.param("campaign", String.valueOf(campaign))
			.session(login(mvc, "grid01"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("imported", 1));
		mvc.perform(get("/exchange/templates/visits.csv").session(login(mvc, "xinhua")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("走访编号,户编号,走访时间")));
	}

}
