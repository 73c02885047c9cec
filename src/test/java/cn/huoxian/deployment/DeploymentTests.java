package cn.huoxian.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static cn.huoxian.db.Tables.COMMANDO_TEAM;
import static cn.huoxian.db.Tables.PARTY_ORGANISATION;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One cadre, one position: the warning and ending the current position, a lapsed
 * deployment, cadres only, ending by hand, and scope on every endpoint.
 */
@SqlTest
@org.springframework.test.context.event.RecordApplicationEvents
class DeploymentTests {

	private static final String DEPLOY = "/api/v1/deployment/deployments";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	DeploymentFixtures fx;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fx = new DeploymentFixtures(mvc);
		today = LocalDate.now(BusinessDay.ZONE);
	}

	private static String region(long person, String kind, String region, String post, LocalDate start, LocalDate end,
			boolean endCurrent) {
		return "{\"personId\":" + person + ",\"postKind\":\"" + kind + "\",\"region\":\"" + region + "\""
				+ (post == null ? "" : ",\"post\":\"" + post + "\"") + ",\"duty\":\"值守\""
				+ (start == null ? "" : ",\"startDate\":\"" + start + "\"")
				+ (end == null ? "" : ",\"endDate\":\"" + end + "\"") + ",\"endCurrent\":" + endCurrent + "}";
	}

	private List<Integer> currentIds(String user, String region) throws Exception {
		return JsonPath.read(fx.json(user, DEPLOY + "?size=500&region=" + region), "$.items[*].id");
	}

	private long deployedHere(String region) throws Exception {
		return ((Number) JsonPath.read(fx.json("admin", "/api/v1/stats/headline?region=" + region),
				"$.deployedLeadingCadres"))
			.longValue();
	}

	/**
	 * The headline's maintained count follows every change: a start, a planned end, a
	 * replacement, an end by hand; staff cadres never count.
	 */
	@Test
	void headlineCountsLeadingCadresAtTheirPostsToday() throws Exception {
		String township = fx.newChild("130902");
		String village = fx.newChild(township);
		long unit = fx.unit("130902").id();
		long before = deployedHere("130902");
		long county = fx.cadre("130902", "COUNTY", unit);
		long section = fx.cadre("130902", "TOWNSHIP", unit);
		long staff = fx.cadre("130902", "STAFF", unit);
		fx.post("xinhua", DEPLOY, region(county, "REGION", village, null, today.minusDays(3), null, false), 201);
		fx.post("xinhua", DEPLOY, region(staff, "REGION", village, null, today.minusDays(3), null, false), 201);
		// planned to end yesterday: no longer counts today
		fx.post("xinhua", DEPLOY,
				region(section, "REGION", village, null, today.minusDays(9), today.minusDays(1), false), 201);
		assertThat(deployedHere(township)).isEqualTo(1);
		assertThat(deployedHere("130902") - before).isEqualTo(1);

		// the section chief goes to the township from today: counts there and in the
		// total
		long moved = DeploymentFixtures
			.id(fx.post("xinhua", DEPLOY, region(section, "REGION", township, null, today, null, true), 201));
		assertThat(deployedHere(township)).isEqualTo(2);
		assertThat(deployedHere(village)).isEqualTo(1);

		fx.post("xinhua", DEPLOY + "/" + moved + "/end", "{\"endDate\":\"" + today + "\",\"reason\":\"轮换\"}", 200);
		assertThat(deployedHere(township)).as("ended today: still at post today").isEqualTo(2);
		String replaced = fx.json("admin", "/api/v1/stats/headline?region=" + township);
		assertThat(JsonPath.<Integer>read(replaced, "$.deployedLeadingCadresByRank.COUNTY")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(replaced, "$.deployedLeadingCadresByRank.TOWNSHIP")).isEqualTo(1);
	}

	@Test
	void oneCadreOnePositionWarnsThenEndsTheCurrentOne() throws Exception {
		String township = fx.child("130902", 0);
		long cadre = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		String first = fx.post("xinhua", DEPLOY,
				region(cadre, "REGION", township, null, today.minusDays(10), null, false), 201);
		long firstId = DeploymentFixtures.id(first);
		assertThat(JsonPath.<Boolean>read(first, "$.leadingCadre")).isTrue();
		assertThat(JsonPath.<String>read(first, "$.rank")).isEqualTo("COUNTY");
		assertThat(JsonPath.<Boolean>read(first, "$.current")).isTrue();

		String warning = fx.post("xinhua", DEPLOY, region(cadre, "CHECKPOINT", "130902", "高速口检查站", null, null, false),
				422);
		assertThat(JsonPath.<String>read(warning, "$.detail")).contains("一个干部一块阵地")
			.contains(today.minusDays(10).toString())
			.contains("endCurrent=true");

		String second = fx.post("xinhua", DEPLOY, region(cadre, "CHECKPOINT", "130902", "高速口检查站", null, null, true),
				201);
		long secondId = DeploymentFixtures.id(second);
		assertThat(JsonPath.<String>read(second, "$.post")).isEqualTo("高速口检查站");

		String old = fx.json("xinhua", DEPLOY + "/" + firstId);
		assertThat(JsonPath.<Boolean>read(old, "$.current")).isFalse();
		assertThat(JsonPath.<String>read(old, "$.endDate")).isEqualTo(today.minusDays(1).toString());
		assertThat(JsonPath.<String>read(old, "$.endReason")).contains("deployment " + secondId);

		String history = fx.json("xinhua", "/api/v1/deployment/persons/" + cadre + "/deployments");
		assertThat(JsonPath.<List<Integer>>read(history, "$[*].id")).containsExactly((int) secondId, (int) firstId);
		assertThat(JsonPath.<List<Object>>read(history, "$[?(@.current == true)]")).hasSize(1);
		assertThat(currentIds("xinhua", "130902")).contains((int) secondId).doesNotContain((int) firstId);
		List<Integer> all = JsonPath.read(fx.json("xinhua", DEPLOY + "?size=500&current=false&region=130902"),
				"$.items[*].id");
		assertThat(all).contains((int) firstId, (int) secondId);
	}

	/**
	 * Four requests deploy the same cadre at once: one position results, the others get
	 * the one-position rule (not a server error), whichever check stopped them.
	 */
	@Test
	void simultaneousDeploymentsOfOneCadreLeaveOnePosition() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP", null);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String body = region(cadre, "CHECKPOINT", "130902", "卡口" + i, null, null, false);
				answers.add(pool.submit(
						() -> mvc
							.perform(cn.huoxian.support.Api
								.as(mvc, "xinhua",
										org.springframework.test.web.servlet.request.MockMvcRequestBuilders
											.post(DEPLOY))
								.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
								.content(body))
							.andReturn()
							.getResponse()));
			}
			int created = 0;
			for (var answer : answers) {
				var response = answer.get();
				if (response.getStatus() == 201) {
					created++;
				}
				else {
					assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
					assertThat(response.getContentAsString()).contains("一个干部一块阵地");
				}
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		String history = fx.json("xinhua", "/api/v1/deployment/persons/" + cadre + "/deployments");
		assertThat(JsonPath.<List<Object>>read(history, "$[*]")).hasSize(1);
	}

	@Test
	void aPositionStartedTodayEndsTheSameDayWhenReplaced() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP", null);
		long first = DeploymentFixtures
			.id(fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, null, null, false), 201));
		fx.post("xinhua", DEPLOY, region(cadre, "SITE", "130902", "方舱工地", null, null, true), 201);
		assertThat(JsonPath.<String>read(fx.json("xinhua", DEPLOY + "/" + first), "$.endDate"))
			.isEqualTo(today.toString());
	}

	@Test
	void aLapsedDeploymentDoesNotBlock() throws Exception {
		long cadre = fx.cadre("130902", "STAFF", null);
		String lapsed = fx.post("xinhua", DEPLOY,
				region(cadre, "HOSPITAL", "130902", "市人民医院", today.minusDays(20), today.minusDays(5), false), 201);
		assertThat(JsonPath.<Boolean>read(lapsed, "$.leadingCadre")).isFalse();
		assertThat(JsonPath.<Boolean>read(lapsed, "$.current")).isFalse();
		String next = fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, null, null, false), 201);
		assertThat(JsonPath.<Boolean>read(next, "$.current")).isTrue();
		String old = fx.json("xinhua", DEPLOY + "/" + DeploymentFixtures.id(lapsed));
		assertThat(JsonPath.<String>read(old, "$.endDate")).isEqualTo(today.minusDays(5).toString());
	}

	@Test
	void onlyCadresAreDeployedAndTheFormIsChecked() throws Exception {
		long resident = fx.person("130902", "[{\"role\":\"VOLUNTEER\"}]");
		String refused = fx.post("xinhua", DEPLOY, region(resident, "REGION", "130902", null, null, null, false), 400);
		assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("personId");
		assertThat(JsonPath.<String>read(refused, "$.errors[0].reason")).contains(String.valueOf(resident));

		long cadre = fx.cadre("130902", "COUNTY", null);
		String noPost = fx.post("xinhua", DEPLOY, region(cadre, "CHECKPOINT", "130902", null, null, null, false), 400);
		assertThat(JsonPath.<List<String>>read(noPost, "$.errors[*].field")).containsExactly("post");
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, today.plusDays(5), null, false), 400);
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, today, today.minusDays(1), false), 400);
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "999999", null, null, null, false), 404);
		fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"postKind\":\"TEAM\"}", 400);
		fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"region\":\"130902\"}", 400);
		// tomorrow is allowed: a cadre may be sent for the next day
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, today.plusDays(1), null, false), 201);
	}

	@Test
	void theFormsRulesAcrossFieldsNameTheirField() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY", null);
		String team = fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"postKind\":\"TEAM\"}", 400);
		assertThat(JsonPath.<List<String>>read(team, "$.errors[*].field")).containsExactly("teamId");
		assertThat(JsonPath.<String>read(team, "$.errors[0].reason")).isEqualTo("岗位类型为突击队时必填");
		String noRegion = fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"postKind\":\"SITE\"}", 400);
		assertThat(JsonPath.<List<String>>read(noRegion, "$.errors[*].field")).containsExactlyInAnyOrder("region",
				"post");
		assertThat(JsonPath.<List<String>>read(noRegion, "$.errors[*].reason")).contains("必填", "请填写工地岗位名称");
		String order = fx.post("xinhua", DEPLOY,
				region(cadre, "REGION", "130902", null, today, today.minusDays(1), false), 400);
		assertThat(JsonPath.<List<String>>read(order, "$.errors[*].field")).containsExactly("endDate");
		assertThat(JsonPath.<String>read(order, "$.errors[0].reason")).isEqualTo("不能早于开始日期");
		String noKind = fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"region\":\"130902\"}", 400);
		assertThat(JsonPath.<List<String>>read(noKind, "$.errors[*].field")).containsExactly("postKind");
		String longDuty = fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre
				+ ",\"postKind\":\"REGION\",\"region\":\"130902\",\"duty\":\"" + "守".repeat(201) + "\"}", 400);
		assertThat(JsonPath.<String>read(longDuty, "$.errors[0].field")).isEqualTo("duty");
		assertThat(JsonPath.<String>read(longDuty, "$.errors[0].reason")).isEqualTo("最多 200 个字符");
		long id = DeploymentFixtures.id(fx.post("xinhua", DEPLOY,
				region(cadre, "REGION", "130902", null, today.minusDays(3), null, false), 201));
		String noReason = fx.post("xinhua", DEPLOY + "/" + id + "/end", "{\"reason\":\" \"}", 400);
		assertThat(JsonPath.<String>read(noReason, "$.errors[0].field")).isEqualTo("reason");
		assertThat(JsonPath.<String>read(noReason, "$.errors[0].reason")).isEqualTo("必填");
	}

	@Test
	void thePageShowsARuleBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
		var session = login(mvc, "xinhua");
		long cadre = fx.cadre("130902", "COUNTY", null);
		mvc.perform(post("/deployment/deployments").session(session)
			.with(csrf())
			.param("personId", String.valueOf(cadre))
			.param("postKind", "CHECKPOINT")
			.param("region", "130902")
			.param("duty", "夜间值守")
			.param("startDate", today.toString())
			.param("endDate", today.minusDays(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"post-error\" class=\"field-error\">请填写卡口岗位名称<")))
			.andExpect(content().string(containsString("id=\"endDate-error\" class=\"field-error\">不能早于开始日期<")))
			.andExpect(content().string(containsString("value=\"夜间值守\"")))
			.andExpect(content().string(containsString("value=\"" + today.minusDays(2) + "\"")))
			.andExpect(content().string(containsString("<option value=\"CHECKPOINT\" selected=\"selected\">")));
		assertThat(JsonPath
			.<List<Object>>read(fx.json("xinhua", "/api/v1/deployment/persons/" + cadre + "/deployments"), "$[*]"))
			.isEmpty();
		// a check of the service (a cadre) beside its field too
		long resident = fx.person("130902", "[{\"role\":\"VOLUNTEER\"}]");
		mvc.perform(post("/deployment/deployments").session(session)
			.with(csrf())
			.param("personId", String.valueOf(resident))
			.param("postKind", "REGION")
			.param("region", "130902"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"personId-error\"")))
			.andExpect(content().string(containsString("value=\"" + resident + "\"")));
		long id = DeploymentFixtures
			.id(fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, null, null, false), 201));
		mvc.perform(post("/deployment/deployments/" + id + "/end").session(session)
			.with(csrf())
			.param("reason", "调回")
			.param("endDate", "2020-02-30"))
			.andExpect(redirectedUrl("/deployment/deployments?region=130902"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", containsString("不是有效日期")));
	}

	@Test
	void endingAPositionNeedsAReasonAndHappensOnce() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY", null);
		long id = DeploymentFixtures.id(fx.post("xinhua", DEPLOY,
				region(cadre, "REGION", "130902", null, today.minusDays(3), null, false), 201));
		fx.post("xinhua", DEPLOY + "/" + id + "/end", "{}", 400);
		fx.post("xinhua", DEPLOY + "/" + id + "/end",
				"{\"endDate\":\"" + today.minusDays(4) + "\",\"reason\":\"调回原单位\"}", 400);
		String ended = fx.post("xinhua", DEPLOY + "/" + id + "/end", "{\"reason\":\"调回原单位\"}", 200);
		assertThat(JsonPath.<Boolean>read(ended, "$.current")).isFalse();
		assertThat(JsonPath.<String>read(ended, "$.endDate")).isEqualTo(today.toString());
		fx.post("xinhua", DEPLOY + "/" + id + "/end", "{\"reason\":\"再次\"}", 422);
		// no longer holding a position, the cadre is deployed again without a warning
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, null, null, false), 201);
	}

	@Test
	void everyEndpointKeepsToTheScope() throws Exception {
		long cadre = fx.cadre("130903", "COUNTY", null);
		long id = DeploymentFixtures
			.id(fx.post("admin", DEPLOY, region(cadre, "REGION", "130903", null, null, null, false), 201));
		assertThat(fx.status("xinhua", DEPLOY + "/" + id)).isEqualTo(404);
		assertThat(fx.status("grid01", DEPLOY + "/" + id)).isEqualTo(404);
		assertThat(fx.status("zzb", DEPLOY + "/" + id)).isEqualTo(200);
		assertThat(fx.status("xinhua", DEPLOY + "?region=130903")).isEqualTo(404);
		assertThat(currentIds("zzb", "130903")).contains((int) id);
		assertThat(JsonPath.<List<Integer>>read(fx.json("xinhua", DEPLOY + "?size=500"), "$.items[*].id"))
			.doesNotContain((int) id);
		assertThat(fx.status("xinhua", "/api/v1/deployment/persons/" + cadre + "/deployments")).isEqualTo(404);
		assertThat(fx.status("admin", "/api/v1/deployment/persons/" + cadre + "/deployments")).isEqualTo(200);
		fx.post("xinhua", DEPLOY + "/" + id + "/end", "{\"reason\":\"越权\"}", 403);
		fx.post("grid01", DEPLOY + "/" + id + "/end", "{\"reason\":\"越权\"}", 403);
		fx.post("zzb", DEPLOY + "/" + id + "/end", "{\"reason\":\"只读\"}", 403);
		long other = fx.cadre("130902", "COUNTY", null);
		fx.post("xinhua", DEPLOY, region(other, "REGION", "130903", null, null, null, false), 403);
		fx.post("zzb", DEPLOY, region(other, "REGION", "130902", null, null, null, false), 403);
		String grid = JsonPath.read(fx.json("grid01", "/api/v1/me"), "$.scopes[0].code");
		fx.post("grid01", DEPLOY, region(other, "REGION", "130902", null, null, null, false), 403);
		// a cadre the grid worker cannot read is answered like a missing one
		fx.post("grid01", DEPLOY, region(other, "REGION", grid, null, null, null, false), 404);
		fx.post("admin", DEPLOY + "/999999999/end", "{\"reason\":\"无\"}", 404);
		assertThat(fx.status("admin", DEPLOY + "/999999999")).isEqualTo(404);
	}

	@Test
	void thePageWarnsAboutTheCurrentPositionKeepsTheFormAndEndsItWhenAsked() throws Exception {
		var session = login(mvc, "xinhua");
		mvc.perform(get("/deployment/deployments").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"deploy-form\"")))
			.andExpect(content().string(containsString("id=\"deployments\"")));
		long cadre = fx.cadre("130902", "COUNTY", null);
		fx.post("xinhua", DEPLOY, region(cadre, "REGION", "130902", null, today.minusDays(2), null, false), 201);
		mvc.perform(post("/deployment/deployments").session(session)
			.with(csrf())
			.param("personId", String.valueOf(cadre))
			.param("postKind", "HOSPITAL")
			.param("region", "130902")
			.param("post", "定点医院东门")
			.param("startDate", today.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"deploy-conflict\"")))
			.andExpect(content().string(containsString("id=\"endCurrent\"")))
			.andExpect(content().string(containsString("value=\"定点医院东门\"")));
		mvc.perform(post("/deployment/deployments").session(session)
			.with(csrf())
			.param("personId", String.valueOf(cadre))
			.param("postKind", "HOSPITAL")
			.param("region", "130902")
			.param("post", "定点医院东门")
			.param("startDate", today.toString())
			.param("endCurrent", "true")).andExpect(redirectedUrl("/deployment/deployments?region=130902"));
		assertThat(JsonPath.<List<Object>>read(
				fx.json("xinhua", "/api/v1/deployment/persons/" + cadre + "/deployments"), "$[?(@.current == true)]"))
			.hasSize(1);
		mvc.perform(post("/deployment/deployments").session(session)
			.with(csrf())
			.param("personId", "abc")
			.param("postKind", "REGION")
			.param("region", "130902")
			.param("startDate", "2020-13-01"))
			.andExpect(status().isOk())
			// the field errors read in the page's language (Simplified Chinese by
			// default)
			.andExpect(content().string(containsString("id=\"personId-error\"")))
			.andExpect(content().string(containsString("不是数字：abc")))
			.andExpect(content().string(containsString("不是有效日期")));
		mvc.perform(get("/deployment/deployments").session(login(mvc, "zzb")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"deploy-form\""))));
		mvc.perform(get("/deployment/deployments?region=130903").session(session)).andExpect(status().isNotFound());
	}

	@Test
	void aCadreJoinsATeamAtTheTeamsPlaceAndTheEventsFollow() throws Exception {
		var organisation = db.select(PARTY_ORGANISATION.ID, PARTY_ORGANISATION.REGION_ID, PARTY_ORGANISATION.PATH)
			.from(PARTY_ORGANISATION)
			.where(PARTY_ORGANISATION.PATH.like("/130900/130902/%"))
			.limit(1)
			.fetchOne();
		long team = db.insertInto(COMMANDO_TEAM)
			.set(COMMANDO_TEAM.NAME, "党员突击队" + cn.huoxian.support.Api.unique())
			.set(COMMANDO_TEAM.PARTY_ORGANISATION_ID, organisation.value1())
			.set(COMMANDO_TEAM.REGION_ID, organisation.value2())
			.set(COMMANDO_TEAM.PATH, organisation.value3())
			.set(COMMANDO_TEAM.FORMED_ON, today.minusDays(5))
			.set(COMMANDO_TEAM.CREATED_BY, "test")
			.returning(COMMANDO_TEAM.ID)
			.fetchOne(COMMANDO_TEAM.ID);
		long cadre = fx.cadre("130902", "TOWNSHIP", null);
		long first = DeploymentFixtures.id(fx.post("xinhua", DEPLOY,
				region(cadre, "REGION", "130902", null, today.minusDays(1), null, false), 201));
		events.clear();
		String joined = fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"postKind\":\"TEAM\",\"teamId\":" + team
				+ ",\"duty\":\"转运\",\"endCurrent\":true}", 201);
		assertThat(JsonPath.<String>read(joined, "$.path")).isEqualTo(organisation.value3());
		assertThat(JsonPath.<String>read(joined, "$.teamName")).startsWith("党员突击队");
		long second = DeploymentFixtures.id(joined);
		assertThat(events.stream(Events.DeploymentEnded.class)).singleElement()
			.satisfies(e -> assertThat(e.deploymentId()).isEqualTo(first))
			.satisfies(e -> assertThat(e.endDate()).isEqualTo(today.minusDays(1)));
		assertThat(events.stream(Events.DeploymentStarted.class)).singleElement()
			.satisfies(e -> assertThat(e.deploymentId()).isEqualTo(second))
			.satisfies(e -> assertThat(e.leading()).isTrue());
		fx.post("xinhua", DEPLOY, "{\"personId\":" + cadre + ",\"postKind\":\"TEAM\",\"teamId\":999999999}", 404);
	}

}
