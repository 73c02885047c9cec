package cn.huoxian.duty;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 16 through the API: a checkpoint set up with its staffing unit, its week made and
 * filled within the rules, each rule refusing a change with a clear message and nothing
 * written, a swap asked and accepted by the people on the shifts, a duty log completing a
 * shift into the performance record, the daily report and the headline, the .xlsx
 * ledgers, and the scope.
 */
@SqlTest
@Import(TestClock.Config.class)
class DutyApiTests {

	/** Tuesday 10 March 2026, 10:00 in Shanghai; the roster is made for the next week. */
	private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

	private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);

	private static final String API = "/api/v1/duty";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@Autowired
	DSLContext db;

	@Autowired
	DutyFigures.Report reportFigures;

	long unit;

	List<Long> cadres = new ArrayList<>();

	Map<Long, String> accountOf = new HashMap<>();

	@BeforeEach
	void setUp() throws Exception {
		// tokens are taken on the system clock (they live 12 hours from then), so moving
		// the test clock a week ahead keeps them
		clock.reset();
		unit = id(
				call("admin",
						post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
							.content("{\"code\":\"DUTY" + Api.unique() + System.nanoTime() % 100000
									+ "\",\"name\":\"卡口值勤局\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}"),
						201));
		cadres.clear();
		for (int i = 0; i < 6; i++) {
			cadres.add(cadre());
		}
		for (long cadre : cadres.subList(0, 3)) {
			String username = "duty" + java.util.UUID.randomUUID().toString().substring(0, 10).replace("-", "");
			accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, cadre, List.of()));
			accountOf.put(cadre, username);
			Api.token(mvc, username);
		}
		Api.token(mvc, "admin");
		Api.token(mvc, "xinhua");
		clock.set(NOW);
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private long cadre() throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		return id(call("admin",
				post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"值勤干部\",\"idNumber\":\"" + idNumber
							+ "\",\"regionCode\":\"130902\",\"roles\":[{"
							+ "\"role\":\"CADRE\",\"rank\":\"STAFF\",\"position\":\"科员\",\"unitId\":" + unit + "}]}"),
				201));
	}

	private long checkpoint(String user, String name, String pattern, int minStaff) throws Exception {
		return id(call(user,
				post(API + "/checkpoints").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + name + "\",\"kind\":\"ROAD\",\"regionCode\":\"130902\",\"unitIds\":["
							+ unit + "],\"minStaff\":" + minStaff + ",\"pattern\":\"" + pattern + "\"}"),
				201));
	}

	private String call(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
		Api.token(mvc, user);
		var response = mvc.perform(as(mvc, user, request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	/** The id of the shift on a day (0 = Monday) and slot of a checkpoint's week. */
	private long shift(String week, int day, int slot) {
		return ((Number) JsonPath.read(week, "$.grid[" + day + "][" + slot + "].id")).longValue();
	}

	private String assign(long shift, long person, int expected) throws Exception {
		return call("xinhua", post(API + "/shifts/" + shift + "/staff").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + person + "}"), expected);
	}

	@Test
	void aWeekIsMadeFromTheTemplateAndFilledWithinTheRules() throws Exception {
		long checkpoint = checkpoint("xinhua", "沧州西卡口", "THREE_EIGHTS", 2);
		String week = call("xinhua", post(API + "/checkpoints/" + checkpoint + "/roster?week=" + MONDAY), 200);
		assertThat((Integer) JsonPath.read(week, "$.shifts")).isEqualTo(21);
		List<List<Integer>> staff = JsonPath.read(week, "$.grid[*][*].staff[*].id");
		assertThat(staff).isNotEmpty();
		// six people, each at most 48 h (6 shifts) a week: 36 of the 42 places
		List<Integer> everyone = JsonPath.read(week, "$.grid[*][*].staff[*].id");
		assertThat(everyone).hasSize(36);
		Map<Integer, Long> shifts = new HashMap<>();
		everyone.forEach(p -> shifts.merge(p, 1L, Long::sum));
		assertThat(shifts.values()).allMatch(n -> n <= 6);
		assertThat((Integer) JsonPath.read(week, "$.gaps")).isEqualTo(3);
		// made again: nothing changes
		String again = call("xinhua", post(API + "/checkpoints/" + checkpoint + "/roster?week=" + MONDAY), 200);
		assertThat(JsonPath.<List<Integer>>read(again, "$.grid[*][*].staff[*].id")).isEqualTo(everyone);
		String gaps = call("xinhua", get(API + "/gaps?region=130902&week=" + MONDAY), 200);
		assertThat(JsonPath.<List<Integer>>read(gaps, "$.items[*].checkpointId")).contains((int) checkpoint);
		// a past week is not made
		assertThat((String) JsonPath.read(
				call("xinhua", post(API + "/checkpoints/" + checkpoint + "/roster?week=2026-03-01"), 422), "$.detail"))
			.contains("已经过去");
	}

	@Autowired
	Rosters rosters;

	@Test
	void oneCadreMovedAtTwoCheckpointsAtOnceLandsOnOnlyOne() throws Exception {
		long east = checkpoint("xinhua", "并发卡口甲", "DAYTIME", 1);
		long west = checkpoint("xinhua", "并发卡口乙", "DAYTIME", 1);
		String eastWeek = call("xinhua", post(API + "/checkpoints/" + east + "/roster?week=" + MONDAY), 200);
		String westWeek = call("xinhua", post(API + "/checkpoints/" + west + "/roster?week=" + MONDAY), 200);
		long newcomer = cadre();
		var admin = new cn.huoxian.shared.CurrentUser("admin", null, Role.CITY_ADMIN,
				cn.huoxian.shared.DataScope.ofRegions(cn.huoxian.shared.RegionPath.root("130900")));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			// four days: within the weekly cap, so only "two places at once" can refuse
			for (int day = 0; day < 4; day++) {
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<Boolean>> tries = new ArrayList<>();
				for (long shift : List.of(shift(eastWeek, day, 0), shift(westWeek, day, 0))) {
					tries.add(pool.submit(() -> {
						start.await();
						try {
							rosters.assign(shift, newcomer, null, admin);
							return true;
						}
						catch (cn.huoxian.shared.RuleViolationException refused) {
							return false;
						}
					}));
				}
				start.countDown();
				int placed = 0;
				for (var t : tries) {
					placed += t.get() ? 1 : 0;
				}
				assertThat(placed).as("day " + day).isEqualTo(1);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void everyRuleRefusesAChangeInWordsAndWritesNothing() throws Exception {
		long road = checkpoint("xinhua", "规则卡口", "THREE_EIGHTS", 1);
		long gate = checkpoint("xinhua", "规则门岗", "DAYTIME", 1);
		String roadWeek = call("xinhua", post(API + "/checkpoints/" + road + "/roster?week=" + MONDAY), 200);
		String gateWeek = call("xinhua", post(API + "/checkpoints/" + gate + "/roster?week=" + MONDAY), 200);
		// the day shift on Monday at the road and its staff
		long mondayDay = shift(roadWeek, 0, 1);
		long onIt = ((Number) JsonPath.read(roadWeek, "$.grid[0][1].staff[0].id")).longValue();
		long gateMonday = shift(gateWeek, 0, 0);

		assertThat(detail(assign(gateMonday, onIt, 422))).contains("同一时间已在").contains("规则卡口");
		long eveningAfter = shift(roadWeek, 0, 2);
		String rest = detail(assign(eveningAfter, onIt, 422));
		assertThat(rest).contains("休息不足 8 小时");

		long newcomer = cadre();
		for (int day = 0; day < 4; day++) {
			assign(shift(gateWeek, day, 0), newcomer, 200);
		}
		assertThat(detail(assign(shift(gateWeek, 4, 0), newcomer, 422))).contains("超过 48 小时");

		long stranger = id(call("admin",
				post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"非值勤人员\",\"idNumber\":\"" + cn.huoxian.support.TestIdNumbers.fresh()
							+ "\",\"regionCode\":\"130902\"}"),
				201));
		assertThat(detail(assign(gateMonday, stranger, 422))).contains("不是本卡口值勤单位的人员");

		String below = call("xinhua", delete(API + "/shifts/" + mondayDay + "/staff/" + onIt), 422);
		assertThat(detail(below)).contains("不能少于 1 人");
		String unchanged = call("xinhua", get(API + "/checkpoints/" + road + "/roster?week=" + MONDAY), 200);
		assertThat(JsonPath.<List<Integer>>read(unchanged, "$.grid[0][1].staff[*].id")).containsExactly((int) onIt);
		// someone in place of another: both or neither
		long free = cadre();
		String replaced = call("xinhua",
				post(API + "/shifts/" + mondayDay + "/staff").contentType(MediaType.APPLICATION_JSON)
					.content("{\"personId\":" + free + ",\"replacesId\":" + onIt + "}"),
				200);
		assertThat(JsonPath.<List<Integer>>read(replaced, "$.staff[*].id")).containsExactly((int) free);
	}

	@Test
	void aSwapIsAskedAndAcceptedByThePeopleOnTheShifts() throws Exception {
		long checkpoint = checkpoint("xinhua", "换班卡口", "DAYTIME", 1);
		call("xinhua", post(API + "/checkpoints/" + checkpoint + "/roster?week=" + MONDAY), 200);
		long asker = cadres.get(0);
		String mine = call(accountOf.get(asker), get(API + "/shifts/mine"), 200);
		long own = ((Number) JsonPath.read(mine, "$[0].id")).longValue();
		String candidates = call(accountOf.get(asker), get(API + "/shifts/" + own + "/swap-candidates"), 200);
		List<Integer> people = JsonPath.read(candidates, "$[*].person.id");
		int index = -1;
		for (int i = 0; i < people.size(); i++) {
			if (accountOf.containsKey(people.get(i).longValue())) {
				index = i;
				break;
			}
		}
		assertThat(index).as("a colleague with an account on another shift").isNotNegative();
		long other = ((Number) JsonPath.read(candidates, "$[" + index + "].shift.id")).longValue();
		long colleague = people.get(index).longValue();
		String swap = call(accountOf.get(asker),
				post(API + "/swaps").contentType(MediaType.APPLICATION_JSON)
					.content("{\"shiftId\":" + own + ",\"otherShiftId\":" + other + ",\"otherPersonId\":" + colleague
							+ ",\"note\":\"家中有事\"}"),
				201);
		long swapId = id(swap);
		// only the colleague answers; the asker only withdraws
		call(accountOf.get(asker), post(API + "/swaps/" + swapId + "/accept"), 404);
		call("xinhua", post(API + "/swaps/" + swapId + "/accept"), 404);
		assertThat(
				JsonPath.<List<Integer>>read(call(accountOf.get(colleague), get(API + "/swaps/mine"), 200), "$[*].id"))
			.contains((int) swapId);
		String accepted = call(accountOf.get(colleague), post(API + "/swaps/" + swapId + "/accept"), 200);
		assertThat((String) JsonPath.read(accepted, "$.status")).isEqualTo("ACCEPTED");
		assertThat(JsonPath.<List<Integer>>read(accepted, "$.shift.staff[*].id")).contains((int) colleague)
			.doesNotContain((int) asker);
		assertThat(JsonPath.<List<Integer>>read(accepted, "$.otherShift.staff[*].id")).contains((int) asker)
			.doesNotContain((int) colleague);
		call(accountOf.get(colleague), post(API + "/swaps/" + swapId + "/decline"), 422);
	}

	@Test
	void aClosedLogCompletesTheShiftIntoTheRecordTheReportAndTheHeadline() throws Exception {
		long checkpoint = checkpoint("xinhua", "日志卡口", "DAYTIME", 1);
		String week = call("xinhua", post(API + "/checkpoints/" + checkpoint + "/roster?week=" + MONDAY), 200);
		long monday = shift(week, 0, 0);
		long on = ((Number) JsonPath.read(week, "$.grid[0][0].staff[0].id")).longValue();
		String log = "{\"onDutyAt\":\"2026-03-16T07:55:00+08:00\",\"offDutyAt\":\"2026-03-16T18:05:00+08:00\","
				+ "\"vehicles\":120,\"people\":300,\"turnedBack\":7,\"temperatureReferred\":1,\"handover\":\"体温枪电量低\"}";
		// before it ends the off-duty time lies in the future
		clock.set(Instant.parse("2026-03-16T05:00:00Z"));
		assertThat(field(call("xinhua",
				put(API + "/shifts/" + monday + "/log").contentType(MediaType.APPLICATION_JSON).content(log), 400)))
			.isEqualTo("offDutyAt");
		clock.set(Instant.parse("2026-03-16T10:30:00Z"));
		String headline = call("admin", get("/api/v1/stats/headline?region=130902"), 200);
		assertThat(((Number) JsonPath.read(headline, "$.shiftsToday")).longValue()).isPositive();
		String writer = accountOf.getOrDefault(on, "xinhua");
		String written = call(writer,
				put(API + "/shifts/" + monday + "/log").contentType(MediaType.APPLICATION_JSON).content(log), 200);
		assertThat((Integer) JsonPath.read(written, "$.turnedBack")).isEqualTo(7);
		String read = call("xinhua", get(API + "/checkpoints/" + checkpoint + "/roster?week=" + MONDAY), 200);
		assertThat((Boolean) JsonPath.read(read, "$.grid[0][0].completed")).isTrue();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> db.fetchExists(RECORD_ENTRY,
					RECORD_ENTRY.PERSON_ID.eq(on)
						.and(RECORD_ENTRY.KIND.eq("SHIFT_COMPLETED"))
						.and(RECORD_ENTRY.SOURCE_ID.eq(String.valueOf(monday)))));
		// the daily report of the region holding the checkpoint counts the shift and its
		// passages (a community's report counts the checkpoints within it)
		Map<String, Long> figures = new HashMap<>();
		reportFigures.addTo(figures, cn.huoxian.shared.RegionPath.of("/130900/130902/"), LocalDate.of(2026, 3, 16));
		assertThat(figures.get("shiftsCompleted")).isPositive();
		assertThat(figures.get("checkpointPassages")).isGreaterThanOrEqualTo(420);
		assertThat(figures.get("checkpointTurnedBack")).isGreaterThanOrEqualTo(7);
		// a second write corrects the log without completing twice
		call(writer, put(API + "/shifts/" + monday + "/log").contentType(MediaType.APPLICATION_JSON)
			.content(log.replace("\"turnedBack\":7", "\"turnedBack\":8")), 200);
		assertThat(
				(Integer) JsonPath.read(call("xinhua", get(API + "/shifts/" + monday + "/log"), 200), "$.turnedBack"))
			.isEqualTo(8);
		var response = mvc
			.perform(as(mvc, "xinhua", get(API + "/checkpoints/" + checkpoint + "/logs.xlsx?week=" + MONDAY)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		List<List<String>> rows = new ArrayList<>();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(response.getContentAsByteArray()));
				var stream = workbook.getFirstSheet().openStream()) {
			stream.forEach(row -> rows.add(row.stream().map(c -> c == null ? "" : c.getText()).toList()));
		}
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains("体温枪电量低", "8", "120", "300");
		var roster = mvc
			.perform(as(mvc, "xinhua", get(API + "/checkpoints/" + checkpoint + "/roster.xlsx?week=" + MONDAY)))
			.andReturn()
			.getResponse();
		assertThat(roster.getStatus()).isEqualTo(200);
		assertThat(roster.getHeader("Content-Disposition")).contains("roster-" + checkpoint + "-20260316.xlsx");
	}

	@Test
	void checkpointsAndTheirShiftsAreReadAndChangedOnlyInScope() throws Exception {
		long ours = checkpoint("xinhua", "范围卡口", "DAYTIME", 1);
		String week = call("xinhua", post(API + "/checkpoints/" + ours + "/roster?week=" + MONDAY), 200);
		long shift = shift(week, 0, 0);
		String other = Api.regionStaff(accounts, "130903");
		call(other, get(API + "/checkpoints/" + ours), 404);
		call(other, get(API + "/checkpoints/" + ours + "/roster?week=" + MONDAY), 404);
		call(other, post(API + "/checkpoints/" + ours + "/roster?week=" + MONDAY), 404);
		call(other, post(API + "/shifts/" + shift + "/staff").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + cadres.get(0) + "}"), 404);
		call(other, put(API + "/shifts/" + shift + "/log").contentType(MediaType.APPLICATION_JSON)
			.content("{\"onDutyAt\":\"2026-03-16T08:00:00+08:00\"}"), 404);
		call(other, get(API + "/checkpoints/" + ours + "/roster.xlsx"), 404);
		assertThat(JsonPath.<List<Integer>>read(call(other, get(API + "/checkpoints?region=130903"), 200),
				"$.items[*].id"))
			.doesNotContain((int) ours);
		assertThat(JsonPath.<List<Integer>>read(call(other, get(API + "/gaps"), 200), "$.items[*].checkpointId"))
			.doesNotContain((int) ours);
		// a party member reads their own shifts, sets nothing up
		String member = accountOf.get(cadres.get(0));
		call(member,
				post(API + "/checkpoints").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"自设卡口\",\"kind\":\"ROAD\",\"regionCode\":\"130902\",\"unitIds\":[" + unit
							+ "],\"minStaff\":1}"),
				404);
		assertThat(field(call("xinhua",
				post(API + "/checkpoints").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\" \",\"kind\":\"ROAD\",\"regionCode\":\"130902\",\"unitIds\":[" + unit
							+ "],\"minStaff\":1}"),
				400)))
			.isEqualTo("name");
		assertThat(field(call("xinhua", post(API + "/checkpoints").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"无单位\",\"kind\":\"ROAD\",\"regionCode\":\"130902\",\"unitIds\":[],\"minStaff\":1}"),
				400)))
			.isEqualTo("unitIds");
		assertThat(field(call("xinhua",
				post(API + "/checkpoints").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"错类型\",\"kind\":\"BRIDGE\",\"regionCode\":\"130902\",\"unitIds\":[" + unit
							+ "],\"minStaff\":1}"),
				400)))
			.isEqualTo("kind");
	}

	private static String detail(String problem) {
		return JsonPath.read(problem, "$.detail");
	}

	private static String field(String problem) {
		return JsonPath.read(problem, "$.errors[0].field");
	}

}
