package cn.huoxian.record;

import static cn.huoxian.db.Tables.ACCOUNTABILITY;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Accountability: only city administrators and evaluators over the person enter it, the
 * fields are checked, and each adds one ACCOUNTABILITY entry that the rebuild agrees
 * with.
 */
@SqlTest
class AccountabilityTests {

	private static final String PROFILE = "/api/v1/record/persons/";

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

	private String body(String kind, LocalDate on, String level, String detail) {
		return "{" + (kind == null ? "" : "\"kind\":\"" + kind + "\",")
				+ (on == null ? "" : "\"occurredOn\":\"" + on + "\",")
				+ (level == null ? "" : "\"decidedLevel\":\"" + level + "\",")
				+ (detail == null ? "" : "\"detail\":\"" + detail + "\"") + "}";
	}

	@Test
	void anEvaluatorEntersAccountabilityAndItJoinsTheRecordOnce() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY");
		String created = fx.post("zzb", PROFILE + cadre + "/accountability",
				body("PARTY_DISCIPLINE", today.minusDays(1), "CITY", "防控不力，党内警告"), 201);
		long id = RecordApiFixtures.id(created);
		assertThat((String) JsonPath.read(created, "$.kind")).isEqualTo("PARTY_DISCIPLINE");
		assertThat((String) JsonPath.read(created, "$.enteredBy")).isEqualTo("zzb");
		var row = db.selectFrom(ACCOUNTABILITY).where(ACCOUNTABILITY.ID.eq(id)).fetchOne();
		String personPath = JsonPath.read(fx.json("admin", PROFILE + cadre), "$.person.path");
		assertThat(row.getPath()).isEqualTo(personPath);

		var entries = db.selectFrom(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(cadre).and(RECORD_ENTRY.KIND.eq("ACCOUNTABILITY")))
			.fetch();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getSourceType()).isEqualTo("ACCOUNTABILITY");
		assertThat(entries.get(0).getSourceId()).isEqualTo(String.valueOf(id));
		// stored in no language, read in each (issue 14)
		EntryText text = EntryText.decode(entries.get(0).getSummary());
		assertThat(text.render(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("问责：党纪处分（市级）防控不力，党内警告");
		assertThat(text.render(java.util.Locale.TRADITIONAL_CHINESE)).contains("黨紀處分").contains("防控不力");
		assertThat(text.render(java.util.Locale.ENGLISH)).startsWith("Accountability: ").contains("防控不力");

		String profile = fx.json("admin", PROFILE + cadre);
		assertThat((Integer) JsonPath.read(profile, "$.figures.ACCOUNTABILITY")).isEqualTo(1);
		assertThat((List<Object>) JsonPath.read(profile, "$.accountability[*].id")).containsExactly((int) id);
		assertThat((String) JsonPath.read(profile, "$.accountability[0].decidedLevel")).isEqualTo("CITY");

		fx.post("admin", PROFILE + cadre + "/accountability", body("REMINDER_TALK", today, "TOWNSHIP", "提醒"), 201);
		Map<String, RecordRebuild.Difference> report = rebuild.rebuild();
		assertThat(report.get("ACCOUNTABILITY").added()).isZero();
		assertThat(report.get("ACCOUNTABILITY").removed()).isZero();
		assertThat(report.get("ACCOUNTABILITY").given()).isGreaterThanOrEqualTo(2);
		assertThat((Integer) JsonPath.read(fx.json("admin", PROFILE + cadre), "$.figures.ACCOUNTABILITY")).isEqualTo(2);
	}

	@Test
	void onlyTheOrganisationDepartmentInScopeEntersAccountability() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String valid = body("CRITICISM", today, "COUNTY", "通报");
		fx.post("xinhua", PROFILE + cadre + "/accountability", valid, 403);
		fx.post("grid01", PROFILE + cadre + "/accountability", valid, 403);
		String self = fx.account(Role.PARTY_MEMBER, cadre, null);
		fx.post(self, PROFILE + cadre + "/accountability", valid, 403);
		String evaluatorElsewhere = fx.account(Role.EVALUATOR, null, "130903");
		fx.post(evaluatorElsewhere, PROFILE + cadre + "/accountability", valid, 403);
		fx.post("admin", PROFILE + 999_999_999 + "/accountability", valid, 404);
		assertThat(db.fetchCount(ACCOUNTABILITY, ACCOUNTABILITY.PERSON_ID.eq(cadre))).isZero();
		assertThat(db.fetchCount(RECORD_ENTRY, RECORD_ENTRY.PERSON_ID.eq(cadre))).isZero();
		String countyEvaluator = fx.account(Role.EVALUATOR, null, "130902");
		fx.post(countyEvaluator, PROFILE + cadre + "/accountability", valid, 201);
	}

	@Test
	void theFieldsAreChecked() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		String url = PROFILE + cadre + "/accountability";
		String missing = fx.post("admin", url, "{}", 400);
		assertThat(missing).contains("kind").contains("occurredOn").contains("decidedLevel").contains("detail");
		assertThat(fx.post("admin", url, body("ADMONISHMENT", today.plusDays(1), "CITY", "x"), 400))
			.contains("occurredOn");
		assertThat(fx.post("admin", url, body("ADMONISHMENT", today, "CITY", "   "), 400)).contains("detail");
		assertThat(fx.post("admin", url, body("ADMONISHMENT", today, "CITY", "长".repeat(1001)), 400))
			.contains("detail");
		fx.post("admin", url, body("WARNING", today, "CITY", "x"), 400);
		fx.post("admin", url, body("ADMONISHMENT", today, "PROVINCE", "x"), 400);
		assertThat(db.fetchCount(ACCOUNTABILITY, ACCOUNTABILITY.PERSON_ID.eq(cadre))).isZero();
		fx.post("admin", url, body("DISMISSAL", today, "CITY", "长".repeat(1000)), 201);
	}

	@Test
	void theProfilePageFormEntersAccountability() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		var session = login(mvc, "admin");
		mvc.perform(post("/record/persons/" + cadre + "/accountability").session(session)
			.with(csrf())
			.param("kind", "REMINDER_TALK")
			.param("occurredOn", today.toString())
			.param("decidedLevel", "TOWNSHIP")
			.param("detail", "页面登记"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/record/persons/" + cadre + "#accountability"));
		assertThat(db.fetchCount(ACCOUNTABILITY, ACCOUNTABILITY.PERSON_ID.eq(cadre))).isEqualTo(1);
		mvc.perform(post("/record/persons/" + cadre + "/accountability").session(session)
			.with(csrf())
			.param("kind", "REMINDER_TALK")
			.param("occurredOn", today.toString())
			.param("decidedLevel", "TOWNSHIP")
			.param("detail", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", "detail: 必填"));
		assertThat(db.fetchCount(ACCOUNTABILITY, ACCOUNTABILITY.PERSON_ID.eq(cadre))).isEqualTo(1);
	}

}
