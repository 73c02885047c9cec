package cn.huoxian.householdlink;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.LockWaits;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 1+10 household links: ten households per party member of their own community, one
 * member per household, the linked share per region, the ledger, and scope.
 */
@SqlTest
class HouseholdLinkTests {

	private static final SplittableRandom RANDOM = new SplittableRandom();

	private static final String LINKS = "/api/v1/deployment/household-links";

	@Autowired
	private DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	HouseholdLinks links;

	@Autowired
	PlatformTransactionManager transactions;

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private String post(String user, String url, String body, int expected) throws Exception {
		return mvc
			.perform(as(mvc, user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(result -> status().is(Api.refusedAs(expected, result.getResponse().getStatus())).match(result))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private String grid() throws Exception {
		return JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
	}

	private long household(String user, String grid) throws Exception {
		return id(post(user, "/api/v1/households", "{\"regionCode\":\"" + grid
				+ "\",\"building\":\"联户楼\",\"address\":\"联户小区" + RANDOM.nextInt(1000) + "号\",\"door\":\"1-101\"}",
				201));
	}

	private List<Long> households(String grid, int count) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(household("admin", grid));
		}
		return ids;
	}

	private long partyMember(String grid, String name) throws Exception {
		String organisation = JsonPath
			.read(json("admin", "/api/v1/party-organisations?size=1&region=130902"), "$.items[0].id")
			.toString();
		return id(post("admin", "/api/v1/persons",
				"{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber() + "\",\"householdId\":"
						+ household("admin", grid) + ",\"roles\":[{\"role\":\"PARTY_MEMBER\","
						+ "\"partyOrganisationId\":" + organisation
						+ ",\"joinedOn\":\"2001-07-01\",\"membership\":\"FORMAL\"}]}",
				201));
	}

	private static String idNumber() {
		return cn.huoxian.support.TestIdNumbers.fresh();
	}

	private String link(String user, long member, long household, int expected) throws Exception {
		return post(user, LINKS, "{\"partyMemberId\":" + member + ",\"householdId\":" + household + "}", expected);
	}

	private static String detail(String body) {
		return JsonPath.read(body, "$.detail");
	}

	@Test
	void aPartyMemberLinksAtMostTenHouseholds() throws Exception {
		String grid = grid();
		long member = partyMember(grid, "王联户");
		List<Long> homes = households(grid, 11);
		for (int i = 0; i < 10; i++) {
			link("grid01", member, homes.get(i), 201);
		}
		String refused = link("grid01", member, homes.get(10), 422);
		assertThat(detail(refused)).isEqualTo("每名党员最多联系 10 户，王联户已联系 10 户");
		assertThat(((Number) JsonPath.read(json("grid01", LINKS + "?partyMemberId=" + member), "$.total")).longValue())
			.isEqualTo(10);
		mvc.perform(as(mvc, "grid01", delete(LINKS + "/" + homes.get(0)))).andExpect(status().isNoContent());
		String linked = link("grid01", member, homes.get(10), 201);
		assertThat(JsonPath.<String>read(linked, "$.partyMemberName")).isEqualTo("王联户");
		assertThat(JsonPath.<String>read(linked, "$.gridCode")).isEqualTo(grid);
		// a date in the future is bad input
		post("grid01", LINKS, "{\"partyMemberId\":" + member + ",\"householdId\":" + homes.get(0) + ",\"linkedOn\":\""
				+ BusinessDay.today(java.time.Clock.systemUTC()).plusDays(2) + "\"}", 400);
	}

	@Test
	void aHouseholdHasOneMemberOfItsOwnCommunity() throws Exception {
		String grid = grid();
		long first = partyMember(grid, "赵一");
		long second = partyMember(grid, "钱二");
		long home = household("grid01", grid);
		link("grid01", first, home, 201);
		String twice = link("grid01", second, home, 422);
		assertThat(detail(twice)).contains("已由赵一").contains("请先解除");
		// a household of another district's community
		String elsewhere = JsonPath.read(json("admin", "/api/v1/households?size=1&region=130903"),
				"$.items[0].regionCode");
		long far = household("admin", elsewhere);
		String outside = link("admin", first, far, 422);
		assertThat(detail(outside)).contains("不在赵一所在社区").contains(grid.substring(0, 12));
		// a resident without the party role is refused
		long plain = id(post("admin", "/api/v1/persons", "{\"name\":\"孙三\",\"idNumber\":\"" + idNumber()
				+ "\",\"householdId\":" + household("admin", grid) + "}", 201));
		String notMember = link("grid01", plain, household("grid01", grid), 400);
		assertThat(JsonPath.<String>read(notMember, "$.errors[0].field")).isEqualTo("partyMemberId");
		link("grid01", first, 99_999_999L, 404);
		post("grid01", LINKS, "{\"householdId\":" + home + "}", 400);
	}

	@Test
	void theShareCountsLinksAgainstTheHouseholdCounter() throws Exception {
		String grid = grid();
		String village = grid.substring(0, 12);
		long member = partyMember(grid, "李比例");
		List<Long> homes = households(grid, 3);
		String before = json("admin", LINKS + "/share?region=" + village);
		long linkedBefore = ((Number) JsonPath.read(before, "$.region.linked")).longValue();
		long households = ((Number) JsonPath.read(before, "$.region.households")).longValue();
		for (long home : homes) {
			link("xinhua", member, home, 201);
		}
		String after = json("xinhua", LINKS + "/share?region=" + village);
		assertThat(((Number) JsonPath.read(after, "$.region.linked")).longValue()).isEqualTo(linkedBefore + 3);
		assertThat(((Number) JsonPath.read(after, "$.region.households")).longValue()).isEqualTo(households);
		double share = ((Number) JsonPath.read(after, "$.region.share")).doubleValue();
		assertThat(share).isEqualTo(Math.round((linkedBefore + 3) * 10_000.0 / households) / 10_000.0);
		List<Number> children = JsonPath.read(after, "$.children[*].linked");
		assertThat(children.stream().mapToLong(Number::longValue).sum()).isEqualTo(linkedBefore + 3);
		List<Number> gridLinked = JsonPath.read(after, "$.children[?(@.code == '" + grid + "')].linked");
		String gridShare = json("grid01", LINKS + "/share?region=" + grid);
		assertThat(((Number) JsonPath.read(gridShare, "$.region.linked")).longValue())
			.isEqualTo(gridLinked.get(0).longValue());
		// the district rolls its villages' links up through its townships
		String district = json("xinhua", LINKS + "/share?region=130902");
		List<Number> townships = JsonPath.read(district, "$.children[*].linked");
		assertThat(townships.stream().mapToLong(Number::longValue).sum())
			.isEqualTo(((Number) JsonPath.read(district, "$.region.linked")).longValue());
	}

	@Test
	void twoLinksAtOnceCannotPassTheLimit() throws Exception {
		String grid = grid();
		long member = partyMember(grid, "周并发");
		List<Long> homes = households(grid, 11);
		for (int i = 0; i < 9; i++) {
			link("admin", member, homes.get(i), 201);
		}
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			// the tenth link stays uncommitted while the eleventh is tried from another
			// thread: the eleventh waits for the member's row, then counts ten
			Future<Throwable> eleventh = new TransactionTemplate(transactions).execute(tx -> {
				links.link(member, homes.get(9), null, admin);
				Future<Throwable> other = pool.submit(() -> {
					try {
						links.link(member, homes.get(10), null, admin);
						return null;
					}
					catch (RuntimeException ex) {
						return ex;
					}
				});
				LockWaits.awaitBlockedSession(dataSource, Duration.ofSeconds(10));
				return other;
			});
			assertThat(eleventh.get()).isInstanceOf(cn.huoxian.shared.RuleViolationException.class)
				.hasMessageContaining("周并发")
				.hasMessageContaining("10");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(((Number) JsonPath.read(json("admin", LINKS + "?partyMemberId=" + member), "$.total")).longValue())
			.isEqualTo(10);
	}

	@Test
	void linksStayInsideScopeAndEvaluatorsOnlyRead() throws Exception {
		String grid = grid();
		long member = partyMember(grid, "吴范围");
		long home = household("grid01", grid);
		String elsewhere = JsonPath.read(json("admin", "/api/v1/households?size=1&region=130903"),
				"$.items[0].regionCode");
		long far = household("admin", elsewhere);
		// writes outside scope: 403
		link("xinhua", member, far, 403);
		link("zzb", member, home, 403);
		link("grid01", member, home, 201);
		mvc.perform(as(mvc, "zzb", delete(LINKS + "/" + home))).andExpect(status().isForbidden());
		mvc.perform(as(mvc, "admin", get(LINKS + "?region=130903"))).andExpect(status().isOk());
		// reads outside scope: 404
		mvc.perform(as(mvc, "xinhua", get(LINKS + "/share?region=130903"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get(LINKS + "?region=130903"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "grid01", get(LINKS + "/share?region=130902"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get(LINKS + "/ledger.xlsx?region=130903"))).andExpect(status().isNotFound());
		// the evaluator reads
		List<Integer> seen = JsonPath.read(json("zzb", LINKS + "?size=500&region=" + grid), "$.items[*].householdId");
		assertThat(seen).contains((int) home);
		mvc.perform(as(mvc, "grid01", delete(LINKS + "/" + home))).andExpect(status().isNoContent());
		mvc.perform(as(mvc, "grid01", delete(LINKS + "/" + home))).andExpect(status().isNotFound());
		// a link in another district: invisible to its lists, and not to be undone
		long farMember = partyMember(elsewhere, "冯外区");
		link("admin", farMember, far, 201);
		mvc.perform(as(mvc, "xinhua", delete(LINKS + "/" + far))).andExpect(status().isForbidden());
		mvc.perform(as(mvc, "grid01", delete(LINKS + "/" + far))).andExpect(status().isForbidden());
		assertThat(
				((Number) JsonPath.read(json("xinhua", LINKS + "?partyMemberId=" + farMember), "$.total")).longValue())
			.isZero();
		assertThat(
				((Number) JsonPath.read(json("admin", LINKS + "?region=130903&partyMemberId=" + farMember), "$.total"))
					.longValue())
			.isEqualTo(1);
	}

	@Test
	void theLedgerListsCommunitiesAndLinks() throws Exception {
		String grid = grid();
		String village = grid.substring(0, 12);
		long member = partyMember(grid, "郑台账");
		long home = household("grid01", grid);
		link("grid01", member, home, 201);
		byte[] xlsx = mvc.perform(as(mvc, "xinhua", get(LINKS + "/ledger.xlsx?region=" + village)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).hasSize(2);
			List<Row> communities = sheets.get(0).read();
			assertThat(communities.get(0).getCellText(0)).isEqualTo("社区编码");
			assertThat(communities).hasSize(2);
			assertThat(communities.get(1).getCellText(0)).isEqualTo(village);
			List<Row> rows = sheets.get(1).read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("党员");
			List<Row> linked = rows.stream().skip(1).filter(r -> r.getCellText(0).equals("郑台账")).toList();
			assertThat(linked).hasSize(1);
			// the grid by code and by the names of its county, township, community and
			// grid
			assertThat(linked.get(0).getCellText(1)).isEqualTo(grid);
			assertThat(linked.get(0).getCellText(2)).isEqualTo("新华区");
			assertThat(linked.get(0).getCellText(5)).isNotBlank().isNotEqualTo(grid);
			// no ID numbers anywhere
			assertThat(rows.stream()
				.flatMap(r -> r.stream())
				.filter(c -> c != null && c.getRawValue() != null)
				.noneMatch(c -> c.getRawValue().matches("\\d{17}[\\dX]"))).isTrue();
		}
		// a grid worker's ledger has their grid as its one row, with its links counted
		byte[] gridLedger = mvc.perform(as(mvc, "grid01", get(LINKS + "/ledger.xlsx")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		long gridLinked = ((Number) JsonPath.read(json("grid01", LINKS + "/share?region=" + grid), "$.region.linked"))
			.longValue();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(gridLedger))) {
			List<Row> communities = workbook.getFirstSheet().read();
			assertThat(communities).hasSize(2);
			assertThat(communities.get(1).getCellText(0)).isEqualTo(grid);
			assertThat(communities.get(1).getCellAsNumber(3).orElseThrow().longValue()).isEqualTo(gridLinked);
		}
		// the district's sheet has one row per community, its links adding up
		byte[] districtLedger = mvc.perform(as(mvc, "xinhua", get(LINKS + "/ledger.xlsx?region=130902")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		long districtLinked = ((Number) JsonPath.read(json("xinhua", LINKS + "/share?region=130902"),
				"$.region.linked"))
			.longValue();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(districtLedger))) {
			List<Row> communities = workbook.getFirstSheet().read();
			assertThat(
					communities.stream().skip(1).mapToLong(r -> r.getCellAsNumber(3).orElseThrow().longValue()).sum())
				.isEqualTo(districtLinked);
		}
	}

	@Test
	void theGridWorkerTicksHouseholdsOnThePhonePage() throws Exception {
		String grid = grid();
		String village = grid.substring(0, 12);
		long member = partyMember(grid, "陈勾选");
		long other = partyMember(grid, "褚他人");
		List<Long> homes = households(grid, 3);
		link("grid01", other, homes.get(2), 201);
		MockHttpSession regionStaff = cn.huoxian.support.Pages.login(mvc, "xinhua");
		mvc.perform(get("/deployment/household-links").param("region", village).session(regionStaff))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/links/index"))
			.andExpect(content().string(containsString("id=\"child-" + grid + "\"")))
			.andExpect(content().string(containsString("id=\"member-" + member + "\"")));
		mvc.perform(get("/deployment/household-links/ledger.xlsx").param("region", village).session(regionStaff))
			.andExpect(status().isOk());
		MockHttpSession session = cn.huoxian.support.Pages.login(mvc, "grid01");
		mvc.perform(get("/deployment/household-links").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"tick-link\"")));
		mvc.perform(get("/deployment/household-links/tick").param("region", grid)
			.param("member", String.valueOf(member))
			.session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"tick-" + homes.get(0) + "\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/deployment/household-links/tick")
			.param("region", grid)
			.param("member", String.valueOf(member))
			.param("shown", homes.stream().map(String::valueOf).toArray(String[]::new))
			.param("household", String.valueOf(homes.get(0)), String.valueOf(homes.get(1)),
					String.valueOf(homes.get(2)))
			.session(session)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"tick-saved\"")))
			.andExpect(content().string(containsString("已由 褚他人 联系")));
		List<Integer> linked = JsonPath.read(json("grid01", LINKS + "?partyMemberId=" + member),
				"$.items[*].householdId");
		assertThat(linked).containsExactlyInAnyOrder(homes.get(0).intValue(), homes.get(1).intValue());
		// unticking unlinks
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/deployment/household-links/tick")
			.param("region", grid)
			.param("member", String.valueOf(member))
			.param("shown", String.valueOf(homes.get(0)), String.valueOf(homes.get(1)))
			.param("household", String.valueOf(homes.get(1)))
			.session(session)
			.with(csrf())).andExpect(status().isOk());
		linked = JsonPath.read(json("grid01", LINKS + "?partyMemberId=" + member), "$.items[*].householdId");
		assertThat(linked).containsExactly(homes.get(1).intValue());
	}

}
