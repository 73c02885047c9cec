package cn.huoxian.firstsecretary;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * First secretaries back at their villages: return and leave, the work log, support
 * requests resolved by the dispatching unit, and scope.
 */
@SqlTest
@RecordApplicationEvents
class FirstSecretaryTests {

	private static final String SECRETARIES = "/api/v1/deployment/first-secretaries";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	FirstSecretaries secretaries;

	private long atPostIn(String village) throws Exception {
		String path = JsonPath.read(json("admin", "/api/v1/regions/" + village), "$.path");
		return secretaries.countAtPost(new cn.huoxian.shared.RegionPath(path),
				cn.huoxian.shared.DataScope.ofRegions(cn.huoxian.shared.RegionPath.root("130900")));
	}

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

	private static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private String village() throws Exception {
		return JsonPath.<String>read(json("grid01", "/api/v1/me"), "$.scopes[0].code").substring(0, 12);
	}

	/** A village of another district, from one of its households' grids. */
	private String otherVillage() throws Exception {
		return JsonPath.<String>read(json("admin", "/api/v1/households?size=1&region=130903"), "$.items[0].regionCode")
			.substring(0, 12);
	}

	private long unit(String region, int index) throws Exception {
		return ((Number) JsonPath.read(json("admin", "/api/v1/units?size=10&region=" + region),
				"$.items[" + index + "].id"))
			.longValue();
	}

	private String unitCode(long id) throws Exception {
		return JsonPath.read(json("admin", "/api/v1/units/" + id), "$.code");
	}

	private long secretary(String name, String village, long unitId) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		return id(post("admin", "/api/v1/persons",
				"{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + village
						+ "\",\"roles\":[{\"role\":\"FIRST_SECRETARY\",\"dispatchingUnitId\":" + unitId
						+ ",\"villageCode\":\"" + village + "\"}]}",
				201));
	}

	private String unitStaff(long unitId) throws Exception {
		String username = "unit-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.UNIT_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.UNIT, unitCode(unitId)))));
		return username;
	}

	private static LocalDate today() {
		return LocalDate.now(BusinessDay.ZONE);
	}

	@Test
	void aFirstSecretaryReturnsOnceLogsAndLeaves() throws Exception {
		long unitId = unit("130902", 0);
		String village = village();
		long person = secretary("冯书记", village, unitId);
		String listed = json("xinhua", SECRETARIES + "?size=500&region=" + village + "&atPost=false");
		assertThat(JsonPath.<List<Integer>>read(listed, "$.items[*].personId")).contains((int) person);

		long atPostBefore = atPostIn(village);
		String returned = post("xinhua", SECRETARIES + "/" + person + "/return",
				"{\"returnedOn\":\"" + today().minusDays(3) + "\"}", 200);
		assertThat(JsonPath.<Boolean>read(returned, "$.atPost")).isTrue();
		assertThat(JsonPath.<String>read(returned, "$.villageCode")).isEqualTo(village);
		assertThat(((Number) JsonPath.read(returned, "$.dispatchingUnitId")).longValue()).isEqualTo(unitId);
		assertThat(events.stream(Events.FirstSecretaryReturned.class)
			.filter(e -> e.personId() == person && e.dispatchingUnitId() == unitId
					&& e.returnedOn().equals(today().minusDays(3))))
			.hasSize(1);
		assertThat(atPostIn(village)).isEqualTo(atPostBefore + 1);
		String again = post("xinhua", SECRETARIES + "/" + person + "/return", "{}", 422);
		assertThat(JsonPath.<String>read(again, "$.detail")).contains("冯书记自").contains("请先登记离岗");
		String atPost = json("xinhua", SECRETARIES + "?size=500&region=" + village + "&atPost=true");
		assertThat(JsonPath.<List<Integer>>read(atPost, "$.items[*].personId")).contains((int) person);

		post("xinhua", SECRETARIES + "/" + person + "/log", "{\"entry\":\"走访困难户5户\"}", 201);
		post("xinhua", SECRETARIES + "/" + person + "/log",
				"{\"day\":\"" + today().minusDays(1) + "\",\"entry\":\"排查返乡人员\"}", 201);
		post("xinhua", SECRETARIES + "/" + person + "/log", "{\"entry\":\" \"}", 400);
		post("xinhua", SECRETARIES + "/" + person + "/log",
				"{\"day\":\"" + today().plusDays(2) + "\",\"entry\":\"明天\"}", 400);
		post("xinhua", SECRETARIES + "/" + person + "/log", "{\"entry\":\"" + "长".repeat(1001) + "\"}", 400);
		String log = json("xinhua", SECRETARIES + "/" + person + "/log");
		assertThat(JsonPath.<List<String>>read(log, "$[*].entry")).containsExactly("走访困难户5户", "排查返乡人员");
		assertThat(JsonPath.<String>read(json("xinhua", SECRETARIES + "/" + person), "$.lastLogDay"))
			.isEqualTo(today().toString());

		post("xinhua", SECRETARIES + "/" + person + "/leave", "{\"leftOn\":\"" + today().minusDays(5) + "\"}", 400);
		String left = post("xinhua", SECRETARIES + "/" + person + "/leave", "{}", 200);
		assertThat(JsonPath.<Boolean>read(left, "$.atPost")).isFalse();
		assertThat(atPostIn(village)).isEqualTo(atPostBefore);
		post("xinhua", SECRETARIES + "/" + person + "/leave", "{}", 422);
		post("xinhua", SECRETARIES + "/" + person + "/return", "{\"returnedOn\":\"" + today().plusDays(1) + "\"}", 400);
		assertThat(
				JsonPath.<Boolean>read(post("xinhua", SECRETARIES + "/" + person + "/return", "{}", 200), "$.atPost"))
			.isTrue();
		// a person without the role is no first secretary
		mvc.perform(as(mvc, "admin", get(SECRETARIES + "/99999999"))).andExpect(status().isNotFound());
	}

	@Test
	void theFirstSecretaryWritesTheirOwnLog() throws Exception {
		long person = secretary("褚自助", village(), unit("130902", 0));
		String username = "fs-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, person, List.of()));
		post(username, SECRETARIES + "/" + person + "/return", "{}", 200);
		post(username, SECRETARIES + "/" + person + "/log", "{\"entry\":\"入户宣传防疫知识\"}", 201);
		assertThat(JsonPath.<List<String>>read(json(username, SECRETARIES + "/" + person + "/log"), "$[*].entry"))
			.containsExactly("入户宣传防疫知识");
		long other = secretary("卫他人", village(), unit("130902", 0));
		post(username, SECRETARIES + "/" + other + "/log", "{\"entry\":\"代写\"}", 403);
		mvc.perform(as(mvc, username, get(SECRETARIES + "/" + other))).andExpect(status().isNotFound());
	}

	@Test
	void theDispatchingUnitResolvesASupportRequest() throws Exception {
		long unitId = unit("130902", 0);
		long otherUnit = unit("130902", 1);
		long person = secretary("蒋求助", village(), unitId);
		String raised = post("xinhua", SECRETARIES + "/" + person + "/support-requests",
				"{\"kind\":\"FAMILY_DIFFICULTY\",\"description\":\"家中老人无人照料\"}", 201);
		long request = id(raised);
		assertThat(JsonPath.<String>read(raised, "$.status")).isEqualTo("OPEN");
		assertThat(((Number) JsonPath.read(raised, "$.dispatchingUnitId")).longValue()).isEqualTo(unitId);
		post("xinhua", SECRETARIES + "/" + person + "/support-requests", "{\"kind\":\"SUPPLIES\"}", 400);
		post("xinhua", SECRETARIES + "/" + person + "/support-requests", "{\"description\":\"口罩\"}", 400);

		String staff = unitStaff(unitId);
		String stranger = unitStaff(otherUnit);
		List<Integer> open = JsonPath.read(json(staff, "/api/v1/deployment/support-requests?status=OPEN&size=500"),
				"$.items[*].id");
		assertThat(open).contains((int) request);
		List<Integer> strangers = JsonPath
			.read(json(stranger, "/api/v1/deployment/support-requests?status=OPEN&size=500"), "$.items[*].id");
		assertThat(strangers).doesNotContain((int) request);
		mvc.perform(as(mvc, stranger, get("/api/v1/deployment/support-requests/" + request)))
			.andExpect(status().isNotFound());
		post(stranger, "/api/v1/deployment/support-requests/" + request + "/resolve", "{\"resolution\":\"已安排\"}", 403);
		post(staff, "/api/v1/deployment/support-requests/" + request + "/resolve", "{}", 400);
		String resolved = post(staff, "/api/v1/deployment/support-requests/" + request + "/resolve",
				"{\"resolution\":\"单位工会安排专人照料\"}", 200);
		assertThat(JsonPath.<String>read(resolved, "$.status")).isEqualTo("RESOLVED");
		assertThat(JsonPath.<String>read(resolved, "$.resolvedBy")).isEqualTo(staff);
		post(staff, "/api/v1/deployment/support-requests/" + request + "/resolve", "{\"resolution\":\"再次\"}", 422);
		post("zzb", "/api/v1/deployment/support-requests/" + request + "/resolve", "{\"resolution\":\"再次\"}", 403);
		List<Integer> byUnit = JsonPath.read(
				json("xinhua", "/api/v1/deployment/support-requests?status=RESOLVED&size=500&unit=" + unitId),
				"$.items[*].id");
		assertThat(byUnit).contains((int) request);
		List<Integer> ofPerson = JsonPath.read(json(staff, SECRETARIES + "/" + person + "/support-requests"),
				"$[*].id");
		assertThat(ofPerson).containsExactly((int) request);
	}

	@Test
	void firstSecretariesOutsideScopeAreInvisibleAndReadOnly() throws Exception {
		long unitId = unit("130903", 0);
		long person = secretary("沈外区", otherVillage(), unitId);
		long request = id(post("admin", SECRETARIES + "/" + person + "/support-requests",
				"{\"kind\":\"SUPPLIES\",\"description\":\"消毒液20桶\"}", 201));
		// reads outside scope: 404
		mvc.perform(as(mvc, "xinhua", get(SECRETARIES + "/" + person))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get(SECRETARIES + "/" + person + "/log"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get(SECRETARIES + "/" + person + "/support-requests")))
			.andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get(SECRETARIES + "?region=130903"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/deployment/support-requests/" + request)))
			.andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/deployment/support-requests?region=130903")))
			.andExpect(status().isNotFound());
		List<Integer> listed = JsonPath.read(json("xinhua", SECRETARIES + "?size=500"), "$.items[*].personId");
		assertThat(listed).doesNotContain((int) person);
		// writes outside scope: 403
		post("xinhua", SECRETARIES + "/" + person + "/return", "{}", 403);
		post("xinhua", SECRETARIES + "/" + person + "/leave", "{}", 403);
		post("xinhua", SECRETARIES + "/" + person + "/log", "{\"entry\":\"越权\"}", 403);
		post("xinhua", SECRETARIES + "/" + person + "/support-requests", "{\"kind\":\"OTHER\",\"description\":\"越权\"}",
				403);
		post("xinhua", "/api/v1/deployment/support-requests/" + request + "/resolve", "{\"resolution\":\"越权\"}", 403);
		// the evaluator reads everything and writes nothing
		List<Integer> seen = JsonPath.read(json("zzb", SECRETARIES + "?size=500&region=130903"), "$.items[*].personId");
		assertThat(seen).contains((int) person);
		post("zzb", SECRETARIES + "/" + person + "/return", "{}", 403);
		post("zzb", SECRETARIES + "/" + person + "/log", "{\"entry\":\"只读\"}", 403);
		// the demo city has first secretaries of its own
		assertThat(((Number) JsonPath.read(json("admin", SECRETARIES + "?size=1"), "$.total")).longValue())
			.isGreaterThan(0);
	}

	@Test
	void thePhonePagesRecordTheReturnTheLogAndTheResolution() throws Exception {
		long unitId = unit("130902", 0);
		long person = secretary("韩页面", village(), unitId);
		MockHttpSession session = cn.huoxian.support.Pages.login(mvc, "xinhua");
		mvc.perform(get("/deployment/first-secretaries").param("region", "130902").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"secretary-" + person + "\"")));
		String page = "/deployment/first-secretaries/" + person;
		mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"return-form\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/return")
			.param("returnedOn", today().toString())
			.session(session)
			.with(csrf())).andExpect(flash().attribute("recorded", "returned"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/return")
			.session(session)
			.with(csrf())).andExpect(flash().attributeExists("error"));
		// the form's problems come back by name, what was typed with them
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/log")
			.param("day", "昨天")
			.param("entry", "入户走访")
			.session(session)
			.with(csrf()))
			.andExpect(flash().attribute("error", "day: 不是有效日期，格式如 2020-02-01"))
			.andExpect(flash().attribute("entry", "入户走访"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/support-requests")
			.param("description", "测温枪")
			.session(session)
			.with(csrf()))
			.andExpect(flash().attribute("error", containsString("kind: 必填：SUPPLIES")))
			.andExpect(flash().attribute("description", "测温枪"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/log")
			.param("entry", "组织志愿者消杀")
			.session(session)
			.with(csrf())).andExpect(flash().attribute("recorded", "log"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page + "/support-requests")
			.param("kind", "SUPPLIES")
			.param("description", "测温枪两把")
			.session(session)
			.with(csrf())).andExpect(flash().attribute("recorded", "request"));
		mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"leave-form\"")))
			.andExpect(content().string(containsString("组织志愿者消杀")))
			.andExpect(content().string(containsString("测温枪两把")));
		long request = ((Number) JsonPath.read(json("xinhua", SECRETARIES + "/" + person + "/support-requests"),
				"$[0].id"))
			.longValue();
		MockHttpSession unit = cn.huoxian.support.Pages.login(mvc, unitStaff(unitId));
		mvc.perform(get("/deployment/support-requests").session(unit))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"resolve-" + request + "\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/deployment/support-requests/" + request + "/resolve")
			.param("resolution", "已送达")
			.session(unit)
			.with(csrf())).andExpect(flash().attribute("recorded", "resolved"));
		mvc.perform(get(page).session(unit))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已送达")));
	}

}
