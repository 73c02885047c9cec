package cn.huoxian.record;

import static cn.huoxian.db.Tables.AUDIT_LOG;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.deployment.Events;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The profile: an entry appears once per source after its event (also when the event is
 * published again), figures with every kind and days at post, paging newest first, who
 * may see it (404 for everyone else), the audit entry of every view, and the pages.
 */
@SqlTest
class RecordApiTests {

	private static final String PROFILE = "/api/v1/record/persons/";

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RecordInbox inbox;

	@Autowired
	InboxDrainer drainer;

	RecordApiFixtures fx;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fx = new RecordApiFixtures(mvc, accounts);
		today = LocalDate.now(BusinessDay.ZONE);
	}

	private long entries(long person, String kind) {
		return db.fetchCount(RECORD_ENTRY, RECORD_ENTRY.PERSON_ID.eq(person).and(RECORD_ENTRY.KIND.eq(kind)));
	}

	@Test
	void aDeploymentGivesOneEntryEvenWhenItsEventIsPublishedAgain() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		long deployment = RecordApiFixtures.id(fx.post("admin", "/api/v1/deployment/deployments",
				"{\"personId\":" + cadre
						+ ",\"postKind\":\"REGION\",\"region\":\"130902\",\"duty\":\"值守\",\"startDate\":\""
						+ today.minusDays(2) + "\",\"endCurrent\":false}",
				201));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(entries(cadre, "DEPLOYMENT_STARTED")).isEqualTo(1));

		new InboxWaits(db, inbox, drainer).publishAndAwaitTaken("DEPLOYMENT", String.valueOf(deployment),
				() -> transactions
					.executeWithoutResult(tx -> events.publishEvent(new Events.DeploymentStarted(deployment, cadre,
							new cn.huoxian.shared.RegionPath("/x/"), false, today.minusDays(2)))));
		assertThat(entries(cadre, "DEPLOYMENT_STARTED")).isEqualTo(1);

		String body = fx.json("admin", PROFILE + cadre);
		assertThat((Integer) JsonPath.read(body, "$.entries.total")).isEqualTo(1);
		assertThat((String) JsonPath.read(body, "$.entries.items[0].kind")).isEqualTo("DEPLOYMENT_STARTED");
		assertThat((String) JsonPath.read(body, "$.entries.items[0].sourceType")).isEqualTo("DEPLOYMENT");
		assertThat((String) JsonPath.read(body, "$.entries.items[0].sourceId")).isEqualTo(String.valueOf(deployment));
		assertThat((String) JsonPath.read(body, "$.entries.items[0].businessDay"))
			.isEqualTo(today.minusDays(2).toString());
		assertThat((Integer) JsonPath.read(body, "$.figures.DEPLOYMENT_STARTED")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(body, "$.figures.daysAtPost")).isEqualTo(3);
		assertThat((String) JsonPath.read(body, "$.person.rank")).isEqualTo("TOWNSHIP");
		assertThat((String) JsonPath.read(body, "$.person.position")).isEqualTo("干部");
	}

	@Test
	void figuresListEveryKindAndDaysAtPostSumsTheDeployments() throws Exception {
		long cadre = fx.cadre("130902", "STAFF");
		Map<String, Object> figures = JsonPath.read(fx.json("admin", PROFILE + cadre), "$.figures");
		for (EntryKind kind : EntryKind.values()) {
			assertThat(((Number) figures.get(kind.name())).longValue()).as(kind.name()).isZero();
		}
		assertThat(((Number) figures.get("daysAtPost")).longValue()).isZero();

		var region = db.selectFrom(REGION).where(REGION.CODE.eq("130902")).fetchOne();
		// an ended deployment of 5 days, a current one of 3 days (today inclusive), one
		// planned to end after today (counts up to today: 1 day), and one not started yet
		insertDeployment(cadre, region.getId(), region.getPath(), today.minusDays(10), today.minusDays(6));
		insertDeployment(cadre, region.getId(), region.getPath(), today.minusDays(2), null);
		insertDeployment(cadre, region.getId(), region.getPath(), today, today.plusDays(30));
		insertDeployment(cadre, region.getId(), region.getPath(), today.plusDays(3), null);
		assertThat((Integer) JsonPath.read(fx.json("admin", PROFILE + cadre), "$.figures.daysAtPost")).isEqualTo(9);
	}

	private void insertDeployment(long person, long regionId, String path, LocalDate start, LocalDate end) {
		db.insertInto(DEPLOYMENT)
			.set(DEPLOYMENT.PERSON_ID, person)
			.set(DEPLOYMENT.LEADING_CADRE, false)
			.set(DEPLOYMENT.CADRE_RANK, "STAFF")
			.set(DEPLOYMENT.POST_KIND, "REGION")
			.set(DEPLOYMENT.REGION_ID, regionId)
			.set(DEPLOYMENT.PATH, path)
			.set(DEPLOYMENT.START_DATE, start)
			.set(DEPLOYMENT.END_DATE, end)
			.set(DEPLOYMENT.CREATED_BY, "test")
			.execute();
	}

	@Test
	void entriesArePagedNewestFirstAndFilteredByKind() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY");
		for (int i = 1; i <= 5; i++) {
			fx.post("admin", PROFILE + cadre + "/accountability", "{\"kind\":\"REMINDER_TALK\",\"occurredOn\":\""
					+ today.minusDays(i * 10) + "\",\"decidedLevel\":\"COUNTY\",\"detail\":\"第" + i + "次\"}", 201);
		}
		String first = fx.json("admin", PROFILE + cadre + "?size=2&page=0");
		assertThat((Integer) JsonPath.read(first, "$.entries.total")).isEqualTo(5);
		assertThat((Integer) JsonPath.read(first, "$.entries.size")).isEqualTo(2);
		List<String> days = JsonPath.read(first, "$.entries.items[*].businessDay");
		assertThat(days).containsExactly(today.minusDays(10).toString(), today.minusDays(20).toString());
		String last = fx.json("admin", PROFILE + cadre + "?size=2&page=2");
		assertThat((List<String>) JsonPath.read(last, "$.entries.items[*].businessDay"))
			.containsExactly(today.minusDays(50).toString());
		assertThat(
				(Integer) JsonPath.read(fx.json("admin", PROFILE + cadre + "?kind=ACCOUNTABILITY"), "$.entries.total"))
			.isEqualTo(5);
		assertThat((Integer) JsonPath.read(fx.json("admin", PROFILE + cadre + "?kind=WORK_LOG"), "$.entries.total"))
			.isZero();
		assertThat(fx.status("admin", PROFILE + cadre + "?size=0")).isEqualTo(400);
		assertThat(fx.status("admin", PROFILE + cadre + "?kind=NOPE")).isEqualTo(400);
	}

	@Test
	void aRecordIsVisibleToItsPersonAndToReadersInScopeOnly() throws Exception {
		long cadre = fx.cadre("130902", "TOWNSHIP");
		long other = fx.cadre("130902", "TOWNSHIP");
		long elsewhere = fx.cadre("130903", "TOWNSHIP");
		String self = fx.account(Role.PARTY_MEMBER, cadre, null);
		assertThat(fx.status(self, PROFILE + cadre)).isEqualTo(200);
		assertThat(fx.status(self, PROFILE + other)).isEqualTo(404);
		// a linked account of another role still sees its own person's record
		String selfStaff = fx.account(Role.GRID_WORKER, elsewhere, "130903");
		assertThat(fx.status(selfStaff, PROFILE + elsewhere)).isEqualTo(200);
		assertThat(fx.status(selfStaff, PROFILE + cadre)).isEqualTo(404);

		assertThat(fx.status("admin", PROFILE + cadre)).isEqualTo(200);
		assertThat(fx.status("zzb", PROFILE + cadre)).isEqualTo(200);
		assertThat(fx.status("xinhua", PROFILE + cadre)).isEqualTo(200);
		assertThat(fx.status("xinhua", PROFILE + elsewhere)).isEqualTo(404);
		assertThat(fx.status("grid01", PROFILE + cadre)).isEqualTo(404);
		String evaluatorElsewhere = fx.account(Role.EVALUATOR, null, "130903");
		assertThat(fx.status(evaluatorElsewhere, PROFILE + cadre)).isEqualTo(404);
		assertThat(fx.status(evaluatorElsewhere, PROFILE + elsewhere)).isEqualTo(200);
		String staffElsewhere = fx.account(Role.REGION_STAFF, null, "130903");
		assertThat(fx.status(staffElsewhere, PROFILE + cadre)).isEqualTo(404);
		String unitCode = "REC-" + cn.huoxian.support.Api.unique() + "-" + System.nanoTime() % 100000;
		fx.post("admin", "/api/v1/units", "{\"code\":\"" + unitCode
				+ "\",\"name\":\"纪实测试单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}", 201);
		String unitStaff = "recu" + cn.huoxian.support.Api.unique() + System.nanoTime() % 10000;
		accounts.create(new cn.huoxian.access.NewAccount(unitStaff, cn.huoxian.support.Api.PASSWORD, Role.UNIT_STAFF,
				null, List.of(new cn.huoxian.access.ScopeRoot(cn.huoxian.access.ScopeRoot.Kind.UNIT, unitCode))));
		assertThat(fx.status(unitStaff, PROFILE + cadre)).isEqualTo(404);
		assertThat(fx.status("admin", PROFILE + 999_999_999)).isEqualTo(404);
	}

	@Test
	void everyProfileViewIsAudited() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY");
		int before = db.fetchCount(AUDIT_LOG,
				AUDIT_LOG.ACTION.eq("RECORD_VIEWED").and(AUDIT_LOG.SUBJECT.eq("person " + cadre)));
		fx.json("zzb", PROFILE + cadre);
		MockHttpSession session = login(mvc, "admin");
		mvc.perform(get("/record/persons/" + cadre).session(session)).andExpect(status().isOk());
		var rows = db.selectFrom(AUDIT_LOG)
			.where(AUDIT_LOG.ACTION.eq("RECORD_VIEWED").and(AUDIT_LOG.SUBJECT.eq("person " + cadre)))
			.orderBy(AUDIT_LOG.ID)
			.fetch();
		assertThat(rows).hasSize(before + 2);
		assertThat(rows.map(r -> r.getActor())).containsExactly("zzb", "admin");
		// a refused view is not audited
		fx.status("grid01", PROFILE + cadre);
		assertThat(db.fetchCount(AUDIT_LOG,
				AUDIT_LOG.ACTION.eq("RECORD_VIEWED").and(AUDIT_LOG.SUBJECT.eq("person " + cadre))))
			.isEqualTo(before + 2);
	}

	@Test
	void theProfilePageAndOwnRecordPage() throws Exception {
		long cadre = fx.cadre("130902", "COUNTY");
		fx.post("admin", PROFILE + cadre + "/accountability", "{\"kind\":\"ADMONISHMENT\",\"occurredOn\":\"" + today
				+ "\",\"decidedLevel\":\"CITY\",\"detail\":\"卡口值守脱岗\"}", 201);
		MockHttpSession admin = login(mvc, "admin");
		mvc.perform(get("/record/persons/" + cadre).session(admin))
			.andExpect(status().isOk())
			.andExpect(view().name("record/profile"))
			.andExpect(content().string(containsString("id=\"figures\"")))
			.andExpect(content().string(containsString("id=\"entries\"")))
			.andExpect(content().string(containsString("卡口值守脱岗")))
			.andExpect(content().string(containsString("id=\"accountability-form\"")));
		mvc.perform(get("/record/persons/" + cadre).param("kind", "WORK_LOG").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"entries-total\">0<")));
		MockHttpSession xinhua = login(mvc, "xinhua");
		mvc.perform(get("/record/persons/" + cadre).session(xinhua))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"accountability-form\""))));
		mvc.perform(get("/record/persons/" + cadre).session(login(mvc, "grid01"))).andExpect(status().isNotFound());

		String self = fx.account(Role.PARTY_MEMBER, cadre, null);
		MockHttpSession own = login(mvc, self);
		mvc.perform(get("/record/me").session(own))
			.andExpect(status().isOk())
			.andExpect(view().name("record/profile"))
			.andExpect(content().string(containsString("卡口值守脱岗")));
		mvc.perform(get("/record/me").session(login(mvc, fx.account(Role.REGION_STAFF, null, "130902"))))
			.andExpect(status().isNotFound());
	}

}
