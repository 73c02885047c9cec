package cn.huoxian.reporting;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15: a village's or community's daily report — prefilled from the records, on time
 * by the deadline and locked after its grace on the Asia/Shanghai day, reopened by the
 * level above with a reason, the same content resubmitted changing nothing — and its
 * roll-up, equal at every level to a recount of the reports under it.
 */
@SqlTest
@Import(TestClock.Config.class)
class DailyReportTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	/** 11:00 on 10 March 2026 in Shanghai: before the 16:00 deadline. */
	private static final Instant MORNING = Instant.parse("2026-03-10T03:00:00Z");

	private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	private static final String API = "/api/v1/reports/daily/";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	DailyReports reports;

	@Autowired
	TestClock clock;

	@Autowired
	cn.huoxian.screening.Campaigns campaigns;

	String township;

	List<String> communities;

	String communityStaff;

	String townshipStaff;

	@BeforeEach
	void setUp() throws Exception {
		township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "报送街道", "130903"), ADMIN);
		communities = List.of(township.substring(0, 9) + "001", township.substring(0, 9) + "002",
				township.substring(0, 9) + "003");
		for (int i = 0; i < communities.size(); i++) {
			regions.create(new RegionForm(communities.get(i), "报送社区" + (i + 1), township), ADMIN);
		}
		communityStaff = account(communities.get(0));
		townshipStaff = account(township);
		for (String user : List.of("admin", "xinhua", "grid01", communityStaff, townshipStaff)) {
			Api.token(mvc, user);
		}
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private String account(String region) {
		return Api.regionStaff(accounts, region);
	}

	private String call(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(as(mvc, user, request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private String submit(String user, String community, LocalDate day, String body, int expected) throws Exception {
		return call(user, put(API + community + "/" + day).contentType(MediaType.APPLICATION_JSON).content(body),
				expected);
	}

	private static final String ZERO = "{\"zero\":true}";

	@Test
	void aReportIsPrefilledFromTheRecordsAndTheSameContentAgainChangesNothing() throws Exception {
		String community = communities.get(0);
		long person = person(community);
		clock.set(MORNING);
		call("admin", post("/api/v1/isolation/cases").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + person + ",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\""
					+ ",\"startDate\":\"" + DAY + "\",\"contactTime\":\"09:30\",\"responsibleIds\":[" + person + "]}"),
				201);

		String draft = call(communityStaff, get(API + community + "/" + DAY), 200);
		assertThat((String) JsonPath.read(draft, "$.status")).isEqualTo("NOT_SUBMITTED");
		assertThat(figure(draft, "isolationActive", "prefilled")).isEqualTo(1);
		assertThat(figure(draft, "isolationNotContacted", "prefilled")).isEqualTo(1);
		assertThat(figure(draft, "householdsCovered", "prefilled")).isZero();

		String first = submit(communityStaff, community, DAY, ZERO, 200);
		assertThat((Boolean) JsonPath.read(first, "$.onTime")).isTrue();
		assertThat((Integer) JsonPath.read(first, "$.version")).isEqualTo(1);
		assertThat(figure(first, "isolationActive", "reported")).isEqualTo(1);
		String again = submit(communityStaff, community, DAY, ZERO, 200);
		assertThat((Integer) JsonPath.read(again, "$.version")).isEqualTo(1);
		assertThat(JsonPath.<List<?>>read(again, "$.history")).hasSize(1);

		String unexplained = submit(communityStaff, community, DAY,
				"{\"zero\":false,\"figures\":{\"isolationActive\":{\"value\":2}},\"newConfirmed\":1}", 400);
		assertThat((String) JsonPath.read(unexplained, "$.errors[0].field")).isEqualTo("figures.isolationActive");
		assertThat((String) JsonPath.read(unexplained, "$.errors[0].reason")).contains("居家隔离人数").contains("1");
		String corrected = submit(communityStaff, community, DAY,
				"{\"zero\":false,\"figures\":{\"isolationActive\":{\"value\":2,\"note\":\"另有一人今早转入\"}},"
						+ "\"newConfirmed\":1,\"helpNeeded\":\"缺体温枪\"}",
				200);
		assertThat((Integer) JsonPath.read(corrected, "$.version")).isEqualTo(2);
		assertThat(figure(corrected, "isolationActive", "reported")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(corrected, "$.history[*].action")).containsExactly("SUBMITTED",
				"RESUBMITTED");
		String rollup = call("xinhua", get(API + "rollup?region=" + township + "&date=" + DAY), 404);
		assertThat(rollup).isNotEmpty();
		rollup = call(townshipStaff, get(API + "rollup?region=" + township + "&date=" + DAY), 200);
		assertThat((Integer) JsonPath.read(rollup, "$.expected")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(rollup, "$.submitted")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(rollup, "$.totals.isolationActive")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(rollup, "$.totals.newConfirmed")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(rollup, "$.totals.helpNeeded")).isEqualTo(1);
		assertThat(JsonPath.<List<String>>read(rollup, "$.children[*].region")).containsExactlyElementsOf(communities);
		String missing = call(townshipStaff, get(API + "missing?region=" + township + "&date=" + DAY), 200);
		assertThat(JsonPath.<List<String>>read(missing, "$.items[*].region")).containsExactly(communities.get(1),
				communities.get(2));
		assertThat(JsonPath.<List<String>>read(missing, "$.items[*].township")).containsOnly("报送街道");
	}

	@Test
	void afterTheDeadlineAReportIsLateAndAfterItsGraceOnlyTheLevelAboveReopensIt() throws Exception {
		String community = communities.get(1);
		clock.set(Instant.parse("2026-03-10T08:30:00Z")); // 16:30 in Shanghai
		assertThat((Boolean) JsonPath.read(submit(townshipStaff, community, DAY, ZERO, 200), "$.onTime")).isFalse();
		clock.set(Instant.parse("2026-03-10T10:01:00Z")); // 18:01: past the two hours'
															// grace
		String body = "{\"zero\":false,\"newSuspected\":1}";
		assertThat((String) JsonPath.read(submit(townshipStaff, community, DAY, body, 422), "$.detail"))
			.contains("报送社区2");
		assertThat((Boolean) JsonPath.read(call(townshipStaff, get(API + community + "/" + DAY), 200), "$.locked"))
			.isTrue();
		String other = communities.get(2);
		submit(townshipStaff, other, DAY, ZERO, 422);

		String reopen = API + community + "/" + DAY + "/reopen";
		String ownCommunity = account(community);
		Api.token(mvc, ownCommunity);
		call(ownCommunity, post(reopen).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"漏报\"}"), 403);
		call(townshipStaff, post(reopen).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"), 400);
		String reopened = call(townshipStaff,
				post(reopen).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"新增疑似漏报\"}"), 200);
		assertThat((String) JsonPath.read(reopened, "$.status")).isEqualTo("REOPENED");
		String resubmitted = submit(ownCommunity, community, DAY, body, 200);
		assertThat((String) JsonPath.read(resubmitted, "$.status")).isEqualTo("SUBMITTED");
		assertThat((Boolean) JsonPath.read(resubmitted, "$.onTime")).as("late the first time").isFalse();
		assertThat(JsonPath.<List<String>>read(resubmitted, "$.history[*].reason")).contains("新增疑似漏报");
		submit(ownCommunity, community, DAY, ZERO, 422);
	}

	@Test
	void aReportIsRefusedClearlyAndNothingIsWritten() throws Exception {
		String community = communities.get(2);
		clock.set(MORNING);
		assertThat(field(submit(communityStaff, communities.get(0), DAY.plusDays(1), ZERO, 400))).isEqualTo("date");
		assertThat(field(submit("admin", township, DAY, ZERO, 400))).isEqualTo("regionCode");
		assertThat(field(submit("admin", community, DAY, "{\"figures\":{\"nonsense\":{\"value\":1}}}", 400)))
			.isEqualTo("figures.nonsense");
		assertThat(field(submit("admin", community, DAY,
				"{\"figures\":{\"residentsFlagged\":{\"value\":-1,\"note\":\"x\"}}}", 400)))
			.isEqualTo("figures.residentsFlagged");
		assertThat(field(submit("admin", community, DAY, "{\"zero\":true,\"newConfirmed\":2}", 400))).isEqualTo("zero");
		submit("admin", community, DAY, "{\"zero\":\"perhaps\"}", 400);
		call("admin", put(API + community + "/yesterday").contentType(MediaType.APPLICATION_JSON).content(ZERO), 400);
		// outside the scope: answered as if the community did not exist
		submit("xinhua", community, DAY, ZERO, 404);
		submit("grid01", community, DAY, ZERO, 404);
		submit("admin", "130903999999", DAY, ZERO, 404);
		assertThat((String) JsonPath.read(call("admin", get(API + community + "/" + DAY), 200), "$.status"))
			.isEqualTo("NOT_SUBMITTED");
		assertThat(reports.tally(regions.byCode(community).orElseThrow().path(), DAY)).isEmpty();
	}

	@Test
	void theRollUpAtEveryLevelEqualsARecountAfterRandomSubmissions() throws Exception {
		SplittableRandom random = new SplittableRandom(15);
		List<LocalDate> days = List.of(DAY.minusDays(1), DAY);
		// the day before in the morning, then this day before, after the deadline and
		// after the grace: reports on time, late, refused and reopened
		List<Instant> times = List.of(Instant.parse("2026-03-09T02:00:00Z"), Instant.parse("2026-03-10T07:00:00Z"),
				Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T11:00:00Z"));
		int answered = 0;
		for (Instant time : times) {
			clock.set(time);
			for (int step = 0; step < 15; step++) {
				String community = communities.get(random.nextInt(communities.size()));
				LocalDate day = days.get(random.nextInt(days.size()));
				String url = API + community + "/" + day;
				var request = switch (random.nextInt(4)) {
					case 0 -> put(url).contentType(MediaType.APPLICATION_JSON).content(ZERO);
					case 1, 2 -> put(url).contentType(MediaType.APPLICATION_JSON)
						.content("{\"newConfirmed\":" + random.nextInt(3) + ",\"newSuspected\":" + random.nextInt(3)
								+ (random.nextBoolean() ? ",\"helpNeeded\":\"口罩\"" : "") + "}");
					default ->
						post(url + "/reopen").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对\"}");
				};
				int status = mvc.perform(as(mvc, townshipStaff, request)).andReturn().getResponse().getStatus();
				// a future day (400), locked (422), not yet submitted to reopen (404)
				assertThat(status).isIn(200, 400, 404, 422);
				answered += status == 200 ? 1 : 0;
			}
		}
		assertThat(answered).as("the sequence changed something").isGreaterThan(10);
		RegionPath townshipPath = regions.byCode(township).orElseThrow().path();
		for (LocalDate day : days) {
			for (RegionPath path : townshipPath.withAncestors()) {
				assertThat(nonZero(reports.tally(path, day))).as(path + " " + day)
					.isEqualTo(reports.recount(path, day));
			}
			for (String community : communities) {
				RegionPath path = regions.byCode(community).orElseThrow().path();
				assertThat(nonZero(reports.tally(path, day))).as(community + " " + day)
					.isEqualTo(reports.recount(path, day));
			}
		}
		assertThat(reports.recount(townshipPath, DAY)).as("the sequence submitted something").isNotEmpty();
	}

	@Test
	void theRollUpDownloadsAsOneRowPerRegionBelowWithATotalsRowAndPrintsOnA4() throws Exception {
		clock.set(MORNING);
		submit(townshipStaff, communities.get(0), DAY, ZERO, 200);
		submit(townshipStaff, communities.get(1), DAY, "{\"newSuspected\":2,\"helpNeeded\":\"缺消毒液\"}", 200);
		var response = mvc.perform(as(mvc, townshipStaff, get(API + "rollup.xlsx?region=" + township + "&date=" + DAY)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("daily-report-" + township + "-20260310.xlsx");
		List<List<String>> rows = new java.util.ArrayList<>();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(row -> rows.add(row.stream().map(c -> c == null ? "" : c.getText()).toList()));
			}
		}
		assertThat(rows).hasSize(1 + communities.size() + 1);
		List<String> header = rows.get(0);
		assertThat(header.get(0)).isEqualTo("名称");
		int suspected = header.indexOf("新增疑似");
		int state = header.indexOf("状态");
		assertThat(rows.get(1)).startsWith("报送社区1", "1", "1", "1", "0");
		assertThat(rows.get(2).get(suspected)).isEqualTo("2");
		assertThat(rows.get(3).get(state)).isEqualTo("尚缺 1 个");
		assertThat(rows.get(4)).startsWith("报送街道合计", "3", "2", "2", "1");
		assertThat(rows.get(4).get(suspected)).isEqualTo("2");
		call("xinhua", get(API + "rollup.xlsx?region=" + township + "&date=" + DAY), 404);
		String print = mvc
			.perform(get("/reports/daily/print").param("region", township)
				.param("date", DAY.toString())
				.session(cn.huoxian.support.Pages.login(mvc, townshipStaff)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(print).contains("id=\"print-rollup\"").contains("报送街道合计").contains("尚缺 1 个");
	}

	@Test
	void householdsScreenedTodayIsAFigurePerOpenCampaignNamedAfterIt() throws Exception {
		clock.set(MORNING);
		var campaign = campaigns.create(
				new cn.huoxian.screening.CampaignForm("报送专项排查", township, DAY, DAY.plusDays(3), java.util.Set.of()),
				ADMIN);
		String name = "householdsCoveredToday-" + campaign.id();
		String none = call(townshipStaff, get(API + "rollup?region=" + township + "&date=" + DAY), 200);
		assertThat(((Number) JsonPath.read(none, "$.totals['" + name + "']")).longValue())
			.as("an open campaign's figure reads 0 before anything is reported")
			.isZero();
		String community = communities.get(0);
		String draft = call(communityStaff, get(API + community + "/" + DAY), 200);
		assertThat(figure(draft, name, "prefilled")).isZero();
		assertThat(JsonPath.<List<String>>read(draft, "$.figures[*].name")).doesNotContain("householdsCoveredToday");
		submit(communityStaff, community, DAY, "{\"figures\":{\"" + name + "\":{\"value\":40,\"note\":\"纸质登记补录\"}}}",
				200);
		submit(townshipStaff, communities.get(1), DAY, "{\"figures\":{\"" + name + "\":{\"value\":2,\"note\":\"补录\"}}}",
				200);
		String rollup = call(townshipStaff, get(API + "rollup?region=" + township + "&date=" + DAY), 200);
		assertThat(((Number) JsonPath.read(rollup, "$.totals['" + name + "']")).longValue()).isEqualTo(42);
		String county = call("admin", get(API + "rollup?region=130903&date=" + DAY), 200);
		assertThat(((Number) JsonPath.read(county, "$.totals['" + name + "']")).longValue()).isEqualTo(42);

		String unexplained = submit(communityStaff, community, DAY, "{\"figures\":{\"" + name + "\":{\"value\":41}}}",
				400);
		assertThat((String) JsonPath.read(unexplained, "$.errors[0].reason")).contains("今日排查户数（报送专项排查）");
		byte[] xlsx = mvc.perform(as(mvc, townshipStaff, get(API + "rollup.xlsx?region=" + township + "&date=" + DAY)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
				var stream = workbook.getFirstSheet().openStream()) {
			List<String> header = stream.findFirst()
				.orElseThrow()
				.stream()
				.map(c -> c == null ? "" : c.getText())
				.toList();
			assertThat(header).contains("今日排查户数（报送专项排查）").doesNotContain("今日排查户数");
			assertThat(header.indexOf("今日排查户数（报送专项排查）")).as("first, in the offices' order")
				.isLessThan(header.indexOf("已排查户数"));
		}
	}

	private static Map<String, Long> nonZero(Map<String, Long> tally) {
		Map<String, Long> kept = new TreeMap<>(tally);
		kept.values().removeIf(v -> v == 0);
		return kept;
	}

	private static String field(String problem) {
		return JsonPath.read(problem, "$.errors[0].field");
	}

	private static long figure(String report, String name, String part) {
		List<Number> values = JsonPath.read(report, "$.figures[?(@.name == '" + name + "')]." + part);
		assertThat(values).as(name).hasSize(1);
		return values.get(0).longValue();
	}

	/** A new resident registered in the community (no household). */
	private long person(String community) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String body = call("admin", post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"报送居民\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + community + "\"}"),
				201);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

}
