package cn.huoxian.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.deployment.DeploymentFixtures;
import cn.huoxian.people.People;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rules that must hold backwards in time and across parts of the network: no
 * backdated second position or team, a dissolved team ends its cadres' deployments, a
 * position outside the caller's scope is not described, and "acting for yourself" never
 * lets an evaluator write.
 */
@SqlTest
class OnePositionAndTeamRulesTests {

	private static final String DEPLOY = "/api/v1/deployment/deployments";

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	DeploymentFixtures fx;

	VanguardFixtures front;

	LocalDate today;

	@BeforeEach
	void fixtures() {
		fx = new DeploymentFixtures(mvc);
		front = new VanguardFixtures(mvc, people, accounts, db);
		today = VanguardFixtures.today();
	}

	private static String deploy(long person, String region, LocalDate start, LocalDate end, boolean endCurrent) {
		return "{\"personId\":" + person + ",\"postKind\":\"REGION\",\"region\":\"" + region + "\",\"startDate\":\""
				+ start + "\"" + (end == null ? "" : ",\"endDate\":\"" + end + "\"") + ",\"endCurrent\":" + endCurrent
				+ "}";
	}

	@Test
	void aPositionCannotBeBackdatedOverAnEarlierOneNorReplacedFromBeforeItStarted() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP", fx.unit("130902").id());
		long first = DeploymentFixtures
			.id(fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today.minusDays(20), null, false), 201));
		fx.post("xinhua", DEPLOY + "/" + first + "/end",
				"{\"endDate\":\"" + today.minusDays(5) + "\",\"reason\":\"轮换\"}", 200);
		String backdated = fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today.minusDays(10), null, false), 422);
		assertThat(JsonPath.<String>read(backdated, "$.detail")).contains("一个干部一块阵地")
			.contains(today.minusDays(20).toString());
		long second = DeploymentFixtures
			.id(fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today.minusDays(4), null, false), 201));
		String early = fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today.minusDays(5), null, true), 422);
		assertThat(JsonPath.<String>read(early, "$.detail")).contains("不能早于现任岗位");
		fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today, null, true), 201);
		assertThat(JsonPath.<Boolean>read(fx.json("xinhua", DEPLOY + "/" + second), "$.current")).isFalse();
	}

	@Test
	void aPositionOutsideTheCallersScopeIsNotDescribed() throws Exception {
		long cadre = fx.cadre("130903", "TOWNSHIP", fx.unit("130903").id());
		fx.post("admin", DEPLOY,
				"{\"personId\":" + cadre + ",\"postKind\":\"CHECKPOINT\",\"region\":\"130903\",\"post\":\"运河区秘密检查站\"}",
				201);
		// the cadre lies outside the caller's scope: answered like a missing person,
		// nothing described
		String refused = fx.post("xinhua", DEPLOY, deploy(cadre, "130902", today, null, false), 404);
		assertThat(refused).contains("personId").doesNotContain("运河区秘密检查站");
	}

	@Test
	void dissolvingATeamEndsItsCadresDeploymentsAndADissolvedTeamTakesNone() throws Exception {
		long team = front.team("解散测试突击队");
		long cadre = fx.cadre("130902", "TOWNSHIP", fx.unit("130902").id());
		String body = "{\"personId\":" + cadre + ",\"postKind\":\"TEAM\",\"teamId\":" + team + "}";
		long deployment = DeploymentFixtures.id(fx.post("xinhua", DEPLOY, body, 201));
		fx.post("xinhua", "/api/v1/deployment/teams/" + team + "/dissolve", "{}", 200);
		String ended = fx.json("xinhua", DEPLOY + "/" + deployment);
		assertThat(JsonPath.<String>read(ended, "$.endDate")).isEqualTo(today.toString());
		assertThat(JsonPath.<String>read(ended, "$.endReason")).contains("dissolved");
		long another = fx.cadre("130902", "TOWNSHIP", fx.unit("130902").id());
		String refused = fx.post("xinhua", DEPLOY,
				"{\"personId\":" + another + ",\"postKind\":\"TEAM\",\"teamId\":" + team + "}", 400);
		assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("teamId");
	}

	@Test
	void aMemberWhoLeftCannotJoinAnotherTeamBackdatedToBeforeTheyLeft() throws Exception {
		long first = front.team("甲回溯突击队");
		long second = front.team("乙回溯突击队");
		long member = front.partyMembers().get(0);
		fx.post("xinhua", "/api/v1/deployment/teams/" + first + "/members", "{\"personId\":" + member + "}", 201);
		fx.post("xinhua", "/api/v1/deployment/teams/" + first + "/members/" + member + "/leave", "{}", 200);
		String backdated = fx.post("xinhua", "/api/v1/deployment/teams/" + second + "/members",
				"{\"personId\":" + member + ",\"joinedOn\":\"" + today.minusDays(2) + "\"}", 422);
		assertThat(JsonPath.<String>read(backdated, "$.detail")).contains("一名党员只能加入一支突击队");
		var joined = mvc
			.perform(cn.huoxian.support.Api
				.as(mvc, "xinhua",
						org.springframework.test.web.servlet.request.MockMvcRequestBuilders
							.post("/api/v1/deployment/teams/" + second + "/members"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"personId\":" + member + "}"))
			.andReturn()
			.getResponse();
		assertThat(joined.getStatus()).as(joined.getContentAsString()).isEqualTo(201);
	}

	@Test
	void anEvaluatorLinkedToAPersonStillOnlyReads() throws Exception {
		long member = front.partyMembers().get(0);
		String evaluator = "eval" + System.nanoTime();
		accounts.create(
				new NewAccount(evaluator, Api.PASSWORD, Role.EVALUATOR, member, List.of(ScopeRoot.region("130902"))));
		fx.post(evaluator, "/api/v1/deployment/battle-requests", "{\"personId\":" + member + ",\"text\":\"请战\"}", 403);
		String self = front.selfService(member);
		fx.post(self, "/api/v1/deployment/battle-requests", "{\"personId\":" + member + ",\"text\":\"请战\"}", 201);
	}

}
