package cn.huoxian.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the test data through the API as the demo account sees it: regions of every level
 * (a sample below the counties), grids' households with their residents, surnames, ID
 * numbers, and an open campaign of the whole city (opened if there is none).
 */
final class Discovery {

	/** Townships whose villages are listed, villages whose grids are listed. */
	private static final int TOWNSHIPS = 30, VILLAGES = 40;

	/** Grids whose households and residents are read; ID numbers shown. */
	private static final int GRIDS = 40, ID_NUMBERS = 40;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Client client;

	private final Settings settings;

	private final Random random = new Random(13);

	private String token;

	Discovery(Settings settings) {
		this.settings = settings;
		this.client = new Client(settings.base());
	}

	TestData run() {
		token = client.token(settings.account(), settings.password());
		String root = client.get("/api/v1/me", token).path("scopes").path(0).path("code").asText();
		Map<String, List<String>> regions = regions(root);
		List<TestData.Grid> grids = new ArrayList<>();
		List<TestData.Surname> surnames = new ArrayList<>();
		List<Long> people = new ArrayList<>();
		for (String grid : sample(regions.get("GRID"), GRIDS)) {
			TestData.Grid found = grid(grid, surnames, people);
			if (!found.households().isEmpty()) {
				grids.add(found);
			}
		}
		require(!grids.isEmpty(), "no grid with households and residents");
		return new TestData(token, sessions(), regions, grids, surnames, idNumbers(people), campaign(root));
	}

	/**
	 * The root (the account's scope), two levels below it, then a sample of each level
	 * down to the grids.
	 */
	private Map<String, List<String>> regions(String root) {
		Map<String, List<String>> byLevel = new LinkedHashMap<>();
		JsonNode top = client.get("/api/v1/regions/" + root, token);
		byLevel.computeIfAbsent(top.path("level").asText(), k -> new ArrayList<>()).add(root);
		List<String> counties = children(List.of(root), byLevel);
		List<String> townships = children(counties, byLevel);
		List<String> villages = children(sample(townships, TOWNSHIPS), byLevel);
		children(sample(villages, VILLAGES), byLevel);
		require(byLevel.containsKey("GRID"), "no grid under " + root);
		return byLevel;
	}

	private List<String> children(List<String> parents, Map<String, List<String>> byLevel) {
		List<String> found = new ArrayList<>();
		for (String parent : parents) {
			for (JsonNode child : client.get("/api/v1/regions/" + parent + "/children", token)) {
				byLevel.computeIfAbsent(child.path("level").asText(), k -> new ArrayList<>())
					.add(child.path("code").asText());
				found.add(child.path("code").asText());
			}
		}
		return found;
	}

	/**
	 * A grid's households whose registered residents are all found among the grid's
	 * persons (a covered visit must account for every one).
	 */
	private TestData.Grid grid(String code, List<TestData.Surname> surnames, List<Long> people) {
		Map<Long, List<Long>> residents = new TreeMap<>();
		for (int page = 0; page < 10; page++) {
			JsonNode answer = client.get("/api/v1/persons?region=" + code + "&size=500&page=" + page, token);
			for (JsonNode person : answer.path("items")) {
				if (!person.path("householdId").isNumber()) {
					continue;
				}
				residents.computeIfAbsent(person.path("householdId").asLong(), k -> new ArrayList<>())
					.add(person.path("id").asLong());
				people.add(person.path("id").asLong());
				String[] path = person.path("path").asText().split("/");
				surnames.add(new TestData.Surname(path[2], person.path("name").asText().substring(0, 1)));
			}
			if ((page + 1) * 500L >= answer.path("total").asLong()) {
				break;
			}
		}
		List<TestData.Household> households = new ArrayList<>();
		JsonNode listed = client.get("/api/v1/households?region=" + code + "&size=500", token);
		for (JsonNode household : listed.path("items")) {
			List<Long> ids = residents.get(household.path("id").asLong());
			if (ids != null && ids.size() == household.path("residents").asInt()) {
				households.add(new TestData.Household(household.path("id").asLong(), List.copyOf(ids)));
			}
		}
		return new TestData.Grid(code, households);
	}

	/**
	 * ID numbers are masked in every list; showing one is the audited way to learn it.
	 */
	private List<String> idNumbers(List<Long> people) {
		List<String> numbers = new ArrayList<>();
		for (long person : sample(people, ID_NUMBERS)) {
			numbers
				.add(client
					.post("/api/v1/persons/" + person + "/reveal", token,
							Client.JSON.createObjectNode().put("reason", "负载测试：按身份证号查询的测试数据"))
					.path("idNumber")
					.asText());
		}
		require(!numbers.isEmpty(), "no resident to look up by ID number");
		return numbers;
	}

	/**
	 * The newest open campaign that covers the whole scope (rooted at it or above it), or
	 * a new one of the scope.
	 */
	private long campaign(String root) {
		String path = client.get("/api/v1/regions/" + root, token).path("path").asText();
		long newest = -1;
		for (JsonNode campaign : client.get("/api/v1/screening/campaigns", token)) {
			if (campaign.path("open").asBoolean() && path.startsWith(campaign.path("rootPath").asText("-"))) {
				newest = Math.max(newest, campaign.path("id").asLong());
			}
		}
		if (newest > 0) {
			return newest;
		}
		LocalDate today = LocalDate.now(CHINA);
		return client
			.post("/api/v1/screening/campaigns", token,
					Client.JSON.createObjectNode()
						.put("name", "负载测试 " + today)
						.put("rootRegion", root)
						.put("startsOn", today.minusDays(1).toString())
						.put("endsOn", today.plusDays(30).toString()))
			.path("id")
			.asLong();
	}

	private List<String> sessions() {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < settings.pageSessions(); i++) {
			sessions.add(client.pageSession(settings.account(), settings.password()));
		}
		return sessions;
	}

	private <T> List<T> sample(List<T> items, int most) {
		List<T> copy = new ArrayList<>(items);
		Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(most, copy.size()));
	}

	private static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("load test data: " + what);
		}
	}

}
