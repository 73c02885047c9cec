package cn.huoxian.supplies;

import static cn.huoxian.db.Tables.SUPPLY_MOVEMENT;
import static cn.huoxian.db.Tables.SUPPLY_STOCK;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.AtOnce;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15, supplies: a community asks, the township allocates from its warehouse, the
 * community confirms delivery, and the ledger holds every movement; a stock never goes
 * below zero, also when many allocate from it at once; all within scope.
 */
@SqlTest
class SuppliesTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	private static final String API = "/api/v1/supplies";

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	String township;

	String community;

	String townshipStaff;

	String communityStaff;

	long mask;

	@BeforeEach
	void setUp() throws Exception {
		township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "物资街道", "130903"), ADMIN);
		community = township.substring(0, 9) + "001";
		regions.create(new RegionForm(community, "物资社区", township), ADMIN);
		townshipStaff = account(township);
		communityStaff = account(community);
		mask = ((Number) JsonPath
			.<List<Number>>read(call("admin", get(API + "/items"), 200), "$[?(@.code == 'MASK')].id")
			.get(0)).longValue();
	}

	private String account(String region) {
		return Api.regionStaff(accounts, region);
	}

	private String call(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(as(mvc, user, request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private String post(String user, String url, String body, int expected) throws Exception {
		return call(user, MockMvcRequestBuildersPost.json(url, body), expected);
	}

	private long request(long quantity) throws Exception {
		String body = post(communityStaff, API + "/requests", "{\"regionCode\":\"" + community + "\",\"itemId\":" + mask
				+ ",\"quantity\":" + quantity + ",\"urgency\":\"URGENT\",\"note\":\"卡口用\"}", 201);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private long stock(String region) {
		return db.select(DSL.coalesce(DSL.max(SUPPLY_STOCK.QUANTITY), 0L))
			.from(SUPPLY_STOCK)
			.where(SUPPLY_STOCK.REGION_ID.eq(regions.byCode(region).orElseThrow().id())
				.and(SUPPLY_STOCK.ITEM_ID.eq(mask)))
			.fetchOne(0, Long.class);
	}

	/** The sum of a stock's ledger: what the stock must hold. */
	private long ledger(String region) {
		return db.select(DSL.coalesce(DSL.sum(SUPPLY_MOVEMENT.DELTA), java.math.BigDecimal.ZERO))
			.from(SUPPLY_MOVEMENT)
			.join(SUPPLY_STOCK)
			.on(SUPPLY_STOCK.ID.eq(SUPPLY_MOVEMENT.STOCK_ID))
			.where(SUPPLY_STOCK.REGION_ID.eq(regions.byCode(region).orElseThrow().id())
				.and(SUPPLY_STOCK.ITEM_ID.eq(mask)))
			.fetchOne(0, Long.class);
	}

	@Test
	void aCommunityAsksTheTownshipAllocatesAndTheCommunityConfirms() throws Exception {
		post(townshipStaff, API + "/stocks/" + township + "/receive",
				"{\"itemId\":" + mask + ",\"quantity\":1000,\"note\":\"市指挥部下拨\"}", 200);
		long id = request(600);
		String open = call(townshipStaff, get(API + "/requests?status=OPEN&region=" + township), 200);
		assertThat(JsonPath.<List<Integer>>read(open, "$.items[*].id")).containsExactly((int) id);
		assertThat((Boolean) JsonPath.read(open, "$.items[0].overdue")).isFalse();
		assertThat((Integer) JsonPath.read(call("admin", get("/api/v1/stats/headline?region=" + township), 200),
				"$.supplyRequestsOpen"))
			.isEqualTo(1);

		post(communityStaff, API + "/requests/" + id + "/allocate", "{\"fromRegionCode\":\"" + township + "\"}", 404);
		post(townshipStaff, API + "/requests/" + id + "/allocate", "{\"fromRegionCode\":\"" + community + "\"}", 400);
		String allocated = post(townshipStaff, API + "/requests/" + id + "/allocate",
				"{\"fromRegionCode\":\"" + township + "\"}", 200);
		assertThat((String) JsonPath.read(allocated, "$.status")).isEqualTo("ALLOCATED");
		assertThat((String) JsonPath.read(allocated, "$.fromRegion")).isEqualTo(township);
		assertThat(stock(township)).isEqualTo(400);
		post(townshipStaff, API + "/requests/" + id + "/allocate", "{\"fromRegionCode\":\"" + township + "\"}", 422);

		String delivered = post(communityStaff, API + "/requests/" + id + "/deliver", "{}", 200);
		assertThat((String) JsonPath.read(delivered, "$.status")).isEqualTo("DELIVERED");
		assertThat(stock(community)).isEqualTo(600);
		post(communityStaff, API + "/requests/" + id + "/deliver", "{}", 422);
		assertThat(ledger(township)).isEqualTo(stock(township));
		assertThat(ledger(community)).isEqualTo(stock(community));
		String movements = call(townshipStaff, get(API + "/movements?region=" + township), 200);
		assertThat(JsonPath.<List<String>>read(movements, "$.items[*].kind")).containsExactly("DELIVERED", "ALLOCATED",
				"RECEIVED");
	}

	@Test
	void aStockNeverGoesBelowZeroAndARefusedAllocationChangesNothing() throws Exception {
		post(townshipStaff, API + "/stocks/" + township + "/receive", "{\"itemId\":" + mask + ",\"quantity\":100}",
				200);
		long tooMuch = request(101);
		String refused = post(townshipStaff, API + "/requests/" + tooMuch + "/allocate",
				"{\"fromRegionCode\":\"" + township + "\"}", 422);
		assertThat((String) JsonPath.read(refused, "$.detail")).contains("物资街道");
		assertThat(stock(township)).isEqualTo(100);
		assertThat((String) JsonPath.read(call(townshipStaff, get(API + "/requests/" + tooMuch), 200), "$.status"))
			.isEqualTo("OPEN");
		post(townshipStaff, API + "/requests/" + tooMuch + "/reject", "{\"reason\":\" \"}", 400);
		assertThat((String) JsonPath.read(
				post(townshipStaff, API + "/requests/" + tooMuch + "/reject", "{\"reason\":\"超出街道库存，请分批申请\"}", 200),
				"$.status"))
			.isEqualTo("REJECTED");

		// eight requests of 30 from a stock of 100, allocated at the same moment: three
		// succeed, the stock keeps 10, and its ledger agrees
		List<Long> requests = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			requests.add(request(30));
		}
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		List<Integer> answers = AtOnce.run(8,
				() -> mvc
					.perform(as(mvc, townshipStaff,
							MockMvcRequestBuildersPost.json(
									API + "/requests/" + requests.get(next.getAndIncrement()) + "/allocate",
									"{\"fromRegionCode\":\"" + township + "\"}")))
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(answers).containsOnly(200, 422);
		assertThat(answers.stream().filter(s -> s == 200).count()).isEqualTo(3);
		assertThat(stock(township)).isEqualTo(10);
		assertThat(ledger(township)).isEqualTo(10);
	}

	@Test
	void everythingIsRefusedClearlyAndWithinScope() throws Exception {
		post(townshipStaff, API + "/requests",
				"{\"regionCode\":\"" + township + "\",\"itemId\":" + mask + ",\"quantity\":1}", 400);
		String bad = post(communityStaff, API + "/requests",
				"{\"regionCode\":\"" + community + "\",\"itemId\":" + mask + ",\"quantity\":0,\"urgency\":\"SOON\"}",
				400);
		assertThat(JsonPath.<List<String>>read(bad, "$.errors[*].field")).containsExactlyInAnyOrder("quantity",
				"urgency");
		post(communityStaff, API + "/requests",
				"{\"regionCode\":\"" + community + "\",\"itemId\":987654321" + ",\"quantity\":1}", 404);
		long id = request(5);
		// 运河区's request is not 新华区's to read, allocate or refuse
		call("xinhua", get(API + "/requests/" + id), 404);
		post("xinhua", API + "/requests/" + id + "/reject", "{\"reason\":\"越界\"}", 404);
		post("xinhua", API + "/requests",
				"{\"regionCode\":\"" + community + "\",\"itemId\":" + mask + ",\"quantity\":1}", 404);
		post("xinhua", API + "/stocks/" + township + "/receive", "{\"itemId\":" + mask + ",\"quantity\":1}", 404);
		assertThat(JsonPath.<List<?>>read(call("xinhua", get(API + "/requests?region=130902"), 200), "$.items[*]"))
			.noneMatch(r -> r.toString().contains(community));
		post("zzb", API + "/requests", "{\"regionCode\":\"" + community + "\",\"itemId\":" + mask + ",\"quantity\":1}",
				403);
	}

	/** A JSON POST. */
	static final class MockMvcRequestBuildersPost {

		static MockHttpServletRequestBuilder json(String url, String body) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body);
		}

	}

}
