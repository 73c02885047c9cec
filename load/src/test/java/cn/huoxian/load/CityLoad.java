package cn.huoxian.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A city's staff at work (issue 13): each virtual user loops until the end of the run,
 * doing one thing and then thinking 0.5–1.5 s. A fixed population (closed model) that
 * starts over the ramp. What each does, by share of iterations: the tree's regions and
 * children, person search by surname in a county and lookup by ID number, a grid's
 * households, headline figures, coverage and blind spots, a batch of 10 visits, and the
 * HTML tree page with its scripts and styles (about 8 %).
 */
public class CityLoad extends Simulation {

	private static final Settings SETTINGS = Settings.fromSystem();

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String[] ALL_LEVELS = { "CITY", "COUNTY", "TOWNSHIP", "VILLAGE", "GRID" };

	private static final String[] WITH_CHILDREN = { "CITY", "COUNTY", "TOWNSHIP", "VILLAGE" };

	private final TestData data = discover();

	private final ServerSampler sampler = new ServerSampler(SETTINGS);

	private volatile long deadline = Long.MAX_VALUE;

	private long started;

	private final Calls calls = new Calls();

	private final HttpProtocolBuilder protocol = http.baseUrl(SETTINGS.base())
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.acceptEncodingHeader("gzip, deflate")
		.userAgentHeader("Mozilla/5.0 (huoxian-load; Gatling)");

	private final ChainBuilder tree = region(ALL_LEVELS)
		.exec(apiGet("tree: region", "/api/v1/regions/#{region}", r -> r));

	private final ChainBuilder children = region(WITH_CHILDREN)
		.exec(apiGet("tree: children", "/api/v1/regions/#{region}/children", r -> r));

	private final ChainBuilder search = exec(session -> {
		TestData.Surname name = TestData.pick(data.surnames());
		return session.set("county", name.county()).set("surname", name.surname());
	}).exec(apiGet("person search: surname in a county", "/api/v1/persons",
			r -> r.queryParam("region", "#{county}").queryParam("q", "#{surname}").queryParam("size", "20")));

	private final ChainBuilder byIdNumber = exec(session -> session.set("idNumber", TestData.pick(data.idNumbers())))
		.exec(apiGet("person by ID number", "/api/v1/persons", r -> r.queryParam("q", "#{idNumber}"),
				jmesPath("total").ofInt().is(1)));

	private final ChainBuilder households = region("GRID").exec(apiGet("households of a grid", "/api/v1/households",
			r -> r.queryParam("region", "#{region}").queryParam("size", "50")));

	private final ChainBuilder headline = region("CITY", "COUNTY", "TOWNSHIP")
		.exec(apiGet("headline figures", "/api/v1/stats/headline", r -> r.queryParam("region", "#{region}")));

	private final ChainBuilder coverage = region(ALL_LEVELS).exec(apiGet("coverage",
			"/api/v1/screening/campaigns/" + data.campaign() + "/coverage", r -> r.queryParam("region", "#{region}")));

	private final ChainBuilder blindSpots = region(ALL_LEVELS)
		.exec(apiGet("blind spots", "/api/v1/screening/campaigns/" + data.campaign() + "/blind-spots",
				r -> r.queryParam("region", "#{region}").queryParam("size", "50")));

	private final ChainBuilder visits = exec(session -> session.set("batch", batch())).exec(timed("visits: batch of 10",
			http("visits: batch of 10").post("/api/v1/screening/campaigns/" + data.campaign() + "/visits")
				.header("Authorization", "Bearer " + data.token())
				.header("Accept", "application/json")
				.body(StringBody("#{batch}"))
				.asJson(),
			jmesPath("accepted").ofInt().is(10)));

	/**
	 * The page, then its styles and scripts as its HTML names them (so versioned URLs are
	 * followed), one after the other; Gatling's HTTP cache, per virtual user, skips or
	 * revalidates them as their headers allow, as a browser does.
	 */
	private final ChainBuilder page = region(ALL_LEVELS)
		.exec(timed("page: tree (HTML)",
				http("page: tree (HTML)").get("/regions/#{region}")
					.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
				substring("id=\"region-code\""),
				css("link[rel=stylesheet]", "href").findAll().optional().saveAs("styles"),
				css("script[src]", "src").findAll().optional().saveAs("scripts")))
		.exec(session -> session.set("resources", resources(session)))
		.foreach("#{resources}", "resource")
		.on(exec(session -> session.set("resourceName", "page: static " + extension(session.getString("resource"))))
			.exec(timed("#{resourceName}", http("#{resourceName}").get("#{resource}").header("Accept", "*/*"))));

	private final ScenarioBuilder staff = scenario("city staff").feed(sessions())
		.exec(addCookie(Cookie("JSESSIONID", "#{pageSession}").withPath("/")))
		.asLongAs(session -> System.nanoTime() < deadline)
		.on(randomSwitch().on(percent(10).then(tree), percent(12).then(children), percent(10).then(search),
				percent(8).then(byIdNumber), percent(12).then(households), percent(8).then(headline),
				percent(12).then(coverage), percent(10).then(blindSpots), percent(10).then(visits),
				percent(8).then(page)), pause(Duration.ofMillis(500), Duration.ofMillis(1500)));

	{
		setUp(staff.injectOpen(rampUsers(SETTINGS.users()).during(SETTINGS.ramp()))).protocols(protocol)
			.maxDuration(SETTINGS.ramp().plus(SETTINGS.steady()).plusMinutes(2));
	}

	@Override
	public void before() {
		sampler.start();
		started = System.currentTimeMillis();
		deadline = System.nanoTime() + SETTINGS.ramp().plus(SETTINGS.steady()).toNanos();
	}

	@Override
	public void after() {
		List<ServerSampler.Sample> samples = sampler.stop();
		new LoadReport(SETTINGS, data, calls, started, samples, sampler.failures()).write();
	}

	private static TestData discover() {
		long start = System.nanoTime();
		TestData data = new Discovery(SETTINGS).run();
		System.out.printf("load test data found in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, data.summary());
		return data;
	}

	/** A GET of the API with the token, timed under its name. */
	private ChainBuilder apiGet(String name, String path, UnaryOperator<HttpRequestActionBuilder> parameters,
			CheckBuilder... checks) {
		return timed(name,
				parameters.apply(http(name).get(path)
					.header("Authorization", "Bearer " + data.token())
					.header("Accept", "application/json")),
				checks);
	}

	/**
	 * The request under that name (or, for a page's resources, the session's
	 * resourceName), its response time and outcome kept for the report; a request the
	 * HTTP cache answered is not a request and is not kept.
	 */
	private ChainBuilder timed(String name, HttpRequestActionBuilder request, CheckBuilder... checks) {
		HttpRequestActionBuilder named = request.check(responseTimeInMillis().saveAs("millis"));
		for (CheckBuilder check : checks) {
			named = named.check(check);
		}
		return exec(named).exec(session -> {
			boolean answered = session.contains("millis");
			if (answered || session.isFailed()) {
				String resolved = name.startsWith("#{") ? session.getString("resourceName") : name;
				calls.record(resolved, answered ? session.getInt("millis") : -1, !session.isFailed());
			}
			return session.remove("millis").markAsSucceeded();
		});
	}

	private static List<String> resources(Session session) {
		List<String> all = new ArrayList<>();
		for (String key : List.of("styles", "scripts")) {
			if (session.contains(key)) {
				all.addAll(session.<String>getList(key));
			}
		}
		return all;
	}

	private ChainBuilder region(String... levels) {
		return exec(session -> session.set("region", data.region(levels)));
	}

	/** Each virtual user takes the next page session in turn. */
	private Iterator<Map<String, Object>> sessions() {
		AtomicInteger next = new AtomicInteger();
		Supplier<Map<String, Object>> take = () -> Map.of("pageSession",
				data.sessions().get(Math.floorMod(next.getAndIncrement(), data.sessions().size())));
		return java.util.stream.Stream.generate(take).iterator();
	}

	/**
	 * Ten households of one grid, as its worker records them: every registered resident
	 * present with a temperature (about 2 % at 37.5 °C), each visit with a new id.
	 */
	private String batch() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		TestData.Grid grid = TestData.pick(data.grids());
		List<TestData.Household> households = new ArrayList<>(grid.households());
		Collections.shuffle(households, random);
		String at = OffsetDateTime.now(CHINA)
			.minusMinutes(random.nextInt(1, 30))
			.truncatedTo(ChronoUnit.SECONDS)
			.toString();
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < 10; i++) {
			TestData.Household household = households.get(i % households.size());
			json.append(i == 0 ? "" : ",")
				.append("{\"visitId\":\"")
				.append(UUID.randomUUID())
				.append("\",\"householdId\":")
				.append(household.id())
				.append(",\"visitedAt\":\"")
				.append(at)
				.append("\",\"outcome\":\"COVERED\",\"residents\":[");
			for (int p = 0; p < household.residents().size(); p++) {
				json.append(p == 0 ? "" : ",")
					.append("{\"personId\":")
					.append(household.residents().get(p))
					.append(",\"status\":\"PRESENT\",\"temperature\":")
					.append(random.nextInt(50) == 0 ? "37.5" : "36." + random.nextInt(10))
					.append('}');
			}
			json.append("]}");
		}
		return json.append(']').toString();
	}

	private static String extension(String url) {
		String path = url.replaceAll("[?#].*", "");
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "(other)" : path.substring(dot);
	}

}
