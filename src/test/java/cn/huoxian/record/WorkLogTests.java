package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.WORK_LOG;
import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The work log: written by the cadre themselves (day, text and witnesses checked), one
 * WORK_LOG entry each, answered once by each named witness, reviewed once by a supervisor
 * over the log's region who is not its author; the lists and pages.
 */
@SqlTest
class WorkLogTests {

	private static final String WORKLOG = "/api/v1/record/worklog";

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	@Autowired
	RecordRebuild rebuild;

	RecordApiFixtures fx;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fx = new RecordApiFixtures(mvc, accounts);
		today = LocalDate.now(BusinessDay.ZONE);
	}

	private static String log(LocalDate day, String text, Long... witnesses) {
		StringBuilder ids = new StringBuilder();
		for (Long w : witnesses) {
			ids.append(ids.length() == 0 ? "" : ",").append(w);
		}
		return "{" + (day == null ? "" : "\"day\":\"" + day + "\",")
				+ (text == null ? "" : "\"text\":\"" + text + "\",") + "\"witnessIds\":[" + ids + "]}";
	}

	@Test
	void aCadreWritesTheirLogWhichJoinsTheirRecordOnce() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		long w1 = fx.cadre("130902", "STAFF");
		long w2 = fx.cadre("130902", "STAFF");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		// a witness of another county is not the author's to name: answered like a
		// missing one
		fx.post(author, WORKLOG, log(null, "卡口值守", w1, fx.cadre("130903", "STAFF")), 404);
		String body = fx.post(author, WORKLOG, log(null, "卡口值守，登记车辆 120 台", w1, w2), 201);
		long id = RecordApiFixtures.id(body);
		assertThat((String) JsonPath.read(body, "$.day")).isEqualTo(today.toString());
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("SUBMITTED");
		assertThat((List<String>) JsonPath.read(body, "$.witnesses[*].status")).containsExactly("PENDING", "PENDING");
		String path = JsonPath.read(fx.json("admin", "/api/v1/record/persons/" + cadre), "$.person.path");
		assertThat((String) JsonPath.read(body, "$.path")).isEqualTo(path);

		var entries = db.selectFrom(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(cadre).and(RECORD_ENTRY.KIND.eq("WORK_LOG")))
			.fetch();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getSourceType()).isEqualTo("WORK_LOG");
		assertThat(entries.get(0).getSourceId()).isEqualTo(String.valueOf(id));
		assertThat(entries.get(0).getSummary()).contains("卡口值守");

		fx.post(author, WORKLOG, log(today.minusDays(7), "七天前的纪实"), 201);
		String profile = fx.json(author, "/api/v1/record/persons/" + cadre);
		assertThat((Integer) JsonPath.read(profile, "$.figures.WORK_LOG")).isEqualTo(2);
		assertThat((List<Object>) JsonPath.read(profile, "$.workLogs[*].id")).hasSize(2).contains((int) id);
		assertThat((Integer) JsonPath.read(fx.json(author, WORKLOG + "/mine"), "$.total")).isEqualTo(2);

		Map<String, RecordRebuild.Difference> report = rebuild.rebuild();
		assertThat(report.get("WORK_LOG").added()).isZero();
		assertThat(report.get("WORK_LOG").removed()).isZero();
		assertThat(report.get("ACCOUNTABILITY").added()).isZero();
		assertThat(report.get("ACCOUNTABILITY").removed()).isZero();
		assertThat(db.fetchCount(RECORD_ENTRY, RECORD_ENTRY.PERSON_ID.eq(cadre))).isEqualTo(2);
	}

	@Test
	void theDayTextAndWitnessesAreChecked() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		assertThat(fx.post(author, WORKLOG, log(today.plusDays(1), "明天"), 400)).contains("day");
		assertThat(fx.post(author, WORKLOG, log(today.minusDays(8), "太久"), 400)).contains("day");
		assertThat(fx.post(author, WORKLOG, log(today, null), 400)).contains("text");
		assertThat(fx.post(author, WORKLOG, log(today, "字".repeat(2001)), 400)).contains("text");
		assertThat(fx.post(author, WORKLOG, log(today, "自证", cadre), 400)).contains("witnessIds");
		assertThat(fx.post(author, WORKLOG, log(today, "无此人", 999_999_999L), 404)).contains("witnessIds");
		Long[] six = new Long[6];
		for (int i = 0; i < 6; i++) {
			six[i] = fx.cadre("130902", "STAFF");
		}
		assertThat(fx.post(author, WORKLOG, log(today, "六人", six), 400)).contains("witnessIds");
		assertThat(db.fetchCount(WORK_LOG, WORK_LOG.PERSON_ID.eq(cadre))).isZero();
		fx.post(author, WORKLOG, log(today, "五人", six[0], six[1], six[2], six[3], six[4]), 201);
	}

	@Test
	void onlyAccountsOfAPersonWriteAndEvaluatorsNever() throws Exception {
		fx.post(fx.account(Role.REGION_STAFF, null, "130902"), WORKLOG, log(today, "无人"), 403);
		fx.post("zzb", WORKLOG, log(today, "考察"), 403);
		long cadre = fx.cadre("130902", "COUNTY");
		String linkedEvaluator = fx.account(Role.EVALUATOR, cadre, "130902");
		fx.post(linkedEvaluator, WORKLOG, log(today, "考察"), 403);
		assertThat(db.fetchCount(WORK_LOG, WORK_LOG.PERSON_ID.eq(cadre))).isZero();
		String staff = fx.account(Role.REGION_STAFF, cadre, "130902");
		fx.post(staff, WORKLOG, log(today, "区里值班"), 201);
	}

	@Test
	void witnessesAnswerOnceAndOnlyForThemselves() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		long w1 = fx.cadre("130902", "STAFF");
		long w2 = fx.cadre("130902", "STAFF");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		String first = fx.account(Role.PARTY_MEMBER, w1, null);
		String second = fx.account(Role.GRID_WORKER, w2, "130902");
		long id = RecordApiFixtures.id(fx.post(author, WORKLOG, log(today, "入户排查 30 户", w1, w2), 201));

		assertThat((List<Object>) JsonPath.read(fx.json(second, WORKLOG + "/witnessing"), "$[*].id"))
			.contains((int) id);
		fx.post(author, WORKLOG + "/" + id + "/witness", "{\"confirmed\":true}", 403);
		fx.post("admin", WORKLOG + "/" + id + "/witness", "{\"confirmed\":true}", 403);
		fx.post("grid01", WORKLOG + "/" + id + "/witness", "{\"confirmed\":true}", 403);
		fx.post(first, WORKLOG + "/999999999/witness", "{\"confirmed\":true}", 404);
		fx.post(first, WORKLOG + "/" + id + "/witness", "{}", 400);

		String confirmed = fx.post(first, WORKLOG + "/" + id + "/witness", "{\"confirmed\":true}", 200);
		assertThat((List<String>) JsonPath.read(confirmed, "$.witnesses[?(@.personId == " + w1 + ")].status"))
			.containsExactly("CONFIRMED");
		fx.post(first, WORKLOG + "/" + id + "/witness", "{\"confirmed\":false}", 422);
		String disputed = fx.post(second, WORKLOG + "/" + id + "/witness", "{\"confirmed\":false,\"note\":\"当天我不在现场\"}",
				200);
		assertThat((List<String>) JsonPath.read(disputed, "$.witnesses[?(@.personId == " + w2 + ")].status"))
			.containsExactly("DISPUTED");
		assertThat((List<String>) JsonPath.read(disputed, "$.witnesses[?(@.personId == " + w2 + ")].note"))
			.containsExactly("当天我不在现场");
		fx.post(second, WORKLOG + "/" + id + "/witness", "{\"confirmed\":true}", 422);
		assertThat((List<Object>) JsonPath.read(fx.json(second, WORKLOG + "/witnessing"), "$[*].id"))
			.doesNotContain((int) id);
	}

	@Test
	void aSupervisorOverTheRegionReviewsOnceButNotTheirOwnLog() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String author = fx.account(Role.REGION_STAFF, cadre, "130902");
		long id = RecordApiFixtures.id(fx.post(author, WORKLOG, log(today, "督导 3 个卡口"), 201));
		String review = WORKLOG + "/" + id + "/review";
		fx.post(author, review, "{\"comment\":\"自评\"}", 403);
		fx.post("zzb", review, "{\"comment\":\"好\"}", 403);
		fx.post("grid01", review, "{\"comment\":\"好\"}", 403);
		fx.post(fx.account(Role.REGION_STAFF, null, "130903"), review, "{\"comment\":\"好\"}", 403);
		fx.post("xinhua", WORKLOG + "/999999999/review", "{\"comment\":\"好\"}", 404);
		fx.post("xinhua", review, "{\"comment\":\"  \"}", 400);

		String done = fx.post("xinhua", review, "{\"comment\":\"工作扎实\"}", 200);
		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("REVIEWED");
		assertThat((String) JsonPath.read(done, "$.reviewComment")).isEqualTo("工作扎实");
		assertThat((String) JsonPath.read(done, "$.reviewedBy")).isEqualTo("xinhua");
		fx.post("admin", review, "{\"comment\":\"再审\"}", 422);
	}

	@Test
	void supervisorsListLogsInTheirScope() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		long id = RecordApiFixtures.id(fx.post(author, WORKLOG, log(today, "列表"), 201));
		assertThat((List<Object>) JsonPath.read(fx.json("xinhua", WORKLOG + "?region=130902&status=SUBMITTED&size=500"),
				"$.items[*].id"))
			.contains((int) id);
		assertThat((List<Object>) JsonPath.read(fx.json("zzb", WORKLOG + "?size=500"), "$.items[*].id"))
			.contains((int) id);
		assertThat(
				(List<Object>) JsonPath.read(fx.json("xinhua", WORKLOG + "?status=REVIEWED&size=500"), "$.items[*].id"))
			.doesNotContain((int) id);
		String elsewhere = fx.account(Role.REGION_STAFF, null, "130903");
		assertThat((List<Object>) JsonPath.read(fx.json(elsewhere, WORKLOG + "?size=500"), "$.items[*].id"))
			.doesNotContain((int) id);
		assertThat(fx.status(elsewhere, WORKLOG + "?region=130902")).isEqualTo(404);
		assertThat(fx.status(author, WORKLOG)).isEqualTo(403);
		assertThat(fx.status("xinhua", WORKLOG + "?status=NOPE")).isEqualTo(400);
	}

	@Test
	void thePagesWriteWitnessAndReview() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		long w = fx.cadre("130902", "STAFF");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		String witness = fx.account(Role.PARTY_MEMBER, w, null);
		MockHttpSession own = login(mvc, author);
		mvc.perform(get("/record/worklog").session(own))
			.andExpect(status().isOk())
			.andExpect(view().name("record/worklog"))
			.andExpect(content().string(containsString("id=\"worklog-form\"")));
		mvc.perform(post("/record/worklog").session(own)
			.with(csrf())
			.param("day", today.toString())
			.param("text", "页面写的纪实")
			.param("witnessIds", String.valueOf(w)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/record/worklog"));
		long id = db.select(WORK_LOG.ID).from(WORK_LOG).where(WORK_LOG.PERSON_ID.eq(cadre)).fetchSingle().value1();
		mvc.perform(post("/record/worklog").session(own).with(csrf()).param("text", "").param("witnessIds", "abc"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "witnessIds: “abc”不是人员编号"));
		mvc.perform(get("/record/worklog").session(own)).andExpect(content().string(containsString("页面写的纪实")));

		MockHttpSession witnessing = login(mvc, witness);
		mvc.perform(get("/record/worklog").session(witnessing))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-" + id + "\"")));
		mvc.perform(
				post("/record/worklog/" + id + "/witness").session(witnessing).with(csrf()).param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat((List<String>) JsonPath.read(fx.json(author, WORKLOG + "/mine"), "$.items[0].witnesses[*].status"))
			.containsExactly("CONFIRMED");

		MockHttpSession supervisor = login(mvc, "xinhua");
		mvc.perform(get("/record/worklog/review").param("region", "130902").session(supervisor))
			.andExpect(status().isOk())
			.andExpect(view().name("record/review"))
			.andExpect(content().string(containsString("id=\"review-" + id + "\"")));
		mvc.perform(post("/record/worklog/" + id + "/review").session(supervisor)
			.with(csrf())
			.param("comment", "同意")
			.param("region", "130902"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/record/worklog/review?region=130902"));
		assertThat(db.select(WORK_LOG.STATUS).from(WORK_LOG).where(WORK_LOG.ID.eq(id)).fetchSingle().value1())
			.isEqualTo("REVIEWED");
	}

	@Test
	void aSecondReviewIsRefusedInTheCallersLanguage() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String author = fx.account(Role.PARTY_MEMBER, cadre, null);
		long id = RecordApiFixtures.id(fx.post(author, WORKLOG, log(today, "再审"), 201));
		fx.post("xinhua", WORKLOG + "/" + id + "/review", "{\"comment\":\"同意\"}", 200);
		String again = WORKLOG + "/" + id + "/review";
		mvc.perform(
				as(mvc, "admin", post(again)).contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"再审\"}"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value("工作纪实 " + id + " 已审阅"));
		mvc.perform(as(mvc, "admin", post(again)).header("Accept-Language", "zh-TW")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"再審\"}"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value("工作紀實 " + id + " 已審閱"));
		mvc.perform(as(mvc, "admin", post(again)).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"again\"}"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value("work log " + id + " has already been reviewed"));
	}

	@Test
	void theWorkLogPageNamesWhatIsWrongInChinese() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		MockHttpSession own = login(mvc, fx.account(Role.PARTY_MEMBER, cadre, null));
		mvc.perform(post("/record/worklog").session(own).with(csrf()).param("text", " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "text: 必填"));
		mvc.perform(post("/record/worklog").session(own).with(csrf()).param("text", "有内容").param("witnessIds", "abc"))
			.andExpect(flash().attribute("error", "witnessIds: “abc”不是人员编号"));
		mvc.perform(post("/record/worklog").session(own)
			.with(csrf())
			.param("day", today.plusDays(1).toString())
			.param("text", "明天的事")).andExpect(flash().attribute("error", "day: 不能是将来的时间"));
	}

}
