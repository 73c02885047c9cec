package cn.huoxian.volunteer;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.db.Tables;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 双报到 pages as their users use them: a member registers and claims on their page, the
 * community publishes a need (field errors on the form), confirms hours on the need's
 * page and reads who serves it; a unit's staff report in and the community gives the
 * receipt; the unit reads its members' hours.
 */
@SqlTest
@Import(TestClock.Config.class)
class VolunteerPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@Autowired
	DSLContext db;

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private String page(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
		return cn.huoxian.support.Pages.page(mvc, session, request, expected);
	}

	private String community() {
		return db.select(Tables.REGION.CODE)
			.from(Tables.REGION)
			.where(Tables.REGION.PATH.like("/130900/130902/%"), Tables.REGION.REGION_LEVEL.eq("VILLAGE"))
			.orderBy(Tables.REGION.CODE)
			.limit(1)
			.fetchOne(Tables.REGION.CODE);
	}

	private org.jooq.Record3<Long, String, Long> unit() {
		return db.select(Tables.UNIT.ID, Tables.UNIT.CODE, Tables.UNIT.PARTY_ORGANISATION_ID)
			.from(Tables.UNIT)
			.where(Tables.UNIT.PATH.like("/130900/130902/%"), Tables.UNIT.PARTY_ORGANISATION_ID.isNotNull())
			.orderBy(Tables.UNIT.ID)
			.limit(1)
			.fetchOne();
	}

	/** A party member of the unit living in the community, and their account's name. */
	private String[] member(String community, long organisation, String name) throws Exception {
		Api.token(mvc, "admin");
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		var response = mvc
			.perform(as(mvc, "admin", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + community
						+ "\",\"roles\":[{\"role\":\"PARTY_MEMBER\",\"partyOrganisationId\":" + organisation
						+ ",\"joinedOn\":\"2001-07-01\",\"membership\":\"FORMAL\"}]}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		long id = ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
		String username = "pm" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, id, List.of()));
		return new String[] { String.valueOf(id), username };
	}

	@Test
	void aMemberClaimsOnTheirPageAndTheCommunityConfirmsTheHours() throws Exception {
		String community = community();
		var unit = unit();
		String[] member = member(community, unit.value3(), "页面党员");
		MockHttpSession me = login(mvc, member[1]);
		MockHttpSession staff = login(mvc, "xinhua");
		clock.set(Instant.parse("2026-03-10T02:00:00Z"));

		assertThat(page(me, get("/volunteer"), 200)).contains("id=\"register\"").contains("向居住地社区报到");
		assertThat(page(me, post("/volunteer/register").with(csrf()), 302)).isEqualTo("/volunteer");
		assertThat(page(me, get("/volunteer"), 200)).contains("已报到").contains("有效期至 2026-09-10");

		// the form names each field at fault and keeps what was typed
		String refused = page(staff,
				post("/volunteer/needs").with(csrf())
					.param("communityCode", community)
					.param("kind", "LOGISTICS")
					.param("title", "")
					.param("day", "2026-03-12")
					.param("from", "8点")
					.param("to", "12:00")
					.param("people", "很多"),
				200);
		assertThat(refused).contains("请更正标出的内容").contains("请填写时间").contains("不是数字：很多").contains("value=\"2026-03-12\"");
		String published = page(staff,
				post("/volunteer/needs").with(csrf())
					.param("communityCode", community)
					.param("kind", "LOGISTICS")
					.param("title", "为隔离户采购配送生活物资")
					.param("place", "社区服务站")
					.param("day", "2026-03-12")
					.param("from", "09:00")
					.param("to", "11:30")
					.param("people", "2"),
				302);
		long need = Long.parseLong(published.substring(published.lastIndexOf('/') + 1));
		assertThat(page(staff, get("/volunteer?community=" + community), 200)).contains("为隔离户采购配送生活物资")
			.contains("已认领 0/2");

		String mine = page(me, get("/volunteer"), 200);
		assertThat(mine).contains("id=\"need-" + need + "\"").contains("后勤保障").contains("09:00–11:30");
		assertThat(page(me, post("/volunteer/needs/" + need + "/claim").param("back", "index").with(csrf()), 302))
			.isEqualTo("/volunteer");
		assertThat(page(me, get("/volunteer"), 200)).contains("已认领").contains("id=\"claims-mine\"");
		long claim = db.select(Tables.VOLUNTEER_CLAIM.ID)
			.from(Tables.VOLUNTEER_CLAIM)
			.where(Tables.VOLUNTEER_CLAIM.NEED_ID.eq(need))
			.fetchOne(Tables.VOLUNTEER_CLAIM.ID);

		clock.set(Instant.parse("2026-03-12T04:00:00Z"));
		String needPage = page(staff, get("/volunteer/needs/" + need), 200);
		assertThat(needPage).contains("页面党员").contains("id=\"hours-" + claim + "\"").contains("value=\"2.5\"");
		assertThat(page(staff, get("/volunteer"), 200)).contains("id=\"to-confirm-" + claim + "\"");
		assertThat(page(staff,
				post("/volunteer/claims/" + claim + "/confirm").with(csrf())
					.param("needId", String.valueOf(need))
					.param("hours", "30"),
				200))
			.contains("服务时长须在 0.5 到 24 小时之间");
		assertThat(page(staff,
				post("/volunteer/claims/" + claim + "/confirm").with(csrf())
					.param("needId", String.valueOf(need))
					.param("hours", "2.5"),
				302))
			.isEqualTo("/volunteer/needs/" + need);
		assertThat(page(staff, get("/volunteer/needs/" + need), 200)).contains("已确认出勤和时长").contains("已确认");
		assertThat(page(me, get("/volunteer"), 200)).contains("已确认").contains("2.5");
		// the unit and the community read it back
		assertThat(page(staff,
				get("/volunteer/units/" + unit.value1()).param("from", "2026-03-01").param("to", "2026-03-31"), 200))
			.contains("页面党员")
			.contains("后勤保障 2.5");
		assertThat(page(staff,
				get("/volunteer/communities/" + community).param("from", "2026-03-01").param("to", "2026-03-31"), 200))
			.contains("页面党员")
			.contains("id=\"community-xlsx\"");
		// the member reads neither
		page(me, get("/volunteer/communities/" + community), 404);
	}

	@Test
	void aUnitReportsInFromItsPageAndTheCommunityGivesTheReceipt() throws Exception {
		var unit = unit();
		String community = community();
		String staffName = "unit" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		accounts.create(new NewAccount(staffName, Api.PASSWORD, Role.UNIT_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.UNIT, unit.value2()))));
		MockHttpSession unitStaff = login(mvc, staffName);
		assertThat(page(unitStaff, get("/volunteer"), 200)).contains("id=\"report-form-" + unit.value1() + "\"");
		// the home page counts the unit's party members not registered, linking to them
		assertThat(page(unitStaff, get("/"), 200)).contains("本单位未报到的在职党员")
			.contains("/volunteer/units/" + unit.value1() + "?unregistered=true");
		// a community outside the unit's area is not offered, and named on the form if
		// typed
		String yunhe = db.select(Tables.REGION.CODE)
			.from(Tables.REGION)
			.where(Tables.REGION.PATH.like("/130900/130903/%"), Tables.REGION.REGION_LEVEL.eq("VILLAGE"))
			.limit(1)
			.fetchOne(Tables.REGION.CODE);
		assertThat(page(unitStaff,
				post("/volunteer/unit-reports").with(csrf())
					.param("unitId", String.valueOf(unit.value1()))
					.param("communityCode", yunhe),
				200))
			.contains("请从列表中选择本单位所在地区的村（社区）");
		assertThat(page(unitStaff, get("/pick/report-communities").param("unit", String.valueOf(unit.value1()))
			.param("q", community.substring(0, 9)), 200)).contains(community).doesNotContain(yunhe);
		// already reported in (the demo's unit may have been): a second report says so in
		// words
		boolean first = db.fetchCount(Tables.VOLUNTEER_UNIT_REPORT,
				Tables.VOLUNTEER_UNIT_REPORT.UNIT_ID.eq(unit.value1())
					.and(Tables.VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH.like("%/" + community + "/"))) == 0;
		page(unitStaff,
				post("/volunteer/unit-reports").with(csrf())
					.param("unitId", String.valueOf(unit.value1()))
					.param("communityCode", community)
					.param("note", "机关党支部报到"),
				302);
		String after = page(unitStaff, get("/volunteer"), 200);
		assertThat(after).contains(first ? "已报到，等待社区回执" : "已向");
		long report = db.select(Tables.VOLUNTEER_UNIT_REPORT.ID)
			.from(Tables.VOLUNTEER_UNIT_REPORT)
			.where(Tables.VOLUNTEER_UNIT_REPORT.UNIT_ID.eq(unit.value1()),
					Tables.VOLUNTEER_UNIT_REPORT.COMMUNITY_PATH.like("%/" + community + "/"))
			.fetchOne(Tables.VOLUNTEER_UNIT_REPORT.ID);
		MockHttpSession staff = login(mvc, "xinhua");
		boolean received = db.fetchExists(Tables.VOLUNTEER_UNIT_REPORT,
				Tables.VOLUNTEER_UNIT_REPORT.ID.eq(report).and(Tables.VOLUNTEER_UNIT_REPORT.RECEIVED_AT.isNotNull()));
		if (!received) {
			assertThat(page(staff, get("/volunteer/communities/" + community), 200))
				.contains("id=\"report-" + report + "\"")
				.contains("回执");
			page(staff,
					post("/volunteer/unit-reports/" + report + "/receipt").param("community", community).with(csrf()),
					302);
		}
		assertThat(page(staff, get("/volunteer/communities/" + community), 200)).contains("已回执");
		assertThat(page(unitStaff, get("/volunteer/units/" + unit.value1()), 200)).contains("已回执")
			.contains("id=\"unit-summary\"");
		// another unit's staff read nothing of it
		page(login(mvc, cn.huoxian.support.Api.regionStaff(accounts, "130903")),
				get("/volunteer/units/" + unit.value1()), 404);
	}

}
