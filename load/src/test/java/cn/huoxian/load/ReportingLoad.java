package cn.huoxian.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The daily report's hour (issue 15): {@code -Dcommunities} villages and communities
 * (6,000 by default) each submit today's report once, spread evenly over the run, while
 * {@code -Dusers} command staff (500) keep a dashboard open — it asks for the figures
 * every 5 s — of the city or one of its counties. Run it before the day's reports lock
 * (18:00 in Shanghai by default): a locked day answers 422, an error here.
 */
public class ReportingLoad extends Simulation {

	private static final Settings SETTINGS = Settings.fromSystem();

	private static final int COMMUNITIES = Integer.getInteger("communities", 6000);

	private final Client client = new Client(SETTINGS.base());

	private final String token = client.token(SETTINGS.account(), SETTINGS.password());

	private final String city = client.get("/api/v1/me", token).path("scopes").path(0).path("code").asText();

	private final List<String> counties = children(city);

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private final List<String> communities = notYetReported();

	private final ServerSampler sampler = new ServerSampler(SETTINGS);

	private final Calls calls = new Calls();

	private volatile long deadline = Long.MAX_VALUE;

	private long started;

	private final HttpProtocolBuilder protocol = http.baseUrl(SETTINGS.base())
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.acceptEncodingHeader("gzip, deflate")
		.userAgentHeader("Mozilla/5.0 (huoxian-load; Gatling)");

	/** A community's zero report, the community taken in turn. */
	private final ScenarioBuilder communitiesReport = scenario("communities report").feed(communityFeed())
		.exec(timed("daily report: submit",
				http("daily report: submit").put("/api/v1/reports/daily/#{community}/" + today)
					.header("Authorization", "Bearer " + token)
					.header("Accept", "application/json")
					.body(StringBody("{\"zero\":true}"))
					.asJson(),
				jmesPath("status").is("SUBMITTED")));

	/** The dashboard of the city or a county, asked for every 5 s until the end. */
	private final ScenarioBuilder dashboards = scenario("dashboards open")
		.exec(session -> session.set("region", pickRegion()))
		.asLongAs(session -> System.nanoTime() < deadline)
		.on(exec(timed("dashboard: figures",
				http("dashboard: figures").get("/api/v1/stats/dashboard")
					.queryParam("region", "#{region}")
					.header("Authorization", "Bearer " + token)
					.header("Accept", "application/json"),
				jmesPath("region").exists()))
			.exec(pause(Duration.ofSeconds(5))));

	{
		Duration run = SETTINGS.ramp().plus(SETTINGS.steady());
		double perSecond = Math.min(COMMUNITIES, communities.size()) / (double) run.toSeconds();
		setUp(communitiesReport.injectOpen(constantUsersPerSec(perSecond).during(run)),
				dashboards.injectOpen(rampUsers(SETTINGS.users()).during(SETTINGS.ramp())))
			.protocols(protocol)
			.maxDuration(run.plusMinutes(2));
	}

	@Override
	public void before() {
		System.out.printf("reporting load: %d communities not yet reported today (%s), %d counties%n",
				communities.size(), today, counties.size());
		sampler.start();
		started = System.currentTimeMillis();
		deadline = System.nanoTime() + SETTINGS.ramp().plus(SETTINGS.steady()).toNanos();
	}

	@Override
	public void after() {
		TestData data = new TestData(token, List.of(), Map.of("CITY", List.of(city), "COUNTY", counties), List.of(),
				List.of(), List.of(), 0);
		new LoadReport(SETTINGS, data, calls, started, sampler.stop(), sampler.failures()).write();
	}

	private List<String> children(String code) {
		List<String> codes = new ArrayList<>();
		client.get("/api/v1/regions/" + code + "/children", token).forEach(c -> codes.add(c.path("code").asText()));
		return codes;
	}

	/**
	 * The villages and communities that have not reported today, from the missing list.
	 */
	private List<String> notYetReported() {
		List<String> codes = new ArrayList<>();
		for (int page = 0; codes.size() < COMMUNITIES; page++) {
			JsonNode answer = client.get(
					"/api/v1/reports/daily/missing?region=" + city + "&date=" + today + "&size=500&page=" + page,
					token);
			answer.path("items").forEach(i -> codes.add(i.path("region").asText()));
			if (answer.path("items").size() < 500) {
				break;
			}
		}
		Collections.shuffle(codes);
		return codes.subList(0, Math.min(COMMUNITIES, codes.size()));
	}

	private Iterator<Map<String, Object>> communityFeed() {
		AtomicInteger next = new AtomicInteger();
		return java.util.stream.Stream.generate(() -> Map.<String, Object>of("community",
				communities.get(Math.floorMod(next.getAndIncrement(), communities.size()))))
			.iterator();
	}

	/** The city for one dashboard in five, a county for the others. */
	private String pickRegion() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return counties.isEmpty() || random.nextInt(5) == 0 ? city : counties.get(random.nextInt(counties.size()));
	}

	/** The request under that name, its time and outcome kept for the report. */
	private ChainBuilder timed(String name, HttpRequestActionBuilder request, CheckBuilder... checks) {
		HttpRequestActionBuilder named = request.check(responseTimeInMillis().saveAs("millis"));
		for (CheckBuilder check : checks) {
			named = named.check(check);
		}
		return exec(named).exec(session -> {
			boolean answered = session.contains("millis");
			if (answered || session.isFailed()) {
				calls.record(name, answered ? session.getInt("millis") : -1, !session.isFailed());
			}
			return session.remove("millis").markAsSucceeded();
		});
	}

}
