package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.LIAISON_GROUP;
import static cn.huoxian.db.Tables.LIAISON_GROUP_COMMUNITY;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.deployment.DeploymentFixtures;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 下沉一级 · 四看: the level rule (same level, higher, outside the inspector's own region,
 * lower, a unit), the four looks, rectifications closed with evidence and listed while
 * overdue, liaison groups, the ledger, and scope on every endpoint.
 */
@SqlTest
@org.springframework.test.context.event.RecordApplicationEvents
class InspectionTests {

	private static final String INSPECT = "/api/v1/deployment/inspections";

	private static final String RECTIFY = "/api/v1/deployment/rectifications";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	DeploymentFixtures fx;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fx = new DeploymentFixtures(mvc);
		today = LocalDate.now(BusinessDay.ZONE);
	}

	private static String looks(int... ratings) {
		String[] names = { "TERRITORIAL_RESPONSIBILITY", "LIAISON", "RESOURCES", "PARTY_ROLE" };
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < ratings.length; i++) {
			json.append(i == 0 ? "" : ",")
				.append("{\"look\":\"")
				.append(names[i % 4])
				.append("\",\"rating\":")
				.append(ratings[i])
				.append(",\"findings\":\"发现")
				.append(i)
				.append("\"}");
		}
		return json.append("]").toString();
	}

	private static String inspection(long inspector, String targetField, String target, LocalDate date, String looks,
			String rest) {
		return "{\"inspectorId\":" + inspector + ",\"" + targetField + "\":\"" + target + "\""
				+ (date == null ? "" : ",\"date\":\"" + date + "\"") + ",\"looks\":" + looks + ",\"summary\":\"总体较好\""
				+ (rest == null ? "" : "," + rest) + "}";
	}

	private String region(long inspector, String target) {
		return inspection(inspector, "targetRegion", target, null, looks(4, 3, 5, 4), null);
	}

	private String name(String code) throws Exception {
		return JsonPath.read(fx.json("admin", "/api/v1/regions/" + code), "$.name");
	}

	@Test
	void anInspectionGoesAtLeastOneLevelDownWithinTheInspectorsRegion() throws Exception {
		String township = fx.child("130902", 0);
		String otherTownship = fx.newChild("130902");
		fx.newChild(otherTownship);
		String village = fx.child(township, 0);
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());

		String lower = fx.post("xinhua", INSPECT, region(county, township), 201);
		assertThat(JsonPath.<String>read(lower, "$.inspectorLevel")).isEqualTo("COUNTY");
		assertThat(JsonPath.<String>read(lower, "$.targetRegion")).isEqualTo(township);
		assertThat(JsonPath.<List<String>>read(lower, "$.looks[*].look")).hasSize(4);

		String same = fx.post("xinhua", INSPECT, region(county, "130902"), 422);
		assertThat(JsonPath.<String>read(same, "$.detail")).isEqualTo("督导须至少下沉一级：督导人是县级干部，" + name("130902") + "属于县级。");
		String higher = fx.post("admin", INSPECT, region(county, "130900"), 422);
		assertThat(JsonPath.<String>read(higher, "$.detail")).contains("至少下沉一级").contains("市级");
		String outside = fx.post("admin", INSPECT, region(county, fx.child("130903", 0)), 422);
		assertThat(JsonPath.<String>read(outside, "$.detail")).contains("督导人本辖区");
		fx.post("xinhua", INSPECT, region(county, village), 201);

		// a unit is as high as the region it sits in
		DeploymentFixtures.Unit villageUnit = fx.unit(village);
		String unit = fx.post("xinhua", INSPECT,
				inspection(county, "targetUnit", villageUnit.code(), null, looks(3, 3, 3, 3), null), 201);
		assertThat(JsonPath.<String>read(unit, "$.targetUnit")).isEqualTo(villageUnit.code());
		DeploymentFixtures.Unit countyUnit = fx.unit("130902");
		String sameUnit = fx.post("xinhua", INSPECT,
				inspection(county, "targetUnit", countyUnit.code(), null, looks(3, 3, 3, 3), null), 422);
		assertThat(JsonPath.<String>read(sameUnit, "$.detail")).contains("至少下沉一级").contains("县级");

		long townshipCadre = fx.cadre("130902", "TOWNSHIP", fx.unit(township).id());
		assertThat(JsonPath.<String>read(fx.post("xinhua", INSPECT, region(townshipCadre, village), 201),
				"$.inspectorLevel"))
			.isEqualTo("TOWNSHIP");
		fx.post("xinhua", INSPECT, region(townshipCadre, otherTownship), 422);
		String beside = fx.post("xinhua", INSPECT, region(townshipCadre, fx.child(otherTownship, 0)), 422);
		assertThat(JsonPath.<String>read(beside, "$.detail")).contains("不在督导人所在的" + name(township));
	}

	@Test
	void aCadreWithoutAUnitServesWhereTheirPartyOrganisationIs() throws Exception {
		Map<String, Object> organisation = JsonPath
			.read(fx.json("admin", "/api/v1/party-organisations?size=1&region=130902"), "$.items[0]");
		String orgRegion = (String) organisation.get("regionCode");
		String level = JsonPath.read(fx.json("admin", "/api/v1/regions/" + orgRegion), "$.level");
		long cadre = fx.person("130902",
				"[{\"role\":\"CADRE\",\"rank\":\"TOWNSHIP\"},{\"role\":\"PARTY_MEMBER\"," + "\"partyOrganisationId\":"
						+ organisation.get("id") + ",\"joinedOn\":\"2001-07-01\",\"membership\":\"FORMAL\"}]");
		String refused = fx.post("admin", INSPECT, region(cadre, orgRegion), 422);
		assertThat(JsonPath.<String>read(refused, "$.detail")).contains("督导人是"
				+ Map.of("CITY", "市级", "COUNTY", "县级", "TOWNSHIP", "乡镇级", "VILLAGE", "村（社区）级").get(level) + "干部");
		long noSeat = fx.cadre("130902", "STAFF", null);
		assertThat(JsonPath.<String>read(fx.post("admin", INSPECT, region(noSeat, fx.child("130902", 0)), 422),
				"$.detail"))
			.contains("无法确定督导人的层级");
	}

	@Test
	void theFourLooksAreEachRatedOnce() throws Exception {
		String township = fx.child("130902", 0);
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		fx.post("xinhua", INSPECT, inspection(county, "targetRegion", township, null, looks(4, 4, 4), null), 400);
		String duplicate = "[{\"look\":\"LIAISON\",\"rating\":3},{\"look\":\"LIAISON\",\"rating\":3},"
				+ "{\"look\":\"RESOURCES\",\"rating\":3},{\"look\":\"PARTY_ROLE\",\"rating\":3}]";
		String twice = fx.post("xinhua", INSPECT, inspection(county, "targetRegion", township, null, duplicate, null),
				400);
		assertThat(JsonPath.<List<String>>read(twice, "$.errors[*].field")).contains("looks[1].look");
		String six = fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, null, looks(4, 6, 4, 4), null), 400);
		assertThat(JsonPath.<List<String>>read(six, "$.errors[*].field")).containsExactly("looks[1].rating");
		assertThat(JsonPath.<String>read(six, "$.errors[0].reason")).isEqualTo("应在 1 到 5 之间");
		String noItem = fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, null, looks(4, 4, 4, 4),
						"\"rectifications\":[{\"look\":\"LIAISON\",\"ownerId\":" + county + ",\"deadline\":\"" + today
								+ "\"}]"),
				400);
		assertThat(JsonPath.<List<String>>read(noItem, "$.errors[*].field")).containsExactly("rectifications[0].item");
		assertThat(JsonPath.<String>read(noItem, "$.errors[0].reason")).isEqualTo("请写明需要整改的问题");
		String both = fx.post("xinhua", INSPECT, "{\"inspectorId\":" + county + ",\"targetRegion\":\"" + township
				+ "\",\"targetUnit\":\"X-1\",\"looks\":" + looks(4, 4, 4, 4) + "}", 400);
		assertThat(JsonPath.<List<String>>read(both, "$.errors[*].field")).containsExactly("targetRegion");
		assertThat(JsonPath.<String>read(both, "$.errors[0].reason"))
			.isEqualTo("督导区域（targetRegion）和督导单位（targetUnit）须填且只填一项");
		fx.post("xinhua", INSPECT, inspection(county, "targetRegion", township, null, looks(0, 4, 4, 4), null), 400);
		fx.post("xinhua", INSPECT, inspection(county, "targetRegion", township, null, looks(4, 4, 4, 4, 4), null), 400);
		fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, null, "[{\"look\":\"WEATHER\",\"rating\":3}]", null), 400);
		fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, today.plusDays(1), looks(4, 4, 4, 4), null), 400);
		fx.post("xinhua", INSPECT, "{\"inspectorId\":" + county + ",\"looks\":" + looks(4, 4, 4, 4) + "}", 400);
		fx.post("xinhua", INSPECT, "{\"inspectorId\":" + county + ",\"targetRegion\":\"" + township
				+ "\",\"targetUnit\":\"X-1\",\"looks\":" + looks(4, 4, 4, 4) + "}", 400);
		long resident = fx.person("130902", "[{\"role\":\"VOLUNTEER\"}]");
		String notCadre = fx.post("xinhua", INSPECT, region(resident, township), 400);
		assertThat(JsonPath.<String>read(notCadre, "$.errors[0].field")).isEqualTo("inspectorId");
	}

	@Test
	void findingsBecomeRectificationsThatAreListedOverdueAndClosedWithEvidence() throws Exception {
		String township = fx.child("130902", 0);
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		long owner = fx.cadre("130902", "TOWNSHIP", fx.unit(township).id());
		long before = overdueUnder("130902", township);
		LocalDate date = today.minusDays(10);
		String recorded = fx
			.post("xinhua", INSPECT, inspection(county, "targetRegion", township, date, looks(2, 4, 3, 5),
					"\"rectifications\":[{\"look\":\"TERRITORIAL_RESPONSIBILITY\",\"item\":\"卡口夜间无人值守\",\"ownerId\":"
							+ owner + ",\"deadline\":\"" + today.minusDays(3)
							+ "\"},{\"look\":\"RESOURCES\",\"item\":\"防护物资台账不全\"," + "\"ownerId\":" + county
							+ ",\"deadline\":\"" + today.plusDays(5) + "\"}]"),
					201);
		long inspection = DeploymentFixtures.id(recorded);
		assertThat(events.stream(Events.InspectionCompleted.class)
			.filter(e -> e.inspectionId() == inspection)
			.findFirst()
			.orElseThrow()
			.rectifications()).isEqualTo(2);
		List<Integer> fixes = JsonPath.read(recorded, "$.rectifications[*].id");
		assertThat(fixes).hasSize(2);
		long overdue = fixes.get(0);
		assertThat(JsonPath.<Boolean>read(recorded, "$.rectifications[0].overdue")).isTrue();
		assertThat(overdueUnder("130902", township)).isEqualTo(before + 1);
		List<Integer> listed = JsonPath.read(fx.json("xinhua", RECTIFY + "?size=500&overdue=true&region=" + township),
				"$.items[*].id");
		assertThat(listed).contains((int) overdue).doesNotContain(fixes.get(1));

		fx.post("xinhua", RECTIFY + "/" + overdue + "/close", "{}", 400);
		fx.post("xinhua", RECTIFY + "/" + overdue + "/close",
				"{\"evidence\":\"已排班\",\"closedOn\":\"" + date.minusDays(1) + "\"}", 400);
		fx.post("xinhua", RECTIFY + "/" + overdue + "/close",
				"{\"evidence\":\"已排班\",\"closedOn\":\"" + today.plusDays(1) + "\"}", 400);
		// the owner closes it themselves
		String username = "rect-owner-" + Api.unique() + owner;
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, owner, List.of()));
		String closed = fx.post(username, RECTIFY + "/" + overdue + "/close", "{\"evidence\":\"已安排两班夜间值守，附排班表\"}", 200);
		assertThat(JsonPath.<String>read(closed, "$.status")).isEqualTo("CLOSED");
		assertThat(events.stream(Events.RectificationClosed.class)
			.filter(e -> e.rectificationId() == overdue)
			.findFirst()
			.orElseThrow()
			.onTime()).isFalse();
		assertThat(JsonPath.<String>read(closed, "$.closedOn")).isEqualTo(today.toString());
		assertThat(JsonPath.<Boolean>read(closed, "$.overdue")).isFalse();
		fx.post("xinhua", RECTIFY + "/" + overdue + "/close", "{\"evidence\":\"再次\"}", 422);
		assertThat(overdueUnder("130902", township)).isEqualTo(before);
		assertThat(JsonPath.<List<Integer>>read(
				fx.json("xinhua", RECTIFY + "?size=500&overdue=true&region=" + township), "$.items[*].id"))
			.doesNotContain((int) overdue);
		assertThat(JsonPath.<List<Integer>>read(
				fx.json("xinhua", RECTIFY + "?size=500&status=CLOSED&region=" + township), "$.items[*].id"))
			.contains((int) overdue);
		// another person's account may not close it
		fx.post(username, RECTIFY + "/" + fixes.get(1) + "/close", "{\"evidence\":\"不是我的\"}", 403);

		// a rectification added later
		String added = fx.post("xinhua", INSPECT + "/" + inspection + "/rectifications",
				"{\"look\":\"PARTY_ROLE\",\"item\":\"党员先锋岗未挂牌\",\"ownerId\":" + owner + ",\"deadline\":\""
						+ today.plusDays(7) + "\"}",
				201);
		assertThat(JsonPath.<String>read(added, "$.status")).isEqualTo("OPEN");
		fx.post("xinhua", INSPECT + "/" + inspection + "/rectifications",
				"{\"look\":\"PARTY_ROLE\",\"item\":\"早于督导\",\"ownerId\":" + owner + ",\"deadline\":\""
						+ date.minusDays(1) + "\"}",
				400);
		fx.post("xinhua", INSPECT + "/" + inspection + "/rectifications",
				"{\"look\":\"PARTY_ROLE\",\"item\":\"无人\",\"ownerId\":999999999,\"deadline\":\"" + today + "\"}", 404);
		String detail = fx.json("xinhua", INSPECT + "/" + inspection);
		assertThat(JsonPath.<List<String>>read(detail, "$.rectifications[*].status")).containsExactly("CLOSED", "OPEN",
				"OPEN");
		// a finding with a deadline before the inspection is refused with the inspection
		fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, date, looks(2, 4, 3, 5),
						"\"rectifications\":[{\"look\":\"LIAISON\",\"item\":\"x\",\"ownerId\":" + owner
								+ ",\"deadline\":\"" + date.minusDays(1) + "\"}]"),
				400);
	}

	private long overdueUnder(String region, String child) throws Exception {
		List<Integer> counts = JsonPath.read(fx.json("xinhua", RECTIFY + "/overdue-by-region?region=" + region),
				"$[?(@.code == '" + child + "')].overdue");
		return counts.get(0);
	}

	@Test
	void aLiaisonGroupInspectsOnlyItsOwnCommunities() throws Exception {
		String township = fx.child("130902", 0);
		String village = fx.child(township, 0);
		String otherVillage = fx.newChild(township);
		long leader = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		var row = db.select(REGION.ID, REGION.PATH).from(REGION).where(REGION.CODE.eq(village)).fetchOne();
		long villageId = row.value1();
		String path = row.value2();
		long group = db.insertInto(LIAISON_GROUP)
			.set(LIAISON_GROUP.NAME, "包联组" + Api.unique())
			.set(LIAISON_GROUP.LEADER_ID, leader)
			.set(LIAISON_GROUP.REGION_ID, villageId)
			.set(LIAISON_GROUP.PATH, path)
			.set(LIAISON_GROUP.CREATED_BY, "test")
			.returning(LIAISON_GROUP.ID)
			.fetchOne(LIAISON_GROUP.ID);
		db.insertInto(LIAISON_GROUP_COMMUNITY)
			.set(LIAISON_GROUP_COMMUNITY.GROUP_ID, group)
			.set(LIAISON_GROUP_COMMUNITY.COMMUNITY_ID, villageId)
			.set(LIAISON_GROUP_COMMUNITY.PATH, path)
			.execute();
		String made = fx.post("xinhua", INSPECT,
				inspection(leader, "targetRegion", village, null, looks(5, 5, 5, 5), "\"liaisonGroupId\":" + group),
				201);
		assertThat(((Number) JsonPath.read(made, "$.liaisonGroupId")).longValue()).isEqualTo(group);
		String refused = fx.post("xinhua", INSPECT, inspection(leader, "targetRegion", otherVillage, null,
				looks(5, 5, 5, 5), "\"liaisonGroupId\":" + group), 400);
		assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("liaisonGroupId");
	}

	@Test
	void theLedgerHasAnInspectionsAndARectificationsSheet() throws Exception {
		String township = fx.child("130902", 0);
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		long owner = fx.cadre("130902", "STAFF", null);
		long id = DeploymentFixtures.id(fx.post("xinhua", INSPECT,
				inspection(county, "targetRegion", township, null, looks(1, 2, 3, 4),
						"\"rectifications\":[{\"look\":\"LIAISON\",\"item\":\"包联干部未到岗\",\"ownerId\":" + owner
								+ ",\"deadline\":\"" + today.plusDays(2) + "\"}]"),
				201));
		byte[] xlsx = mvc.perform(as(mvc, "xinhua", get(INSPECT + "/ledger.xlsx?region=" + township)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).hasSize(2);
			List<Row> inspections = sheets.get(0).read();
			assertThat(inspections.get(0).getCellText(6)).isEqualTo("属地责任落实");
			Row row = inspections.stream()
				.filter(r -> r.getRowNum() > 1 && r.getCellText(0).equals(String.valueOf(id)))
				.findFirst()
				.orElseThrow();
			assertThat(List.of(row.getCellText(6), row.getCellText(7), row.getCellText(8), row.getCellText(9)))
				.containsExactly("1", "2", "3", "4");
			List<Row> fixes = sheets.get(1).read();
			assertThat(fixes.stream().anyMatch(r -> r.getCellText(4).equals("包联干部未到岗"))).isTrue();
		}
		assertThat(fx.status("xinhua", INSPECT + "/ledger.xlsx?region=130903")).isEqualTo(404);
		assertThat(fx.status("grid01", INSPECT + "/ledger.xlsx?region=" + township)).isEqualTo(404);
	}

	@Test
	void everyEndpointKeepsToTheScope() throws Exception {
		String outsideTownship = fx.child("130903", 0);
		long outsideCadre = fx.cadre("130903", "COUNTY", fx.unit("130903").id());
		long owner = fx.cadre("130903", "STAFF", null);
		String made = fx.post("admin", INSPECT,
				inspection(outsideCadre, "targetRegion", outsideTownship, null, looks(3, 3, 3, 3),
						"\"rectifications\":[{\"look\":\"LIAISON\",\"item\":\"x\",\"ownerId\":" + owner
								+ ",\"deadline\":\"" + today.plusDays(3) + "\"}]"),
				201);
		long id = DeploymentFixtures.id(made);
		long fix = ((Number) JsonPath.read(made, "$.rectifications[0].id")).longValue();
		for (String user : List.of("xinhua", "grid01")) {
			assertThat(fx.status(user, INSPECT + "/" + id)).isEqualTo(404);
			assertThat(fx.status(user, RECTIFY + "/" + fix)).isEqualTo(404);
			assertThat(fx.status(user, INSPECT + "?region=130903")).isEqualTo(404);
			assertThat(fx.status(user, RECTIFY + "?region=130903")).isEqualTo(404);
			assertThat(fx.status(user, RECTIFY + "/overdue-by-region?region=130903")).isEqualTo(404);
			fx.post(user, INSPECT + "/" + id + "/rectifications", "{\"look\":\"LIAISON\",\"item\":\"y\",\"ownerId\":"
					+ owner + ",\"deadline\":\"" + today.plusDays(3) + "\"}", 403);
			fx.post(user, RECTIFY + "/" + fix + "/close", "{\"evidence\":\"越权\"}", 403);
			fx.post(user, INSPECT, region(outsideCadre, outsideTownship), 403);
			assertThat(JsonPath.<List<Integer>>read(fx.json(user, INSPECT + "?size=500"), "$.items[*].id"))
				.doesNotContain((int) id);
		}
		assertThat(fx.status("zzb", INSPECT + "/" + id)).isEqualTo(200);
		assertThat(fx.status("zzb", RECTIFY + "?region=130903")).isEqualTo(200);
		fx.post("zzb", INSPECT, region(outsideCadre, outsideTownship), 403);
		fx.post("zzb", RECTIFY + "/" + fix + "/close", "{\"evidence\":\"只读\"}", 403);
		fx.post("zzb", INSPECT + "/" + id + "/rectifications",
				"{\"look\":\"LIAISON\",\"item\":\"y\",\"ownerId\":" + owner + ",\"deadline\":\"" + today + "\"}", 403);
		fx.post("admin", RECTIFY + "/999999999/close", "{\"evidence\":\"无\"}", 404);
		assertThat(fx.status("admin", INSPECT + "/999999999")).isEqualTo(404);

		// grid01's grid is not the township: a grid worker may not record there
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		fx.post("grid01", INSPECT, region(county, fx.child("130902", 0)), 403);
		// the inspector themselves may record, whatever their account's scope
		DeploymentFixtures.Unit unit = fx.unit("130902");
		long self = fx.cadre("130902", "COUNTY", unit.id());
		String username = "inspector-" + Api.unique() + self;
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.UNIT_STAFF, self,
				List.of(new ScopeRoot(ScopeRoot.Kind.UNIT, unit.code()))));
		// a unit account reads no region: the target is answered like a missing one
		fx.post(username, INSPECT, region(self, fx.child("130902", 0)), 404);
		fx.post(username, INSPECT, region(county, fx.child("130902", 0)), 403);
	}

	@Test
	void thePagesRecordAnInspectionAndCloseItsRectification() throws Exception {
		var session = login(mvc, "xinhua");
		String township = fx.child("130902", 0);
		long county = fx.cadre("130902", "COUNTY", fx.unit("130902").id());
		long owner = fx.cadre("130902", "TOWNSHIP", null);
		mvc.perform(get("/deployment/inspections").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inspection-form\"")))
			.andExpect(content().string(containsString("id=\"rating-PARTY_ROLE\"")));
		var form = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/inspections")
			.session(session)
			.with(csrf())
			.param("inspectorId", String.valueOf(county))
			.param("targetRegion", township)
			.param("date", today.toString())
			.param("looks[TERRITORIAL_RESPONSIBILITY].rating", "4")
			.param("looks[LIAISON].rating", "3")
			.param("looks[RESOURCES].rating", "2")
			.param("looks[RESOURCES].findings", "口罩储备不足三天")
			.param("looks[RESOURCES].item", "补足口罩储备")
			.param("looks[RESOURCES].ownerId", String.valueOf(owner))
			.param("looks[RESOURCES].deadline", today.plusDays(3).toString());
		// a look left unrated is shown beside it, and what was typed stays
		mvc.perform(form)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rating-PARTY_ROLE-error\"")))
			.andExpect(content().string(containsString("补足口罩储备")));
		// a check of the service (a deadline before the inspection) beside its field, the
		// wrong number beside its own
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/inspections")
			.session(session)
			.with(csrf())
			.param("inspectorId", String.valueOf(county))
			.param("targetRegion", township)
			.param("date", today.toString())
			.param("looks[TERRITORIAL_RESPONSIBILITY].rating", "4")
			.param("looks[LIAISON].rating", "3")
			.param("looks[RESOURCES].rating", "2")
			.param("looks[PARTY_ROLE].rating", "5")
			.param("looks[RESOURCES].item", "补足口罩储备")
			.param("looks[RESOURCES].ownerId", String.valueOf(owner))
			.param("looks[RESOURCES].deadline", today.minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"deadline-RESOURCES-error\">不能早于督导日期 " + today + "<")))
			.andExpect(content().string(containsString("value=\"" + today.minusDays(1) + "\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/inspections")
			.session(session)
			.with(csrf())
			.param("inspectorId", "十二")
			.param("targetRegion", township)
			.param("targetUnit", "X-1")
			.param("looks[LIAISON].rating", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inspectorId-error\" class=\"field-error\">不是数字：十二<")))
			// the other pickers keep their values (a picker itself cannot send "十二")
			.andExpect(content().string(containsString("value=\"X-1\"")))
			.andExpect(content().string(containsString("id=\"targetRegion-error\" class=\"field-error\">督导区域")))
			.andExpect(content().string(containsString("<option value=\"3\" selected=\"selected\"")));
		String location = mvc.perform(form.param("looks[PARTY_ROLE].rating", "5"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String detail = fx.json("xinhua", INSPECT + "/" + id);
		long fix = ((Number) JsonPath.read(detail, "$.rectifications[0].id")).longValue();
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"close-form-" + fix + "\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/deployment/rectifications/" + fix + "/close")
			.session(session)
			.with(csrf())
			.param("evidence", "已补足七天储备")
			.param("closedOn", today.toString())).andExpect(status().is3xxRedirection());
		assertThat(JsonPath.<String>read(fx.json("xinhua", RECTIFY + "/" + fix), "$.status")).isEqualTo("CLOSED");
		mvc.perform(get(location).session(session)).andExpect(content().string(containsString("已补足七天储备")));
		// a same-level target is refused with the rule's message
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/inspections")
			.session(session)
			.with(csrf())
			.param("inspectorId", String.valueOf(county))
			.param("targetRegion", "130902")
			.param("looks[TERRITORIAL_RESPONSIBILITY].rating", "4")
			.param("looks[LIAISON].rating", "3")
			.param("looks[RESOURCES].rating", "2")
			.param("looks[PARTY_ROLE].rating", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("督导须至少下沉一级")))
			// said once, in the reader's language: no English detail beside it
			.andExpect(content().string(not(containsString("at least one level down"))));
		mvc.perform(get("/deployment/rectifications?region=130902").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"overdue-by-region\"")))
			.andExpect(content().string(containsString("id=\"child-" + township + "\"")));
		mvc.perform(get("/deployment/rectifications?region=130903").session(session)).andExpect(status().isNotFound());
		mvc.perform(get("/deployment/inspections/" + id).session(login(mvc, "grid01")))
			.andExpect(status().isNotFound());
	}

}
