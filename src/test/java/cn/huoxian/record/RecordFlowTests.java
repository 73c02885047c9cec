package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;
import static cn.huoxian.db.Tables.RECORD_INBOX;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.screening.VisitsRecorded;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One cadre's week across the modules — a deployment, an inspection with a rectification
 * they close, screening visits and an isolation contact — arrives in their record once
 * each, stays once when an event is delivered again, and survives a rebuild; an entry
 * lost from the record is restored by the rebuild. Work queued while the record is
 * stopped is recorded when it runs again; a row that fails does not hold up the rest.
 */
@SqlTest
class RecordFlowTests {

	private static final SplittableRandom RANDOM = new SplittableRandom();

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
	RecordRebuild rebuild;

	private String post(String user, String url, String body, int expected) throws Exception {
		var response = mvc
			.perform(as(mvc, user, MockMvcRequestBuilders.post(url)).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private long person(String region, String roles) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		return id(post("admin", "/api/v1/persons", "{\"name\":\"纪实" + RANDOM.nextInt(1000) + "\",\"idNumber\":\""
				+ idNumber + "\",\"regionCode\":\"" + region + "\",\"roles\":" + roles + "}", 201));
	}

	private Map<String, Long> kinds(long person) {
		return db.select(RECORD_ENTRY.KIND, RECORD_ENTRY.ID)
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(person))
			.fetch()
			.stream()
			.collect(Collectors.groupingBy(r -> r.value1(), Collectors.counting()));
	}

	private static final Map<String, Long> WEEK = Map.of("DEPLOYMENT_STARTED", 1L, "INSPECTION_MADE", 1L,
			"RECTIFICATION_CLOSED", 1L, "VISIT_MADE", 2L, "ISOLATION_CONTACT", 1L);

	@Test
	void aWeekOfWorkIsRecordedOnceAndSurvivesReplayAndRebuild() throws Exception {
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		String township = JsonPath.read(json("admin", "/api/v1/regions/130902/children"), "$[0].code");
		long unit = id(
				post("admin", "/api/v1/units",
						"{\"code\":\"REC-" + Api.unique() + "-" + RANDOM.nextInt(100_000)
								+ "\",\"name\":\"纪实测试单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}",
						201));
		long cadre = person(grid,
				"[{\"role\":\"CADRE\",\"rank\":\"COUNTY\",\"position\":\"副局长\",\"unitId\":" + unit + "}]");
		String account = "rec" + System.nanoTime();
		accounts
			.create(new NewAccount(account, Api.PASSWORD, Role.GRID_WORKER, cadre, List.of(ScopeRoot.region(grid))));

		// a deployment
		post("xinhua", "/api/v1/deployment/deployments",
				"{\"personId\":" + cadre + ",\"postKind\":\"REGION\",\"region\":\"" + township + "\"}", 201);
		// an inspection one level down, with a rectification the cadre owns and closes
		String looks = "[{\"look\":\"TERRITORIAL_RESPONSIBILITY\",\"rating\":4},{\"look\":\"LIAISON\",\"rating\":3,"
				+ "\"findings\":\"包联干部入户不到位\"},{\"look\":\"RESOURCES\",\"rating\":4},{\"look\":\"PARTY_ROLE\",\"rating\":5}]";
		String inspection = post("xinhua", "/api/v1/deployment/inspections",
				"{\"inspectorId\":" + cadre + ",\"targetRegion\":\"" + township + "\",\"date\":\"" + today
						+ "\",\"looks\":" + looks + ",\"rectifications\":[{\"look\":\"LIAISON\",\"item\":\"补齐入户台账\","
						+ "\"ownerId\":" + cadre + ",\"deadline\":\"" + today.plusDays(3) + "\"}]}",
				201);
		long rectification = ((Number) JsonPath.read(inspection, "$.rectifications[0].id")).longValue();
		post("xinhua", "/api/v1/deployment/rectifications/" + rectification + "/close", "{\"evidence\":\"台账已补齐\"}",
				200);
		// two screening visits made by the cadre
		long campaign = id(post(
				"xinhua", "/api/v1/screening/campaigns", "{\"name\":\"纪实测试排查\",\"rootRegion\":\"130902\","
						+ "\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(3) + "\"}",
				201));
		List<Integer> households = JsonPath.read(json("admin", "/api/v1/households?size=5&region=" + grid),
				"$.items[*].id");
		UUID firstVisit = UUID.randomUUID();
		String visits = "[" + nobodyHome(firstVisit, households.get(0)) + ","
				+ nobodyHome(UUID.randomUUID(), households.get(1)) + "]";
		post(account, "/api/v1/screening/campaigns/" + campaign + "/visits", visits, 200);
		// a daily isolation contact made by the cadre
		long isolated = person(grid, "[]");
		long isolationCase = id(post("xinhua", "/api/v1/isolation/cases", "{\"personId\":" + isolated
				+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\",\"responsibleIds\":[" + cadre + "]}",
				201));
		post(account, "/api/v1/isolation/cases/" + isolationCase + "/contacts",
				"{\"channel\":\"VIDEO\",\"reached\":true,\"temperature\":36.5}", 201);

		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kinds(cadre)).isEqualTo(WEEK));
		assertThat(db.fetchExists(RECORD_ENTRY,
				RECORD_ENTRY.PERSON_ID.eq(cadre)
					.and(RECORD_ENTRY.SOURCE_TYPE.eq("SCREENING_VISIT"))
					.and(RECORD_ENTRY.SOURCE_ID.eq(firstVisit.toString()))))
			.isTrue();

		// the same visit delivered again adds nothing
		waits().publishAndAwaitTaken("SCREENING_VISIT", firstVisit.toString(), () -> transactions.executeWithoutResult(
				status -> events.publishEvent(new VisitsRecorded(campaign, cadre, List.of(firstVisit)))));
		assertThat(kinds(cadre)).isEqualTo(WEEK);

		// an entry lost from the record comes back with the rebuild, and nothing doubles
		db.deleteFrom(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(cadre).and(RECORD_ENTRY.KIND.eq("INSPECTION_MADE")))
			.execute();
		post("zzb", "/api/v1/record/rebuild", "", 403);
		Map<String, Object> report = JsonPath.read(post("admin", "/api/v1/record/rebuild", "", 200), "$");
		assertThat(((Number) JsonPath.read(report, "$.INSPECTION.added")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(kinds(cadre)).isEqualTo(WEEK);
		assertThat(db.select(RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)
			.from(RECORD_FIGURE)
			.where(RECORD_FIGURE.PERSON_ID.eq(cadre))
			.fetchMap(RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)).isEqualTo(WEEK);
	}

	@Autowired
	RecordInbox inbox;

	@Autowired
	InboxDrainer drainer;

	@Autowired
	cn.huoxian.access.AuditLog audit;

	private InboxWaits waits() {
		return new InboxWaits(db, inbox, drainer);
	}

	private List<String> queued(String sourceType) {
		return waits().queued(sourceType);
	}

	/**
	 * Work done while the record is not taking events (paused, or the application down)
	 * waits in the inbox, stored with the source's transaction, and is recorded once the
	 * record runs again.
	 */
	@Test
	void workQueuedWhileTheRecordIsPausedIsRecordedWhenItRunsAgain() throws Exception {
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		long cadre = person(grid, "[{\"role\":\"CADRE\",\"rank\":\"TOWNSHIP\",\"position\":\"科长\"}]");
		long deployment;
		inbox.pause("test");
		try {
			deployment = id(post("xinhua", "/api/v1/deployment/deployments",
					"{\"personId\":" + cadre + ",\"postKind\":\"REGION\",\"region\":\"" + grid + "\"}", 201));
			assertThat(queued("DEPLOYMENT")).contains(String.valueOf(deployment));
			waits().awaitADrainerPass();
			assertThat(kinds(cadre)).isEmpty();
			assertThat(queued("DEPLOYMENT")).contains(String.valueOf(deployment));
		}
		finally {
			inbox.resume();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(kinds(cadre)).containsEntry("DEPLOYMENT_STARTED", 1L));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(queued("DEPLOYMENT")).doesNotContain(String.valueOf(deployment)));
	}

	/** An event of a transaction that rolled back queues nothing. */
	@Test
	void aRolledBackTransactionQueuesNothing() {
		long marker = 900_000_000L + RANDOM.nextInt(1_000_000);
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new cn.huoxian.deployment.Events.DeploymentStarted(marker, 1L,
					cn.huoxian.shared.RegionPath.root("130900"), true, LocalDate.now()));
			assertThat(queued("DEPLOYMENT")).contains(String.valueOf(marker));
			status.setRollbackOnly();
		});
		assertThat(queued("DEPLOYMENT")).doesNotContain(String.valueOf(marker));
	}

	/**
	 * A queued row that cannot be recorded does not hold up the others: it is kept with
	 * its error and tried again later, and the work queued with it is recorded.
	 */
	@Test
	void aRowThatFailsWaitsWithItsErrorWhileTheRestIsRecorded() throws Exception {
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		long cadre = person(grid, "[{\"role\":\"CADRE\",\"rank\":\"TOWNSHIP\",\"position\":\"科长\"}]");
		String bad = "not-an-id-" + RANDOM.nextInt(1_000_000);
		inbox.pause("test");
		try {
			transactions.executeWithoutResult(status -> inbox.enqueue("DEPLOYMENT", List.of(bad)));
			// a source type nobody knows any more (a source removed or renamed)
			transactions.executeWithoutResult(status -> inbox.enqueue("NO_SUCH_SOURCE", List.of(bad)));
			post("xinhua", "/api/v1/deployment/deployments",
					"{\"personId\":" + cadre + ",\"postKind\":\"REGION\",\"region\":\"" + grid + "\"}", 201);
		}
		finally {
			inbox.resume();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(kinds(cadre)).containsEntry("DEPLOYMENT_STARTED", 1L));
		var unknown = db.fetchOne(RECORD_INBOX,
				RECORD_INBOX.SOURCE_KEYS.eq(bad).and(RECORD_INBOX.SOURCE_TYPE.eq("NO_SUCH_SOURCE")));
		assertThat(unknown.getLastError()).isEqualTo("no record source of type NO_SUCH_SOURCE");
		assertThat(unknown.getAttempts()).isGreaterThanOrEqualTo(1);
		db.deleteFrom(RECORD_INBOX).where(RECORD_INBOX.ID.eq(unknown.getId())).execute();
		var failed = db.fetchOne(RECORD_INBOX,
				RECORD_INBOX.SOURCE_KEYS.eq(bad).and(RECORD_INBOX.SOURCE_TYPE.eq("DEPLOYMENT")));
		assertThat(failed).isNotNull();
		assertThat(failed.getAttempts()).isGreaterThanOrEqualTo(1);
		assertThat(failed.getLastError()).contains(bad);
		assertThat(failed.getNotBefore()).isAfter(failed.getQueuedAt());
		// the administrator sees it waiting; nobody else sees the inbox
		String status = json("admin", "/api/v1/record/inbox");
		assertThat(((Number) JsonPath.read(status, "$.failed")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(((Number) JsonPath.read(status, "$.rows")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(mvc.perform(as(mvc, "zzb", get("/api/v1/record/inbox"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		// retried now: it is due again and fails a second time
		post("zzb", "/api/v1/record/inbox/retry", "", 403);
		post("admin", "/api/v1/record/inbox/retry", "", 200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> db.fetchOne(RECORD_INBOX, RECORD_INBOX.ID.eq(failed.getId())).getAttempts() >= 2);
		// discarded by the administrator, audited
		post("zzb", "/api/v1/record/inbox/discard-failed", "", 403);
		String discarded = post("admin", "/api/v1/record/inbox/discard-failed", "", 200);
		assertThat(((Number) JsonPath.read(discarded, "$.rows")).intValue()).isGreaterThanOrEqualTo(1);
		assertThat(db.fetchExists(RECORD_INBOX, RECORD_INBOX.ID.eq(failed.getId()))).isFalse();
		assertThat(audit.list("RECORD_INBOX_DISCARDED", 0, 5).items()).isNotEmpty()
			.first()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
	}

	private static String nobodyHome(UUID visit, long household) {
		return "{\"visitId\":\"" + visit + "\",\"householdId\":" + household + ",\"visitedAt\":\""
				+ OffsetDateTime.now().minusMinutes(5) + "\",\"outcome\":\"NOBODY_HOME\"}";
	}

}
