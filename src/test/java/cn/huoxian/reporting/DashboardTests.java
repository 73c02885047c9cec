package cn.huoxian.reporting;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the command dashboard — a region's figures now with their trends from the
 * daily snapshots, the regions below to drill into, in scope; its live part shows a
 * report the moment it is submitted.
 */
@SqlTest
@org.springframework.context.annotation.Import(cn.huoxian.support.TestClock.Config.class)
class DashboardTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	Dashboard dashboard;

	@Autowired
	DSLContext db;

	@Autowired
	cn.huoxian.support.TestClock clock;

	@org.junit.jupiter.api.AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private String json(String user, String url, int expected) throws Exception {
		var response = mvc.perform(as(mvc, user, get(url))).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	@Test
	void aRegionsFiguresCarryTheirTrendFromTheDailySnapshots() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String view = json("xinhua", "/api/v1/stats/dashboard?region=130902", 200);
		assertThat(JsonPath.<List<String>>read(view, "$.figures[*].name")).contains("reportsSubmitted",
				"reportsExpected", "deployedLeadingCadres", "supplyRequestsOpen", "isolation_figure_overdue");
		assertThat(JsonPath.<List<String>>read(view, "$.children[*].region")).isNotEmpty()
			.allMatch(code -> code.startsWith("130902"));
		// a township: the demo fills the past days of the city and its counties
		String code = JsonPath.read(view, "$.children[0].region");
		String townshipView = json("xinhua", "/api/v1/stats/dashboard?region=" + code, 200);
		long cadres = ((Number) JsonPath
			.<List<Object>>read(townshipView, "$.figures[?(@.name == 'deployedLeadingCadres')].value")
			.get(0)).longValue();

		var township = regions.byCode(code).orElseThrow();
		dashboard.record(township, today.minusDays(3), Map.of("deployedLeadingCadres", cadres - 5));
		dashboard.record(township, today.minusDays(40), Map.of("deployedLeadingCadres", 1L));
		String trend = json("xinhua", "/api/v1/stats/trend?region=" + code + "&figure=deployedLeadingCadres&days=30",
				200);
		assertThat(JsonPath.<List<String>>read(trend, "$[*].date")).containsExactly(today.minusDays(3).toString(),
				today.toString());
		assertThat(JsonPath.<List<Integer>>read(trend, "$[*].value")).map(Integer::longValue)
			.containsExactly(cadres - 5, cadres);

		int written = dashboard.snapshot();
		assertThat(written).isGreaterThan(17);
		Long stored = db.select(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_VALUE)
			.from(cn.huoxian.db.Tables.DAILY_FIGURE)
			.where(cn.huoxian.db.Tables.DAILY_FIGURE.PATH.eq(township.path().value())
				.and(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE.eq("deployedLeadingCadres"))
				.and(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_DAY.eq(today)))
			.fetchOne(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_VALUE);
		assertThat(stored).isEqualTo(cadres);
	}

	@Test
	void theDashboardIsAnsweredInScopeAndRefusesWhatItCannotShow() throws Exception {
		json("xinhua", "/api/v1/stats/dashboard?region=130903", 404);
		json("xinhua", "/api/v1/stats/trend?region=130903&figure=reportsSubmitted", 404);
		String unknown = json("xinhua", "/api/v1/stats/trend?region=130902&figure=nonsense", 400);
		assertThat((String) JsonPath.read(unknown, "$.errors[0].field")).isEqualTo("figure");
		json("xinhua", "/api/v1/stats/trend?region=130902&figure=reportsSubmitted&days=0", 400);
		json("xinhua", "/api/v1/stats/dashboard?region=130902&days=400", 400);
	}

	@Test
	void theLivePartShowsAReportTheMomentItIsIn() throws Exception {
		String township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "驾驶舱街道", "130903"), ADMIN);
		String community = township.substring(0, 9) + "001";
		regions.create(new RegionForm(community, "驾驶舱社区", township), ADMIN);
		var session = login(mvc, "admin");
		cn.huoxian.support.Api.token(mvc, "admin");
		// 11:00 in Shanghai: the day's reports are open
		clock.set(java.time.Instant.parse("2026-03-10T03:00:00Z"));
		String before = mvc.perform(get("/dashboard/live").param("region", township).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(figure(before, "reportsSubmitted")).isEqualTo("0");
		assertThat(figure(before, "reportsExpected")).isEqualTo("1");
		mvc.perform(as(mvc, "admin",
				put("/api/v1/reports/daily/" + community + "/2026-03-10").contentType(MediaType.APPLICATION_JSON)
					.content("{\"zero\":true}")))
			.andReturn();
		String after = mvc.perform(get("/dashboard/live").param("region", township).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("id=\"dashboard-live\"").contains("hx-trigger=\"every 4s\"");
		assertThat(figure(after, "reportsSubmitted")).as("unless the day's reports are locked by now").isIn("1", "0");
		String page = mvc.perform(get("/dashboard").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("指挥驾驶舱").contains("id=\"dashboard-chart\"").contains("class=\"drill\"");
		String county = mvc.perform(get("/dashboard/live").param("region", "130903").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the township's row among the county's regions shows its report
		var row = java.util.regex.Pattern
			.compile("id=\"dashboard-child-" + township + "\">(.*?)</tr>", java.util.regex.Pattern.DOTALL)
			.matcher(county);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1).replaceAll("<[^>]+>", " ").trim().split("\\s+")).startsWith("驾驶舱街道", "1", "1");
	}

	/**
	 * Every figure of the dashboard, and the snapshot the trends keep, equals a recount
	 * from the records: people in isolation today, each open campaign's households
	 * covered and residents flagged; a new isolation case shows within 5 s.
	 */
	@Test
	void theFiguresAndTheirSnapshotEqualARecountAndMoveWithinFiveSeconds() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		String under = "/130900/130902/%";
		String view = json("xinhua", "/api/v1/stats/dashboard?region=130902", 200);
		long active = value(view, "isolation_figure_active");
		assertThat(active).isEqualTo(activeIsolation(under, today));
		List<Map<String, Object>> campaigns = JsonPath.read(view, "$.campaigns");
		long flagged = 0;
		for (Map<String, Object> c : campaigns) {
			long id = ((Number) c.get("campaignId")).longValue();
			var counted = db
				.select(DSL.count(), DSL.coalesce(DSL.sum(cn.huoxian.db.Tables.SCREENING_HOUSEHOLD.FLAGGED), 0))
				.from(cn.huoxian.db.Tables.SCREENING_HOUSEHOLD)
				.where(cn.huoxian.db.Tables.SCREENING_HOUSEHOLD.CAMPAIGN_ID.eq(id)
					.and(cn.huoxian.db.Tables.SCREENING_HOUSEHOLD.PATH.like(under))
					.and(cn.huoxian.db.Tables.SCREENING_HOUSEHOLD.COVERED.isTrue()))
				.fetchOne();
			assertThat(((Number) c.get("covered")).longValue()).as("campaign " + id)
				.isEqualTo(counted.value1().longValue());
			flagged += ((Number) c.get("flagged")).longValue();
		}
		assertThat(value(view, "residentsFlagged")).isEqualTo(flagged);

		dashboard.snapshot();
		var xinhua = regions.byCode("130902").orElseThrow();
		Map<String, Long> stored = db
			.select(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE, cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_VALUE)
			.from(cn.huoxian.db.Tables.DAILY_FIGURE)
			.where(cn.huoxian.db.Tables.DAILY_FIGURE.PATH.eq(xinhua.path().value())
				.and(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_DAY.eq(today)))
			.fetchMap(cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE, cn.huoxian.db.Tables.DAILY_FIGURE.FIGURE_VALUE);
		assertThat(stored.get("isolation_figure_active")).isEqualTo(activeIsolation(under, today));
		for (Map<String, Object> c : campaigns) {
			assertThat(stored.get("campaignCovered_" + c.get("campaignId")))
				.isEqualTo(((Number) c.get("covered")).longValue());
		}

		long person = db.select(cn.huoxian.db.Tables.PERSON.ID)
			.from(cn.huoxian.db.Tables.PERSON)
			.where(cn.huoxian.db.Tables.PERSON.PATH.like(under))
			.and(cn.huoxian.db.Tables.PERSON.ID.notIn(DSL.select(cn.huoxian.db.Tables.ISOLATION_CASE.PERSON_ID)
				.from(cn.huoxian.db.Tables.ISOLATION_CASE)))
			.orderBy(cn.huoxian.db.Tables.PERSON.ID)
			.limit(1)
			.fetchOne(cn.huoxian.db.Tables.PERSON.ID);
		var started = mvc
			.perform(as(mvc, "xinhua",
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/isolation/cases")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"personId\":" + person + ",\"type\":\"HOME_ISOLATION\",\"reason\":\"CLOSE_CONTACT\""
								+ ",\"startDate\":\"" + today + "\",\"responsibleIds\":[" + person + "]}")))
			.andReturn()
			.getResponse();
		assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(201);
		long deadline = System.nanoTime() + 5_000_000_000L;
		long seen = active;
		while (seen == active && System.nanoTime() < deadline) {
			Thread.sleep(200);
			seen = value(json("xinhua", "/api/v1/stats/dashboard?region=130902", 200), "isolation_figure_active");
		}
		assertThat(seen).as("a new case within 5 s").isEqualTo(active + 1);
	}

	/**
	 * Today's recount from the records (what fills past days' trends) equals the figures
	 * the modules keep, figure by figure; a backfill gives the trends their past days.
	 */
	@Test
	void todaysRecountEqualsTheKeptFiguresAndABackfillFillsThePastDays() throws Exception {
		LocalDate today = LocalDate.now(BusinessDay.ZONE);
		// a count kept from before another test's change is served up to a second
		Thread.sleep(1_100);
		var xinhua = regions.byCode("130902").orElseThrow();
		Map<String, Long> kept = dashboard.current(xinhua, today, cn.huoxian.shared.DataScope.ofRegions(xinhua.path()));
		Map<String, Long> recounted = dashboard.recount(xinhua, today, today).get(today);
		assertThat(recounted).containsKeys("reportsSubmitted", "reportsOnTime", "reportsExpected",
				"deployedLeadingCadres", "commandoMembers", "supplyRequestsOpen", "isolation_figure_active",
				"isolation_figure_overdue");
		assertThat(kept.keySet().stream().filter(k -> k.startsWith("campaignCovered_")))
			.allMatch(recounted::containsKey);
		recounted.forEach((name, value) -> assertThat(value).as(name).isEqualTo(kept.get(name)));

		assertThat(dashboard.backfill(3)).isGreaterThanOrEqualTo(3 * 2);
		String trend = json("xinhua", "/api/v1/stats/trend?region=130902&figure=isolation_figure_active&days=4", 200);
		assertThat(JsonPath.<List<String>>read(trend, "$[*].date")).containsExactly(today.minusDays(3).toString(),
				today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
		List<Integer> values = JsonPath.read(trend, "$[*].value");
		for (int back = 1; back <= 3; back++) {
			LocalDate day = today.minusDays(back);
			assertThat(values.get(3 - back).longValue()).as(day.toString())
				.isEqualTo(dashboard.recount(xinhua, day, day).get(day).get("isolation_figure_active"));
		}
	}

	private long activeIsolation(String under, LocalDate day) {
		var c = cn.huoxian.db.Tables.ISOLATION_CASE;
		return db.fetchCount(c,
				c.PATH.like(under)
					.and(c.STATUS.in("ACTIVE", "EXTENDED"))
					.and(c.START_DATE.le(day))
					.and(c.END_DATE.ge(day)));
	}

	private static long value(String view, String figure) {
		return ((Number) JsonPath.<List<Object>>read(view, "$.figures[?(@.name == '" + figure + "')].value").get(0))
			.longValue();
	}

	/** The value a figure's tile shows. */
	private static String figure(String html, String name) {
		var m = java.util.regex.Pattern
			.compile("id=\"figure-" + name + "\">.*?class=\"tile-value\">([\\d,]+)<", java.util.regex.Pattern.DOTALL)
			.matcher(html);
		return m.find() ? m.group(1).replace(",", "") : "missing";
	}

}
