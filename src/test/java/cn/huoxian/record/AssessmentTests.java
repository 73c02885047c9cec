package cn.huoxian.record;

import static cn.huoxian.db.Tables.ASSESSMENT_CADRE;
import static cn.huoxian.db.Tables.ASSESSMENT_CHANGE;
import static cn.huoxian.db.Tables.ASSESSMENT_ROUND;
import static cn.huoxian.db.Tables.AUDIT_LOG;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.RECORD_FIGURE;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Assessment rounds: the selection by rank and current post, ranking with ties, peer
 * medians per rank, score validation, closing, history, scope, audited profile views and
 * the ledger.
 */
@SqlTest
class AssessmentTests {

	private static final SplittableRandom RANDOM = new SplittableRandom();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String ROUNDS = "/api/v1/assessment/rounds";

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	@Autowired
	Assessments assessments;

	final LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());

	// --- selection

	@Test
	void selectsCadresUnderTheRegionByRankAndCurrentPost() throws Exception {
		String township = newTownship("130902");
		long deployedCounty = cadre(township, "COUNTY", "甲");
		long idleCounty = cadre(township, "COUNTY", "乙");
		long deployedTownship = cadre(township, "TOWNSHIP", "丙");
		long endedCounty = cadre(township, "COUNTY", "丁");
		deploy(deployedCounty, township, today.minusDays(3), null);
		deploy(deployedTownship, township, today, null);
		deploy(endedCounty, township, today.minusDays(10), today.minusDays(5));
		// a cadre elsewhere is never selected
		long elsewhere = cadre(newTownship("130902"), "COUNTY", "戊");

		String county = open("zzb", "县处级", township, "[\"COUNTY\"]", false, null, 201);
		assertThat(ids(county)).containsExactlyInAnyOrder(deployedCounty, idleCounty, endedCounty)
			.doesNotContain(elsewhere);
		assertThat(JsonPath.<String>read(county, "$.criteria")).contains(township).contains("COUNTY");
		String deployedOnly = open("zzb", "县处级在岗", township, "[\"COUNTY\"]", true, null, 201);
		assertThat(ids(deployedOnly)).containsExactly(deployedCounty);
		String allDeployed = open("admin", "全部在岗", township, "[]", true, null, 201);
		assertThat(ids(allDeployed)).containsExactlyInAnyOrder(deployedCounty, deployedTownship);
		String all = open("admin", "全部", township, null, false, null, 201);
		assertThat(ids(all)).containsExactlyInAnyOrder(deployedCounty, idleCounty, deployedTownship, endedCounty);
		assertThat(JsonPath.<List<String>>read(all, "$.dimensions")).containsExactly("德", "能", "勤", "绩", "廉");
		// days at post: today-3 .. today is four days; an ended post counts its six days
		assertThat(figure(all, deployedCounty, "DAYS_AT_POST")).isEqualTo(4);
		assertThat(figure(all, endedCounty, "DAYS_AT_POST")).isEqualTo(6);
		assertThat(figure(all, idleCounty, "DAYS_AT_POST")).isZero();

		// nobody matches: 422, nothing left behind
		int before = count("zzb", township);
		open("zzb", "厅局级", township, "[\"BUREAU\"]", false, null, 422);
		assertThat(count("zzb", township)).isEqualTo(before);
		// bad input
		open("zzb", "", township, null, false, null, 400);
		open("zzb", "无区域", "139999999", null, false, null, 404);
		open("zzb", "维度过多", township, null, false, "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]", 400);
		open("zzb", "维度重复", township, null, false, "[\"德\",\"德\"]", 400);
	}

	// --- ranking and medians

	@Test
	void ranksByTotalThenNameAndComparesFiguresWithTheMedianOfTheSameRank() throws Exception {
		String township = newTownship("130902");
		String tag = Api.unique() + RANDOM.nextInt(1000);
		long a = cadre(township, "COUNTY", "甲" + tag);
		long b = cadre(township, "COUNTY", "乙" + tag);
		long c = cadre(township, "COUNTY", "丙" + tag);
		long d = cadre(township, "COUNTY", "丁" + tag);
		long t = cadre(township, "TOWNSHIP", "戊" + tag);
		figure(a, "VISIT_MADE", 2);
		figure(b, "VISIT_MADE", 4);
		figure(c, "VISIT_MADE", 10);
		figure(t, "VISIT_MADE", 7);
		figure(a, "INSPECTION_MADE", 3);
		String round = open("zzb", "排名", township, "[\"COUNTY\",\"TOWNSHIP\"]", false, null, 201);
		long id = id(round);
		score("zzb", id, a, scores(8, 8, 8, 8, 8), "EXCELLENT", "PROMOTE", 200);
		score("zzb", id, b, scores(8, 8, 8, 8, 8), "COMPETENT", null, 200);
		score("zzb", id, c, scores(9, 9, 9, 9, 9), "EXCELLENT", "COMMEND", 200);

		String ranked = json("zzb", ROUNDS + "/" + id);
		List<Number> order = JsonPath.read(ranked, "$.cadres[*].personId");
		// 45 first; the two 40s by name
		List<Long> expected = new ArrayList<>(List.of(c));
		expected.addAll("乙".compareTo("甲") < 0 ? List.of(b, a) : List.of(a, b));
		// unscored last, by name: 丁 before 戊 in string order
		expected.addAll("丁".compareTo("戊") < 0 ? List.of(d, t) : List.of(t, d));
		assertThat(order.stream().map(Number::longValue).toList()).containsExactlyElementsOf(expected);
		assertThat(JsonPath.<List<Integer>>read(ranked, "$.cadres[*].place")).containsExactly(1, 2, 3, 4, 5);
		assertThat((Integer) JsonPath.read(ranked, "$.cadres[0].total")).isEqualTo(45);
		assertThat((Object) JsonPath.read(ranked, "$.cadres[3].total")).isNull();
		// county peers: visits 2, 4, 10, 0 → median 3; the township cadre is their own
		// peer
		for (long county : List.of(a, b, c, d)) {
			assertThat(median(ranked, county, "VISIT_MADE")).isEqualTo(3.0);
		}
		assertThat(median(ranked, t, "VISIT_MADE")).isEqualTo(7.0);
		assertThat(figure(ranked, c, "VISIT_MADE")).isEqualTo(10);
		assertThat(figure(ranked, d, "VISIT_MADE")).isZero();
		// inspections 3, 0, 0, 0 → median 0
		assertThat(median(ranked, a, "INSPECTION_MADE")).isEqualTo(0.0);
		assertThat(figure(ranked, a, "INSPECTION_MADE")).isEqualTo(3);
		assertThat(JsonPath.<String>read(ranked, "$.cadres[0].conclusion")).isEqualTo("EXCELLENT");
		assertThat(JsonPath.<String>read(ranked, "$.cadres[0].recommendation")).isEqualTo("COMMEND");
		assertThat(JsonPath.<Integer>read(ranked, "$.cadres[0].scores.德")).isEqualTo(9);
		assertThat(JsonPath.<String>read(ranked, "$.cadres[0].rank")).isEqualTo("COUNTY");
	}

	// --- scoring

	@Test
	void scoresNeedEveryDimensionOnceFromOneToTen() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "COUNTY", "评");
		long outsider = cadre(newTownship("130902"), "COUNTY", "外");
		long id = id(open("zzb", "校验", township, null, false, null, 201));
		score("zzb", id, a, "{\"德\":8,\"能\":8,\"勤\":8,\"绩\":8}", "COMPETENT", null, 400);
		score("zzb", id, a, "{\"德\":8,\"能\":8,\"勤\":8,\"绩\":8,\"廉\":8,\"才\":8}", "COMPETENT", null, 400);
		score("zzb", id, a, scores(0, 8, 8, 8, 8), "COMPETENT", null, 400);
		score("zzb", id, a, scores(8, 8, 8, 8, 11), "COMPETENT", null, 400);
		score("zzb", id, a, scores(8, 8, 8, 8, 8), null, null, 400);
		putJson("zzb", ROUNDS + "/" + id + "/cadres/" + a, "{\"scores\":" + scores(8, 8, 8, 8, 8)
				+ ",\"conclusion\":\"COMPETENT\",\"comment\":\"" + "长".repeat(1001) + "\"}", 400);
		putJson("zzb", ROUNDS + "/" + id + "/cadres/" + a,
				"{\"scores\":" + scores(8, 8, 8, 8, 8) + ",\"conclusion\":\"GREAT\"}", 400);
		String outOfRange = score("zzb", id, a, scores(11, 8, 8, 8, 8), "COMPETENT", null, 400);
		assertThat(JsonPath.<String>read(outOfRange, "$.errors[0].reason")).isEqualTo("应在 1 到 10 之间");
		score("zzb", id, outsider, scores(8, 8, 8, 8, 8), "COMPETENT", null, 404);
		score("zzb", 987_654_321L, a, scores(8, 8, 8, 8, 8), "COMPETENT", null, 404);
		assertThat((Object) JsonPath.read(json("zzb", ROUNDS + "/" + id), "$.cadres[0].total")).isNull();
		String scored = score("zzb", id, a, scores(10, 9, 8, 7, 6), "EXCELLENT", "REUSE", 200);
		assertThat((Integer) JsonPath.read(scored, "$.total")).isEqualTo(40);

		// configurable dimensions
		String badName = open("admin", "坏维度", township, null, false, "[\"政治,素质\"]", 400);
		assertThat(JsonPath.<String>read(badName, "$.errors[0].field")).isEqualTo("dimensions[0]");
		assertThat(JsonPath.<String>read(badName, "$.errors[0].reason")).isEqualTo("每个维度名称应为 1 到 20 个字符，不含逗号");
		String repeated = open("admin", "重复维度", township, null, false, "[\"德\",\" 德\"]", 400);
		assertThat(JsonPath.<String>read(repeated, "$.errors[0].field")).isEqualTo("dimensions");
		long custom = id(open("admin", "自定义维度", township, null, false, "[\"政治素质\",\"担当作为\"]", 201));
		score("admin", custom, a, scores(8, 8, 8, 8, 8), "COMPETENT", null, 400);
		String two = score("admin", custom, a, "{\"政治素质\":9,\"担当作为\":10}", "EXCELLENT", null, 200);
		assertThat((Integer) JsonPath.read(two, "$.total")).isEqualTo(19);
	}

	@Test
	void aClosedRoundIsReadOnlyAndKeepsItsHistory() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "TOWNSHIP", "闭");
		long id = id(open("zzb", "结束", township, null, false, null, 201));
		score("zzb", id, a, scores(7, 7, 7, 7, 7), "COMPETENT", null, 200);
		score("admin", id, a, scores(9, 9, 9, 9, 9), "EXCELLENT", "COMMEND", 200);
		String closed = postJson("zzb", ROUNDS + "/" + id + "/close", "", 200);
		assertThat(JsonPath.<String>read(closed, "$.status")).isEqualTo("CLOSED");
		assertThat(JsonPath.<String>read(closed, "$.closedBy")).isEqualTo("zzb");
		score("zzb", id, a, scores(1, 1, 1, 1, 1), "INCOMPETENT", null, 422);
		score("admin", id, a, scores(1, 1, 1, 1, 1), "INCOMPETENT", null, 422);
		postJson("zzb", ROUNDS + "/" + id + "/close", "", 422);
		String after = json("zzb", ROUNDS + "/" + id);
		assertThat((Integer) JsonPath.read(after, "$.cadres[0].total")).isEqualTo(45);
		assertThat(JsonPath.<String>read(after, "$.cadres[0].scoredBy")).isEqualTo("admin");

		String history = json("zzb", ROUNDS + "/" + id + "/history");
		List<String> details = JsonPath.read(history, "$[*].detail");
		assertThat(details).hasSize(4);
		assertThat(details.get(0)).startsWith("opened");
		assertThat(details.get(1)).contains("德=7").contains("COMPETENT");
		assertThat(details.get(2)).contains("德=9").contains("COMMEND");
		assertThat(details.get(3)).isEqualTo("closed");
		assertThat(JsonPath.<List<String>>read(history, "$[*].changedBy")).containsExactly("zzb", "zzb", "admin",
				"zzb");
		assertThat(JsonPath.<Number>read(history, "$[1].personId").longValue()).isEqualTo(a);
	}

	/** Names, units and history names come from their owners (issue 12). */
	@Test
	void namesTheCadresTheirUnitsAndWhoseScoreChanged() throws Exception {
		String township = newTownship("130902");
		var unit = db.select(cn.huoxian.db.Tables.UNIT.ID, cn.huoxian.db.Tables.UNIT.NAME)
			.from(cn.huoxian.db.Tables.UNIT)
			.orderBy(cn.huoxian.db.Tables.UNIT.ID)
			.limit(1)
			.fetchOne();
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String name = "单位" + SEQUENCE.incrementAndGet();
		long withUnit = id(postJson("admin", "/api/v1/persons",
				"{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + township
						+ "\",\"roles\":[{\"role\":\"CADRE\",\"rank\":\"STAFF\",\"position\":\"科员\",\"unitId\":"
						+ unit.value1() + "}]}",
				201));
		long without = cadre(township, "STAFF", "无");
		long id = id(open("zzb", "名称", township, null, false, null, 201));
		score("zzb", id, withUnit, scores(9, 9, 9, 9, 9), "EXCELLENT", null, 200);
		String round = json("zzb", ROUNDS + "/" + id);
		assertThat(JsonPath.<List<String>>read(round, "$.cadres[?(@.personId == " + withUnit + ")].name"))
			.containsExactly(name);
		assertThat(JsonPath.<List<String>>read(round, "$.cadres[?(@.personId == " + withUnit + ")].unit"))
			.containsExactly(unit.value2());
		assertThat(JsonPath.<List<Object>>read(round, "$.cadres[?(@.personId == " + without + ")].unit"))
			.containsExactly((Object) null);
		String history = json("zzb", ROUNDS + "/" + id + "/history");
		assertThat(JsonPath.<String>read(history, "$[1].personName")).isEqualTo(name);
		assertThat(JsonPath.<Object>read(history, "$[0].personName")).isNull();
	}

	// --- scope

	@Test
	void onlyEvaluatorsAndTheAdministratorInScopeSeeOrChangeARound() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "COUNTY", "域");
		long id = id(open("zzb", "范围", township, null, false, null, 201));
		String round = ROUNDS + "/" + id;
		String scoring = round + "/cadres/" + a;

		String other = account(Role.EVALUATOR, null, new ScopeRoot(ScopeRoot.Kind.REGION, "130903"));
		assertThat(statusOf(other, round)).isEqualTo(404);
		assertThat(statusOf(other, round + "/history")).isEqualTo(404);
		assertThat(statusOf(other, scoring)).isEqualTo(404);
		assertThat(statusOf(other, round + "/ledger.xlsx")).isEqualTo(404);
		assertThat(statusOf(other, ROUNDS + "?region=130902")).isEqualTo(404);
		assertThat(JsonPath.<List<Number>>read(json(other, ROUNDS), "$[*].id")).doesNotContain((int) id);
		score(other, id, a, scores(8, 8, 8, 8, 8), "COMPETENT", null, 404);
		postJson(other, round + "/close", "", 404);
		open(other, "越权", township, null, false, null, 403);
		// the evaluator of 运河区 may open a round there
		assertThat(statusOf(other, ROUNDS + "?region=130903")).isEqualTo(200);

		for (String user : List.of("xinhua", "grid01")) {
			assertThat(statusOf(user, round)).isEqualTo(404);
			assertThat(statusOf(user, ROUNDS)).isEqualTo(404);
			assertThat(statusOf(user, scoring)).isEqualTo(404);
			open(user, "越权", township, null, false, null, 403);
			score(user, id, a, scores(8, 8, 8, 8, 8), "COMPETENT", null, 403);
			postJson(user, round + "/close", "", 403);
		}
		// a self-service account of the cadre in the round sees nothing of it
		String self = account(Role.PARTY_MEMBER, a);
		assertThat(statusOf(self, round)).isEqualTo(404);
		assertThat(statusOf(self, scoring)).isEqualTo(404);
		score(self, id, a, scores(10, 10, 10, 10, 10), "EXCELLENT", "PROMOTE", 403);

		MockHttpSession staff = Pages.login(mvc, "xinhua");
		mvc.perform(get("/assessment/rounds/" + id).session(staff)).andExpect(status().isNotFound());
		mvc.perform(get("/assessment").session(staff)).andExpect(status().isNotFound());
		mvc.perform(post("/assessment/rounds/" + id + "/cadres/" + a).session(staff)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("scores[0]", "9")).andExpect(status().isForbidden());
		mvc.perform(post("/assessment/rounds/" + id + "/close").session(staff)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/assessment").session(staff)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "越权")
			.param("region", township)).andExpect(status().isForbidden());
		mvc.perform(get("/assessment/rounds/" + id + "/cadres/" + a + "/print").session(staff))
			.andExpect(status().isNotFound());
	}

	// --- profile, audit, pages, ledger

	@Test
	void everyProfileViewIsAudited() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "COUNTY", "审");
		long id = id(open("zzb", "审计", township, null, false, null, 201));
		int before = audited(a);
		String profile = json("zzb", ROUNDS + "/" + id + "/cadres/" + a);
		assertThat(JsonPath.<Number>read(profile, "$.cadre.personId").longValue()).isEqualTo(a);
		assertThat(audited(a)).isEqualTo(before + 1);
		MockHttpSession session = Pages.login(mvc, "zzb");
		mvc.perform(get("/assessment/rounds/" + id + "/cadres/" + a).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("score-form")));
		mvc.perform(get("/assessment/rounds/" + id + "/cadres/" + a + "/print").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.matchesPattern("(?s).*/css/print-[0-9a-f]{32}\\.css.*")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"nav\""))));
		assertThat(audited(a)).isEqualTo(before + 3);
		assertThat(db.select(AUDIT_LOG.ACTOR)
			.from(AUDIT_LOG)
			.where(AUDIT_LOG.ACTION.eq("PROFILE_VIEWED").and(AUDIT_LOG.SUBJECT.eq("person:" + a)))
			.fetch(AUDIT_LOG.ACTOR)).containsOnly("zzb");
		// a refused view is not a view
		assertThat(statusOf("xinhua", ROUNDS + "/" + id + "/cadres/" + a)).isEqualTo(404);
		assertThat(audited(a)).isEqualTo(before + 3);
	}

	@Test
	void pagesOpenARoundScoreACadreAndCloseIt() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "COUNTY", "页");
		MockHttpSession session = Pages.login(mvc, "zzb");
		mvc.perform(get("/assessment").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("open-round-form")));
		mvc.perform(post("/assessment").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "页面考察")
			.param("region", township)
			.param("ranks", "BUREAU")
			.param("dimensions", "德 能"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("open-round-error")))
			.andExpect(content().string(Matchers.containsString("没有干部符合本轮考察范围（区域 " + township + "，职级：厅局级）")));
		String location = mvc
			.perform(post("/assessment").session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("name", "页面考察")
				.param("region", township)
				.param("dimensions", "德 能"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("cadre-" + a)));
		mvc.perform(post("/assessment/rounds/" + id + "/cadres/" + a).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("scores[0]", "9")
			.param("scores[1]", "")
			.param("conclusion", "EXCELLENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("score-error")))
			.andExpect(content().string(Matchers.containsString("能: 应在 1 到 10 之间")));
		// the form's own annotations: a conclusion is required; what was typed stays
		mvc.perform(post("/assessment/rounds/" + id + "/cadres/" + a).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("scores[0]", "9")
			.param("scores[1]", "7")
			.param("comment", "敢于担当"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("conclusion: 必填：优秀（EXCELLENT）")))
			.andExpect(content().string(Matchers.containsString(">敢于担当</textarea>")));
		mvc.perform(post("/assessment/rounds/" + id + "/cadres/" + a).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("scores[0]", "9")
			.param("scores[1]", "8")
			.param("conclusion", "EXCELLENT")
			.param("recommendation", "COMMEND")
			.param("comment", "冲锋在前")).andExpect(status().is3xxRedirection());
		assertThat((Integer) JsonPath.read(json("zzb", ROUNDS + "/" + id), "$.cadres[0].total")).isEqualTo(17);
		mvc.perform(post("/assessment/rounds/" + id + "/close").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/assessment/rounds/" + id + "/cadres/" + a).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("round-closed")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("score-form"))));
		mvc.perform(post("/assessment/rounds/" + id + "/cadres/" + a).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("scores[0]", "1")
			.param("scores[1]", "1")
			.param("conclusion", "INCOMPETENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("score-error")))
			.andExpect(content().string(Matchers.containsString("考察 " + id + " 已结束，只读")));
		assertThat((Integer) JsonPath.read(json("zzb", ROUNDS + "/" + id), "$.cadres[0].total")).isEqualTo(17);
		mvc.perform(get("/assessment/rounds/" + id + "/ledger.xlsx").session(session)).andExpect(status().isOk());
	}

	@Test
	void theLedgerListsTheRoundInRankOrder() throws Exception {
		String township = newTownship("130902");
		long a = cadre(township, "COUNTY", "表甲");
		long b = cadre(township, "COUNTY", "表乙");
		figure(b, "VISIT_MADE", 5);
		long id = id(open("zzb", "台账", township, null, false, null, 201));
		score("zzb", id, b, scores(9, 9, 9, 9, 9), "EXCELLENT", "PROMOTE", 200);
		score("zzb", id, a, scores(6, 6, 6, 6, 6), "BASICALLY_COMPETENT", "REMINDER_TALK", 200);
		byte[] xlsx = mvc.perform(as(mvc, "zzb", get(ROUNDS + "/" + id + "/ledger.xlsx")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3);
			Row header = rows.get(0);
			assertThat(header.getCellText(0)).isEqualTo("名次");
			assertThat(header.getCellText(4)).isEqualTo("德");
			assertThat(header.getCellText(9)).isEqualTo("总分");
			assertThat(rows.get(1).getCellText(1)).startsWith("表乙");
			assertThat(rows.get(1).getCellText(9)).isEqualTo("45");
			assertThat(rows.get(1).getCellText(10)).isEqualTo("优秀");
			assertThat(rows.get(1).getCellText(11)).isEqualTo("提拔使用");
			assertThat(rows.get(2).getCellText(1)).startsWith("表甲");
			assertThat(rows.get(2).getCellText(11)).isEqualTo("提醒谈话");
			int visits = -1;
			for (int c = 0; c < header.getCellCount(); c++) {
				if ("入户排查".equals(header.getCellText(c))) {
					visits = c;
				}
			}
			assertThat(visits).isPositive();
			assertThat(rows.get(1).getCellText(visits)).isEqualTo("5");
			assertThat(rows.get(1).getCellText(visits + 1)).isEqualTo("2.5");
		}
	}

	// --- speed

	@Test
	void ranksARoundOfTwoThousandCadresWithAHandfulOfQueries() throws Exception {
		String township = newTownship("130902");
		var region = db.select(REGION.ID, REGION.PATH).from(REGION).where(REGION.CODE.eq(township)).fetchOne();
		List<Long> ids = new ArrayList<>();
		String[] ranks = { "COUNTY", "TOWNSHIP", "STAFF" };
		try {
			var persons = new ArrayList<org.jooq.Query>();
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(20_000));
			for (int i = 0; i < 2000; i++) {
				persons.add(db.insertInto(PERSON)
					.set(PERSON.NAME, "速" + i)
					.set(PERSON.ID_NUMBER, IdNumber.of("130998", birth.plusDays(i / 1000), i % 1000).value())
					.set(PERSON.BIRTH_DATE, birth)
					.set(PERSON.SEX, "M")
					.set(PERSON.REGION_ID, region.value1())
					.set(PERSON.PATH, region.value2()));
			}
			db.batch(persons).execute();
			ids.addAll(db.select(PERSON.ID)
				.from(PERSON)
				.where(PERSON.REGION_ID.eq(region.value1()))
				.orderBy(PERSON.ID)
				.fetch(PERSON.ID));
			var rows = new ArrayList<org.jooq.Query>();
			for (int i = 0; i < ids.size(); i++) {
				long id = ids.get(i);
				rows.add(db.insertInto(PERSON_ROLE)
					.set(PERSON_ROLE.PERSON_ID, id)
					.set(PERSON_ROLE.ROLE, "CADRE")
					.set(PERSON_ROLE.RANK, ranks[i % 3]));
				for (String figure : List.of("VISIT_MADE", "INSPECTION_MADE", "ISOLATION_CONTACT",
						"DEPLOYMENT_STARTED")) {
					rows.add(db.insertInto(RECORD_FIGURE)
						.set(RECORD_FIGURE.PERSON_ID, id)
						.set(RECORD_FIGURE.FIGURE, figure)
						.set(RECORD_FIGURE.FIGURE_VALUE, (long) RANDOM.nextInt(200)));
				}
			}
			db.batch(rows).execute();
			long round = id(open("zzb", "两千人", township, null, false, null, 201));
			assertThat(JsonPath.<Integer>read(json("zzb", ROUNDS + "/" + round), "$.cadreCount")).isEqualTo(2000);
			CurrentUser zzb = new CurrentUser("zzb", null, Role.EVALUATOR,
					DataScope.ofRegions(RegionPath.root("130900")));
			// a whole round at once, as the page asks for it; its speed is measured by
			// `bench`
			RoundView ranked = assessments.find(round, zzb);
			assertThat(ranked.cadres()).hasSize(2000);
			assertThat(ranked.cadres().stream().map(c -> c.name()).toList()).isSorted();
		}
		finally {
			var rounds = db.select(ASSESSMENT_ROUND.ID)
				.from(ASSESSMENT_ROUND)
				.where(ASSESSMENT_ROUND.PATH.eq(region.value2()));
			db.deleteFrom(ASSESSMENT_CHANGE).where(ASSESSMENT_CHANGE.ROUND_ID.in(rounds)).execute();
			db.deleteFrom(ASSESSMENT_CADRE).where(ASSESSMENT_CADRE.ROUND_ID.in(rounds)).execute();
			db.deleteFrom(ASSESSMENT_ROUND).where(ASSESSMENT_ROUND.PATH.eq(region.value2())).execute();
			db.deleteFrom(RECORD_FIGURE).where(RECORD_FIGURE.PERSON_ID.in(ids)).execute();
			db.deleteFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.in(ids)).execute();
			db.deleteFrom(PERSON).where(PERSON.ID.in(ids)).execute();
		}
	}

	// --- helpers

	private String open(String user, String name, String region, String ranks, boolean deployedOnly, String dimensions,
			int expected) throws Exception {
		return postJson(user, ROUNDS,
				"{\"name\":\"" + name + "\",\"region\":\"" + region + "\""
						+ (ranks == null ? "" : ",\"ranks\":" + ranks) + ",\"deployedOnly\":" + deployedOnly
						+ (dimensions == null ? "" : ",\"dimensions\":" + dimensions) + "}",
				expected);
	}

	private String score(String user, long round, long person, String scores, String conclusion, String recommendation,
			int expected) throws Exception {
		return putJson(user, ROUNDS + "/" + round + "/cadres/" + person,
				"{\"scores\":" + scores + ",\"comment\":\"表现突出\""
						+ (conclusion == null ? "" : ",\"conclusion\":\"" + conclusion + "\"")
						+ (recommendation == null ? "" : ",\"recommendation\":\"" + recommendation + "\"") + "}",
				expected);
	}

	private static String scores(int... values) {
		String[] names = { "德", "能", "勤", "绩", "廉" };
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":").append(values[i]);
		}
		return json.append('}').toString();
	}

	private static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private static List<Long> ids(String round) {
		return JsonPath.<List<Number>>read(round, "$.cadres[*].personId").stream().map(Number::longValue).toList();
	}

	private static long figure(String round, long person, String figure) {
		List<Number> values = JsonPath.read(round,
				"$.cadres[?(@.personId == " + person + ")].figures." + figure + ".value");
		return values.get(0).longValue();
	}

	private static double median(String round, long person, String figure) {
		List<Number> values = JsonPath.read(round,
				"$.cadres[?(@.personId == " + person + ")].figures." + figure + ".median");
		return values.get(0).doubleValue();
	}

	private int count(String user, String region) throws Exception {
		return JsonPath.<List<Object>>read(json(user, ROUNDS + "?region=" + region), "$").size();
	}

	private void figure(long person, String figure, long value) {
		db.insertInto(RECORD_FIGURE)
			.set(RECORD_FIGURE.PERSON_ID, person)
			.set(RECORD_FIGURE.FIGURE, figure)
			.set(RECORD_FIGURE.FIGURE_VALUE, value)
			.execute();
	}

	private int audited(long person) {
		return db.fetchCount(AUDIT_LOG,
				AUDIT_LOG.ACTION.eq("PROFILE_VIEWED").and(AUDIT_LOG.SUBJECT.eq("person:" + person)));
	}

	private String account(Role role, Long personId, ScopeRoot... scopes) {
		String username = "asm" + SEQUENCE.incrementAndGet() + System.nanoTime() % 1_000_000;
		accounts.create(new NewAccount(username, Api.PASSWORD, role, personId, List.of(scopes)));
		return username;
	}

	private String newTownship(String county) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			String number = String.valueOf(500 + RANDOM.nextInt(500));
			String code = county + number + "000";
			int status = mvc
				.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + code + "\",\"name\":\"考察测试" + number + "\",\"parentCode\":\"" + county
							+ "\"}"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 201) {
				return code;
			}
		}
		throw new IllegalStateException("no free code under " + county);
	}

	private long cadre(String region, String rank, String name) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String body = postJson("admin", "/api/v1/persons",
				"{\"name\":\"" + name + SEQUENCE.incrementAndGet() + "\",\"idNumber\":\"" + idNumber
						+ "\",\"regionCode\":\"" + region + "\",\"roles\":[{\"role\":\"CADRE\",\"rank\":\"" + rank
						+ "\",\"position\":\"干部\"}]}",
				201);
		return id(body);
	}

	private void deploy(long person, String region, LocalDate start, LocalDate end) throws Exception {
		postJson("admin", "/api/v1/deployment/deployments",
				"{\"personId\":" + person + ",\"postKind\":\"REGION\",\"region\":\"" + region
						+ "\",\"duty\":\"值守\",\"startDate\":\"" + start + "\""
						+ (end == null ? "" : ",\"endDate\":\"" + end + "\"") + "}",
				201);
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private int statusOf(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getStatus();
	}

	private String postJson(String user, String url, String body, int expected) throws Exception {
		return send(user, post(url), body, expected);
	}

	private String putJson(String user, String url, String body, int expected) throws Exception {
		return send(user, put(url), body, expected);
	}

	private String send(String user, MockHttpServletRequestBuilder request, String body, int expected)
			throws Exception {
		return mvc.perform(as(mvc, user, request).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(
					result -> status().is(cn.huoxian.support.Api.refusedAs(expected, result.getResponse().getStatus()))
						.match(result))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
