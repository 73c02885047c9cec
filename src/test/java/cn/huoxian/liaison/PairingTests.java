package cn.huoxian.liaison;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pairings (五个一): ranks of the liaison leader and responsible person, one pairing per
 * village-level community, completeness, the work-plan file, the ledger, the .xlsx ledger
 * and scope on every endpoint.
 */
@SqlTest
class PairingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	PairingFixtures f;

	@BeforeEach
	void fixtures() {
		f = new PairingFixtures(mvc);
	}

	private String create(String unit, String village, Long leader, Long responsible) {
		return "{\"unitCode\":\"" + unit + "\",\"communityCode\":\"" + village + "\",\"liaisonLeaderId\":" + leader
				+ ",\"responsiblePersonId\":" + responsible + "}";
	}

	@Test
	void liaisonLeaderMustBeCountyRankAndResponsiblePersonTownshipRank() throws Exception {
		String unit = f.unit();
		String village = f.village();
		long county = f.person("COUNTY");
		long township = f.person("TOWNSHIP");
		// the two the wrong way round: each names the rank it found
		f.postJson("xinhua", "/api/v1/deployment/pairings", create(unit, village, township, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("县处级")))
			.andExpect(jsonPath("$.detail", containsString("职级是乡科级")));
		f.postJson("xinhua", "/api/v1/deployment/pairings", create(unit, village, null, county))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("乡科级")))
			.andExpect(jsonPath("$.detail", containsString("职级是县处级")));
		// a person who is no cadre at all
		long resident = f.person(null);
		f.postJson("xinhua", "/api/v1/deployment/pairings", create(unit, village, resident, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("liaisonLeaderId"))
			.andExpect(jsonPath("$.errors[0].reason", containsString(String.valueOf(resident))));
		// nothing was written by the refused attempts
		f.perform("xinhua", get("/api/v1/deployment/pairings?unit=" + unit)).andExpect(jsonPath("$.total").value(0));
		long id = PairingFixtures
			.id(f.postJson("xinhua", "/api/v1/deployment/pairings", create(unit, village, county, township))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.liaisonLeader.id").value(county))
				.andExpect(jsonPath("$.responsiblePerson.id").value(township))
				.andExpect(jsonPath("$.completeness.liaisonLeader").value(true))
				.andExpect(jsonPath("$.completeness.responsiblePerson").value(true)));
		// the same rules when set later
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"liaisonLeaderId\":" + f.person("BUREAU") + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("厅局级")));
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"responsiblePersonId\":" + f.person("STAFF") + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("科员及以下")));
		f.perform("xinhua", patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"responsiblePersonId\":" + resident + "}")).andExpect(status().isBadRequest());
		// cleared with null: the element is missing again
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"liaisonLeaderId\":null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.liaisonLeader").doesNotExist())
			.andExpect(jsonPath("$.responsiblePerson.id").value(township))
			.andExpect(jsonPath("$.completeness.missing", hasItem("LIAISON_LEADER")));
	}

	@Test
	void formsAreCheckedByTheirAnnotationsAndNameTheField() throws Exception {
		String unit = f.unit();
		String village = f.village();
		// API: required codes, the plan's length on a change, a ledger entry's text
		f.postJson("xinhua", "/api/v1/deployment/pairings", "{\"communityCode\":\"" + village + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unitCode"))
			.andExpect(jsonPath("$.errors[0].reason").value("必填"));
		long id = f.bare(unit, village);
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"workPlan\":\"" + "x".repeat(4001) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("workPlan"))
			.andExpect(jsonPath("$.errors[0].reason").value("最多 4000 个字符"));
		f.postJson("xinhua", "/api/v1/deployment/pairings/" + id + "/log", "{\"entry\":\"" + "记".repeat(1001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entry"))
			.andExpect(jsonPath("$.errors[0].reason").value("最多 1000 个字符"));
		// a field left out of a change is kept
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"workPlan\":\"每日对接\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workPlan").value("每日对接"));
		// page: bad ids keep what was typed and say so beside the field
		MockHttpSession session = Pages.login(mvc, "xinhua");
		mvc.perform(post("/deployment/pairings").session(session)
			.with(csrf())
			.param("unitCode", unit)
			.param("communityCode", f.village())
			.param("teamMemberIds", "12，x3"))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/pairings/pairings"))
			.andExpect(content().string(containsString("value=\"12，x3\"")))
			.andExpect(content().string(containsString("应为以逗号或空格分隔的编号（数字）")));
	}

	@Test
	void oneUnitPerCommunityAndOnlyVillageLevel() throws Exception {
		String first = f.unit();
		String second = f.unit();
		String village = f.village();
		f.bare(first, village);
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + second + "\",\"communityCode\":\"" + village + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("已与单位")))
			.andExpect(jsonPath("$.detail", containsString(first)));
		// a township, a grid: not a community
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + second + "\",\"communityCode\":\"" + f.township("130902") + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("乡镇街道")));
		String other = f.village();
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + second + "\",\"communityCode\":\"" + f.grid(other) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("是网格")));
		// bad input names its fields
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"NOSUCHUNIT\",\"communityCode\":\"" + other + "\"}")
			// an unknown unit is answered like one outside the scope: 404 naming the
			// field
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[*].field", hasItem("unitCode")));
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + second + "\",\"communityCode\":\"" + other + "\",\"startedOn\":\""
						+ LocalDate.now().plusDays(3) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("startedOn")));
		f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + second + "\",\"communityCode\":\"" + other + "\",\"workPlan\":\""
						+ "x".repeat(4001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("workPlan"));
	}

	@Test
	void completenessListsEachMissingElementUntilAllFiveArePresent() throws Exception {
		String unit = f.unit();
		String village = f.village();
		long id = f.bare(unit, village);
		f.perform("xinhua", get("/api/v1/deployment/pairings/" + id))
			.andExpect(jsonPath("$.completeness.complete").value(false))
			.andExpect(jsonPath("$.completeness.missing.length()").value(5));
		String incomplete = "/api/v1/deployment/pairings?incomplete=true&size=500&unit=" + unit;
		long county = f.person("COUNTY");
		long township = f.person("TOWNSHIP");
		long member = f.person(null);
		// each element in turn: the others stay missing, and the pairing stays listed
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"liaisonLeaderId\":" + county + "}"))
			.andExpect(jsonPath("$.completeness.liaisonLeader").value(true))
			.andExpect(jsonPath("$.completeness.missing", not(hasItem("LIAISON_LEADER"))))
			.andExpect(jsonPath("$.completeness.missing.length()").value(4));
		f.postJson("xinhua", "/api/v1/deployment/pairings/" + id + "/team", "{\"personId\":" + member + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.team[0].id").value(member))
			.andExpect(jsonPath("$.completeness.workTeam").value(true))
			.andExpect(jsonPath("$.completeness.missing.length()").value(3));
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"workPlan\":\"每日研判，物资保障\"}"))
			.andExpect(jsonPath("$.completeness.workPlan").value(true))
			.andExpect(jsonPath("$.completeness.missing.length()").value(2));
		f.postJson("xinhua", "/api/v1/deployment/pairings/" + id + "/log", "{\"entry\":\"首次对接\"}")
			.andExpect(status().isCreated());
		f.perform("xinhua", get(incomplete))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].completeness.missing", hasItem("RESPONSIBLE_PERSON")))
			.andExpect(jsonPath("$.items[0].completeness.missing.length()").value(1));
		f.perform("xinhua",
				patch("/api/v1/deployment/pairings/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"responsiblePersonId\":" + township + "}"))
			.andExpect(jsonPath("$.completeness.complete").value(true))
			.andExpect(jsonPath("$.completeness.missing.length()").value(0));
		f.perform("xinhua", get(incomplete)).andExpect(jsonPath("$.total").value(0));
		f.perform("xinhua", get("/api/v1/deployment/pairings?unit=" + unit))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].completeness.complete").value(true));
		// removing the only team member makes it incomplete again; a file alone is a plan
		f.perform("xinhua", delete("/api/v1/deployment/pairings/" + id + "/team/" + member))
			.andExpect(jsonPath("$.completeness.missing", hasItem("WORK_TEAM")));
		f.perform("xinhua", get(incomplete)).andExpect(jsonPath("$.items[0].id").value(id));
	}

	@Test
	void eachElementMissingAloneIsListedAndNamed() throws Exception {
		long county = f.person("COUNTY");
		long township = f.person("TOWNSHIP");
		long member = f.person(null);
		for (String missing : Completeness.ELEMENTS) {
			String unit = f.unit();
			String json = "{\"unitCode\":\"" + unit + "\",\"communityCode\":\"" + f.village() + "\""
					+ (missing.equals("LIAISON_LEADER") ? "" : ",\"liaisonLeaderId\":" + county)
					+ (missing.equals("RESPONSIBLE_PERSON") ? "" : ",\"responsiblePersonId\":" + township)
					+ (missing.equals("WORK_TEAM") ? "" : ",\"teamMemberIds\":[" + member + "]")
					+ (missing.equals("WORK_PLAN") ? "" : ",\"workPlan\":\"方案\"") + "}";
			long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings", json));
			if (!missing.equals("LEDGER")) {
				f.postJson("xinhua", "/api/v1/deployment/pairings/" + id + "/log", "{\"entry\":\"对接\"}")
					.andExpect(status().isCreated());
			}
			f.perform("xinhua", get("/api/v1/deployment/pairings?incomplete=true&unit=" + unit))
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].completeness.complete").value(false))
				.andExpect(jsonPath("$.items[0].completeness.missing.length()").value(1))
				.andExpect(jsonPath("$.items[0].completeness.missing[0]").value(missing));
		}
		// all five: complete, and not on the list
		String unit = f.unit();
		long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + unit + "\",\"communityCode\":\"" + f.village() + "\",\"liaisonLeaderId\":" + county
						+ ",\"responsiblePersonId\":" + township + ",\"teamMemberIds\":[" + member
						+ "],\"workPlan\":\"方案\"}"));
		f.postJson("xinhua", "/api/v1/deployment/pairings/" + id + "/log", "{\"entry\":\"对接\"}");
		f.perform("xinhua", get("/api/v1/deployment/pairings?incomplete=true&unit=" + unit))
			.andExpect(jsonPath("$.total").value(0));
		f.perform("xinhua", get("/api/v1/deployment/pairings/" + id))
			.andExpect(jsonPath("$.completeness.complete").value(true));
	}

	@Test
	void workPlanFileWithinLimitsRoundTrips() throws Exception {
		long id = f.bare(f.unit(), f.village());
		String url = "/api/v1/deployment/pairings/" + id + "/work-plan-file";
		byte[] plan = "工作方案：每日对接".getBytes(StandardCharsets.UTF_8);
		f.perform("xinhua", multipart(url).file(new MockMultipartFile("file", "方案.exe", "application/pdf", plan)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		f.perform("xinhua",
				multipart(url)
					.file(new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[5 * 1024 * 1024 + 1])))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason", containsString("5 MB")));
		f.perform("xinhua", multipart(url).file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])))
			.andExpect(status().isBadRequest());
		f.perform("xinhua", get(url)).andExpect(status().isNotFound());
		f.perform("xinhua", multipart(url).file(new MockMultipartFile("file", "方案.txt", "text/plain", plan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workPlanFileName").value("方案.txt"))
			.andExpect(jsonPath("$.completeness.workPlan").value(true));
		f.perform("xinhua", get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/plain")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(plan));
		f.perform("zzb", get(url)).andExpect(status().isOk());
		f.perform("zzb", multipart(url).file(new MockMultipartFile("file", "a.txt", "text/plain", plan)))
			.andExpect(status().isForbidden());
	}

	@Test
	void ledgerEntriesAreKeptNewestFirstAndNotInTheFuture() throws Exception {
		long id = f.bare(f.unit(), f.village());
		String url = "/api/v1/deployment/pairings/" + id + "/log";
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		f.postJson("xinhua", url, "{\"day\":\"" + today.minusDays(2) + "\",\"entry\":\"送去口罩500只\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.day").value(today.minusDays(2).toString()))
			.andExpect(jsonPath("$.recordedBy").value("xinhua"));
		f.postJson("xinhua", url, "{\"entry\":\"协助卡口值守\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.day").value(today.toString()));
		f.postJson("xinhua", url, "{\"day\":\"" + today.plusDays(2) + "\",\"entry\":\"未来\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("day"));
		f.postJson("xinhua", url, "{\"entry\":\"" + "长".repeat(1001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entry"));
		f.postJson("xinhua", url, "{\"entry\":\" \"}").andExpect(status().isBadRequest());
		f.perform("xinhua", get(url))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].entry").value("协助卡口值守"))
			.andExpect(jsonPath("$[1].entry").value("送去口罩500只"));
		f.perform("xinhua", get("/api/v1/deployment/pairings/" + id))
			.andExpect(jsonPath("$.ledgerEntries").value(2))
			.andExpect(jsonPath("$.completeness.ledger").value(true));
	}

	@Test
	void summaryCountsDistinctUnitsAndCompleteness() throws Exception {
		String township = f.township("130902");
		String before = f.body("xinhua", "/api/v1/deployment/pairings/summary?region=" + township);
		String unit = f.unit();
		f.bare(unit, f.village());
		f.bare(unit, f.village());
		String after = f.body("xinhua", "/api/v1/deployment/pairings/summary?region=" + township);
		assertThat(count(after, "pairedUnits") - count(before, "pairedUnits")).isEqualTo(1);
		assertThat(count(after, "pairedCommunities") - count(before, "pairedCommunities")).isEqualTo(2);
		assertThat(count(after, "incomplete") - count(before, "incomplete")).isEqualTo(2);
		assertThat(count(after, "complete")).isEqualTo(count(before, "complete"));
		f.perform("xinhua", get("/api/v1/deployment/pairings/summary?region=130903")).andExpect(status().isNotFound());
	}

	private static long count(String json, String field) {
		return ((Number) JsonPath.read(json, "$." + field)).longValue();
	}

	@Test
	void ledgerWorkbookHasOneRowPerPairingWithCompleteness() throws Exception {
		String unit = f.unit();
		String village = f.village();
		long county = f.person("COUNTY");
		f.postJson("xinhua", "/api/v1/deployment/pairings", "{\"unitCode\":\"" + unit + "\",\"communityCode\":\""
				+ village + "\",\"liaisonLeaderId\":" + county + ",\"workPlan\":\"方案\"}")
			.andExpect(status().isCreated());
		byte[] xlsx = f.perform("xinhua", get("/api/v1/deployment/pairings/ledger.xlsx?region=" + village))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("pairings-" + village)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			Row row = rows.get(1);
			assertThat(row.getCellText(0)).isEqualTo(unit);
			assertThat(row.getCellText(2)).isEqualTo(village);
			assertThat(row.getCellText(5)).isEqualTo("结对COUNTY");
			assertThat(row.getCellText(7)).isEqualTo("方案");
			assertThat(row.getCellText(10)).isEqualTo("未齐全");
			assertThat(row.getCellText(11)).contains("工作专班").contains("责任人").doesNotContain("联络");
		}
		f.perform("xinhua", get("/api/v1/deployment/pairings/ledger.xlsx?region=130903"))
			.andExpect(status().isNotFound());
	}

	@Test
	void scopeOnEveryPairingEndpoint() throws Exception {
		String unit = f.unit();
		String village = f.village();
		long id = f.bare(unit, village);
		String base = "/api/v1/deployment/pairings/" + id;
		String yunhe = PairingFixtures.account(accounts, Role.REGION_STAFF, null, ScopeRoot.region("130903"));
		// reads outside scope: 404
		for (String url : List.of(base, base + "/log", base + "/shortages", base + "/work-plan-file")) {
			f.perform(yunhe, get(url)).andExpect(status().isNotFound());
		}
		f.perform(yunhe, get("/api/v1/deployment/pairings?unit=" + unit)).andExpect(jsonPath("$.total").value(0));
		// writes outside scope: 403
		f.perform(yunhe, patch(base).contentType(MediaType.APPLICATION_JSON).content("{\"workPlan\":\"x\"}"))
			.andExpect(Api.refused());
		f.postJson(yunhe, base + "/log", "{\"entry\":\"x\"}").andExpect(Api.refused());
		f.postJson(yunhe, base + "/team", "{\"personId\":" + f.person(null) + "}").andExpect(Api.refused());
		f.perform(yunhe,
				multipart(base + "/work-plan-file")
					.file(new MockMultipartFile("file", "a.txt", "text/plain", new byte[] { 1 })))
			.andExpect(Api.refused());
		f.perform(yunhe, delete(base)).andExpect(Api.refused());
		f.postJson(yunhe, "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + f.unit() + "\",\"communityCode\":\"" + f.village() + "\"}")
			.andExpect(Api.refused());
		// the evaluator reads everything and writes nothing
		f.perform("zzb", get(base)).andExpect(status().isOk());
		f.perform("zzb", get(base + "/log")).andExpect(status().isOk());
		f.perform("zzb", get("/api/v1/deployment/pairings/summary")).andExpect(status().isOk());
		f.perform("zzb", patch(base).contentType(MediaType.APPLICATION_JSON).content("{\"workPlan\":\"x\"}"))
			.andExpect(Api.refused());
		f.postJson("zzb", base + "/log", "{\"entry\":\"x\"}").andExpect(Api.refused());
		f.perform("zzb", delete(base)).andExpect(Api.refused());
		f.postJson("zzb", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + unit + "\",\"communityCode\":\"" + f.village() + "\"}")
			.andExpect(Api.refused());
		// the paired unit's staff see it, keep its team, plan and ledger, but not its
		// leader
		String staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, unit));
		f.perform(staff, get(base)).andExpect(status().isOk());
		f.perform(staff, get("/api/v1/deployment/pairings")).andExpect(jsonPath("$.total").value(1));
		f.postJson(staff, base + "/log", "{\"entry\":\"单位记录\"}").andExpect(status().isCreated());
		f.perform(staff, patch(base).contentType(MediaType.APPLICATION_JSON).content("{\"workPlan\":\"方案\"}"))
			.andExpect(status().isOk());
		// a person the unit's account cannot read is answered like a missing one
		f.postJson(staff, base + "/team", "{\"personId\":" + f.person(null) + "}").andExpect(status().isNotFound());
		f.perform(staff, patch(base).contentType(MediaType.APPLICATION_JSON)
			.content("{\"liaisonLeaderId\":" + f.person("COUNTY") + "}")).andExpect(Api.refused());
		f.perform(staff, delete(base)).andExpect(Api.refused());
		// another unit's staff see nothing of it
		String stranger = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, f.unit()));
		f.perform(stranger, get(base)).andExpect(status().isNotFound());
		f.postJson(stranger, base + "/log", "{\"entry\":\"x\"}").andExpect(Api.refused());
		// region staff remove the pairing; then it is gone
		f.perform("xinhua", delete(base)).andExpect(status().isNoContent());
		f.perform("xinhua", get(base)).andExpect(status().isNotFound());
	}

	@Test
	void pagesListWithBadgesCreateAndKeepTheFiveElements() throws Exception {
		MockHttpSession session = Pages.login(mvc, "xinhua");
		String unit = f.unit();
		String village = f.village();
		long county = f.person("COUNTY");
		long township = f.person("TOWNSHIP");
		long member = f.person(null);
		// a bad leader keeps what was typed and shows the rule
		mvc.perform(post("/deployment/pairings").session(session)
			.with(csrf())
			.param("unitCode", unit)
			.param("communityCode", village)
			.param("liaisonLeaderId", String.valueOf(township)))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/pairings/pairings"))
			.andExpect(content().string(containsString("id=\"pairing-error\"")))
			.andExpect(content().string(containsString("value=\"" + village + "\"")));
		mvc.perform(post("/deployment/pairings").session(session)
			.with(csrf())
			.param("unitCode", "")
			.param("communityCode", village)
			.param("startedOn", "yesterday"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"startedOn-error\"")))
			// worded by the shared page forms, what was typed kept
			.andExpect(content().string(containsString("不是有效日期，格式如 2020-02-01")))
			.andExpect(content().string(containsString("value=\"yesterday\"")));
		String location = mvc
			.perform(post("/deployment/pairings").session(session)
				.with(csrf())
				.param("unitCode", unit)
				.param("communityCode", village)
				.param("liaisonLeaderId", String.valueOf(county))
				.param("teamMemberIds", String.valueOf(member)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get("/deployment/pairings").param("missing", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-id=\"" + id + "\"")))
			.andExpect(content().string(containsString("badge-incomplete")));
		mvc.perform(post(location + "/people").session(session)
			.with(csrf())
			.param("liaisonLeaderId", String.valueOf(county))
			.param("responsiblePersonId", String.valueOf(county))).andExpect(flash().attributeExists("error"));
		mvc.perform(post(location + "/people").session(session)
			.with(csrf())
			.param("liaisonLeaderId", String.valueOf(county))
			.param("responsiblePersonId", String.valueOf(township))).andExpect(flash().attribute("recorded", "people"));
		mvc.perform(post(location + "/plan").session(session).with(csrf()).param("workPlan", "每日对接"))
			.andExpect(flash().attribute("recorded", "plan"));
		mvc.perform(multipart(location + "/plan-file")
			.file(new MockMultipartFile("file", "方案.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.session(session)
			.with(csrf())).andExpect(flash().attribute("recorded", "plan"));
		mvc.perform(get(location + "/plan-file").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("image/png")));
		mvc.perform(post(location + "/log").session(session)
			.with(csrf())
			.param("day", LocalDate.now().minusDays(1).toString())
			.param("entry", "协调物资")).andExpect(flash().attribute("recorded", "log"));
		mvc.perform(post(location + "/shortages").session(session)
			.with(csrf())
			.param("kind", "MANPOWER")
			.param("item", "卡口值守")
			.param("quantity", "abc")).andExpect(flash().attribute("error", "quantity: 不是数字：abc"));
		mvc.perform(post(location + "/shortages").session(session)
			.with(csrf())
			.param("kind", "MANPOWER")
			.param("item", "卡口值守")
			.param("quantity", "4")).andExpect(flash().attribute("recorded", "shortage"));
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/pairings/pairing"))
			.andExpect(content().string(containsString("badge-complete")))
			.andExpect(content().string(containsString("协调物资")))
			.andExpect(content().string(containsString("卡口值守")))
			.andExpect(content().string(containsString("id=\"log-form\"")))
			.andExpect(content().string(containsString("id=\"plan-file-link\"")));
		mvc.perform(get("/deployment/pairings/ledger.xlsx").param("region", village).session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
		// the evaluator sees the page without forms
		mvc.perform(get(location).session(Pages.login(mvc, "zzb")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"log-form\""))))
			.andExpect(content().string(not(containsString("id=\"people-form\""))));
	}

}
