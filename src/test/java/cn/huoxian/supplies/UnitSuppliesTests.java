package cn.huoxian.supplies;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.liaison.PairingFixtures;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15, supplies held by units: a paired unit receives into its own stock, allocates
 * to the community it is paired with (a request, or a shortage the community raised to
 * it, answered by the allocation and resolved by the community's delivery), never below
 * zero; another unit's staff read none of it; items are configurable by the
 * administrator.
 */
@SqlTest
class UnitSuppliesTests {

	private static final String API = "/api/v1/supplies";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	PairingFixtures f;

	String village;

	long pairing;

	long unitId;

	String unitName;

	String staff;

	String otherStaff;

	long mask;

	@BeforeEach
	void setUp() throws Exception {
		f = new PairingFixtures(mvc);
		String unit = f.unit();
		village = f.village();
		pairing = f.bare(unit, village);
		String view = f.body("xinhua", "/api/v1/deployment/pairings/" + pairing);
		unitId = ((Number) JsonPath.read(view, "$.unitId")).longValue();
		unitName = JsonPath.read(view, "$.unitName");
		staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null, new ScopeRoot(ScopeRoot.Kind.UNIT, unit));
		otherStaff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, f.unit()));
		mask = ((Number) JsonPath
			.<List<Number>>read(call("admin", get(API + "/items"), 200), "$[?(@.code == 'MASK')].id")
			.get(0)).longValue();
	}

	private String call(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(as(mvc, user, request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private String post(String user, String url, String body, int expected) throws Exception {
		return call(user,
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body),
				expected);
	}

	private long unitStock() throws Exception {
		List<Number> quantities = JsonPath.read(call(staff, get(API + "/units/" + unitId + "/stocks"), 200),
				"$[?(@.item.code == 'MASK')].quantity");
		return quantities.isEmpty() ? 0 : quantities.get(0).longValue();
	}

	private long request(String region, long quantity) throws Exception {
		return ((Number) JsonPath.read(post("xinhua", API + "/requests",
				"{\"regionCode\":\"" + region + "\",\"itemId\":" + mask + ",\"quantity\":" + quantity + "}", 201),
				"$.id"))
			.longValue();
	}

	@Test
	void aPairedUnitAllocatesFromItsOwnStockToItsCommunity() throws Exception {
		post(staff, API + "/units/" + unitId + "/receive", "{\"itemId\":" + mask + ",\"quantity\":500}", 200);
		assertThat(unitStock()).isEqualTo(500);
		// the unit's stock shows under the district with its holder
		String district = call("xinhua", get(API + "/stocks?region=130902"), 200);
		assertThat(JsonPath.<List<String>>read(district, "$[?(@.unitId == " + unitId + ")].unitName"))
			.containsOnly(unitName);
		// another unit's staff neither read nor fill it
		call(otherStaff, get(API + "/units/" + unitId + "/stocks"), 404);
		post(otherStaff, API + "/units/" + unitId + "/receive", "{\"itemId\":" + mask + ",\"quantity\":1}", 404);
		call(otherStaff, get(API + "/units/" + unitId + "/requests"), 404);
		call("xinhua", get(API + "/units/" + unitId + "/requests"), 200);

		long id = request(village, 200);
		String open = call(staff, get(API + "/units/" + unitId + "/requests?status=OPEN"), 200);
		assertThat(JsonPath.<List<Integer>>read(open, "$.items[*].id")).containsExactly((int) id);
		call(staff, get(API + "/requests/" + id), 200);
		call(otherStaff, get(API + "/requests/" + id), 404);
		post(otherStaff, API + "/requests/" + id + "/allocate-from-unit", "{}", 404);
		// unit staff take no part in the region's own warehouses
		post(staff, API + "/requests/" + id + "/allocate", "{\"fromRegionCode\":\"130902\"}", 404);

		String allocated = post(staff, API + "/requests/" + id + "/allocate-from-unit", "{}", 200);
		assertThat((String) JsonPath.read(allocated, "$.status")).isEqualTo("ALLOCATED");
		assertThat((String) JsonPath.read(allocated, "$.fromUnit")).isEqualTo(unitName);
		assertThat(unitStock()).isEqualTo(300);

		// more than the unit holds: refused, nothing changes
		long tooMuch = request(village, 301);
		String refused = post(staff, API + "/requests/" + tooMuch + "/allocate-from-unit", "{}", 422);
		assertThat((String) JsonPath.read(refused, "$.detail")).contains(unitName);
		assertThat(unitStock()).isEqualTo(300);
		assertThat((String) JsonPath.read(call(staff, get(API + "/requests/" + tooMuch), 200), "$.status"))
			.isEqualTo("OPEN");

		// a community with no paired unit
		long unpaired = request(f.village(), 1);
		String none = post("xinhua", API + "/requests/" + unpaired + "/allocate-from-unit", "{}", 422);
		assertThat((String) JsonPath.read(none, "$.detail")).contains("包联单位");
	}

	@Test
	void aShortageIsAnsweredByAnAllocationAndResolvedOnDelivery() throws Exception {
		post(staff, API + "/units/" + unitId + "/receive", "{\"itemId\":" + mask + ",\"quantity\":300}", 200);
		long shortage = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
				"{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"口罩\",\"quantity\":250}"));
		long manpower = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
				"{\"kind\":\"MANPOWER\",\"item\":\"志愿者\",\"quantity\":4}"));
		assertThat(shortagesInTheDailyReport()).as("both in the community's daily report").isEqualTo(2);
		post(staff, API + "/shortages/" + manpower + "/allocate", "{\"itemId\":" + mask + ",\"quantity\":1}", 422);
		post(otherStaff, API + "/shortages/" + shortage + "/allocate", "{\"itemId\":" + mask + ",\"quantity\":1}", 404);
		// more than the stock: refused, the shortage still open and no request left
		// behind
		post(staff, API + "/shortages/" + shortage + "/allocate", "{\"itemId\":" + mask + ",\"quantity\":301}", 422);
		assertThat((String) JsonPath.read(f.body("xinhua", "/api/v1/deployment/shortages/" + shortage), "$.status"))
			.isEqualTo("OPEN");
		assertThat((Integer) JsonPath.read(call(staff, get(API + "/units/" + unitId + "/requests"), 200), "$.total"))
			.isZero();

		String allocated = post(staff, API + "/shortages/" + shortage + "/allocate",
				"{\"itemId\":" + mask + ",\"quantity\":250}", 201);
		long request = ((Number) JsonPath.read(allocated, "$.id")).longValue();
		assertThat(((Number) JsonPath.read(allocated, "$.shortageId")).longValue()).isEqualTo(shortage);
		assertThat((String) JsonPath.read(allocated, "$.status")).isEqualTo("ALLOCATED");
		assertThat(unitStock()).isEqualTo(50);
		String answered = f.body("xinhua", "/api/v1/deployment/shortages/" + shortage);
		assertThat((String) JsonPath.read(answered, "$.status")).isEqualTo("ANSWERED");
		assertThat((String) JsonPath.read(answered, "$.answer")).contains(unitName).contains("250");

		post("xinhua", API + "/requests/" + request + "/deliver", "{}", 200);
		assertThat((String) JsonPath.read(f.body("xinhua", "/api/v1/deployment/shortages/" + shortage), "$.status"))
			.isEqualTo("RESOLVED");
		post(staff, API + "/shortages/" + shortage + "/allocate", "{\"itemId\":" + mask + ",\"quantity\":1}", 422);
		assertThat(shortagesInTheDailyReport()).as("the resolved one no longer").isEqualTo(1);
	}

	/**
	 * Shortages not yet resolved, as the village's daily report of today prefills them.
	 */
	private long shortagesInTheDailyReport() throws Exception {
		String draft = call("xinhua", get(
				"/api/v1/reports/daily/" + village + "/" + java.time.LocalDate.now(cn.huoxian.shared.BusinessDay.ZONE)),
				200);
		List<Number> values = JsonPath.read(draft, "$.figures[?(@.name == 'shortagesOpen')].prefilled");
		assertThat(values).hasSize(1);
		return values.get(0).longValue();
	}

	@Test
	void theAdministratorAddsItemsAndOnlyTheAdministrator() throws Exception {
		String code = "GLOVES" + (System.nanoTime() % 100_000);
		String body = "{\"code\":\"" + code + "\",\"name\":\"一次性手套\",\"unitLabel\":\"副\"}";
		post("xinhua", API + "/items", body, 403);
		String added = post("admin", API + "/items", body, 201);
		assertThat((String) JsonPath.read(added, "$.code")).isEqualTo(code);
		assertThat(JsonPath.<List<String>>read(call("xinhua", get(API + "/items"), 200), "$[*].code")).contains(code);
		String again = post("admin", API + "/items", body, 400);
		assertThat(JsonPath.<List<String>>read(again, "$.errors[*].field")).containsExactly("code");
		String named = post("admin", API + "/items", "{\"name\":\"防护面屏\",\"unitLabel\":\"个\"}", 201);
		assertThat((String) JsonPath.read(named, "$.code")).as("a code given where none is sent").startsWith("ITEM_");
		String bad = post("admin", API + "/items", "{\"code\":\"x\",\"name\":\" \"}", 400);
		assertThat(JsonPath.<List<String>>read(bad, "$.errors[*].field")).containsExactlyInAnyOrder("code", "name",
				"unitLabel");
	}

}
