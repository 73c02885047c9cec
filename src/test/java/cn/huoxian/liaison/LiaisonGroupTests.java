package cn.huoxian.liaison;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Liaison groups (包联组): a cadre leader, members, villages under the group's region, the
 * inspections recorded against the group, and scope.
 */
@SqlTest
class LiaisonGroupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	PairingFixtures f;

	@BeforeEach
	void fixtures() {
		f = new PairingFixtures(mvc);
	}

	private String group(String region, long leader, String members, String communities) {
		return "{\"name\":\"第一包联组\",\"leaderId\":" + leader + ",\"region\":\"" + region + "\",\"memberIds\":[" + members
				+ "],\"communityCodes\":[" + communities + "]}";
	}

	@Test
	void createsGroupWithVillagesUnderItsRegionAndShowsItsInspections() throws Exception {
		String township = f.township("130902");
		String village = f.village();
		long leader = f.person("COUNTY");
		long member = f.person(null);
		long id = PairingFixtures.id(f
			.postJson("xinhua", "/api/v1/deployment/liaison-groups",
					group(township, leader, String.valueOf(member), "\"" + village + "\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.leader.id").value(leader))
			.andExpect(jsonPath("$.regionCode").value(township))
			.andExpect(jsonPath("$.members[0].id").value(member))
			.andExpect(jsonPath("$.communities[0].code").value(village)));
		String url = "/api/v1/deployment/liaison-groups/" + id;
		String second = f.village();
		f.postJson("xinhua", url + "/communities", "{\"communityCode\":\"" + second + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communities.length()").value(2));
		f.perform("xinhua", delete(url + "/communities/" + village))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communities.length()").value(1))
			.andExpect(jsonPath("$.communities[0].code").value(second));
		long another = f.person("STAFF");
		f.postJson("xinhua", url + "/members", "{\"personId\":" + another + "}")
			.andExpect(jsonPath("$.members.length()").value(2));
		f.perform("xinhua", delete(url + "/members/" + member))
			.andExpect(jsonPath("$.members.length()").value(1))
			.andExpect(jsonPath("$.members[0].id").value(another));
		f.perform("xinhua", get("/api/v1/deployment/liaison-groups?region=" + township))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isNotEmpty());
		// an inspection recorded against the group (by the inspections part) shows on it
		long village2Id = db.select(cn.huoxian.db.Tables.REGION.ID)
			.from(cn.huoxian.db.Tables.REGION)
			.where(cn.huoxian.db.Tables.REGION.CODE.eq(second))
			.fetchOne(cn.huoxian.db.Tables.REGION.ID);
		long inspection = db.insertInto(cn.huoxian.db.Tables.INSPECTION)
			.set(cn.huoxian.db.Tables.INSPECTION.INSPECTOR_ID, leader)
			.set(cn.huoxian.db.Tables.INSPECTION.INSPECTOR_LEVEL, "COUNTY")
			.set(cn.huoxian.db.Tables.INSPECTION.TARGET_REGION_ID, village2Id)
			.set(cn.huoxian.db.Tables.INSPECTION.PATH, "/130900/130902/" + township + "/" + second + "/")
			.set(cn.huoxian.db.Tables.INSPECTION.LIAISON_GROUP_ID, id)
			.set(cn.huoxian.db.Tables.INSPECTION.INSPECTED_ON, LocalDate.of(2020, 2, 3))
			.set(cn.huoxian.db.Tables.INSPECTION.RECORDED_BY, "xinhua")
			.returning(cn.huoxian.db.Tables.INSPECTION.ID)
			.fetchOne(cn.huoxian.db.Tables.INSPECTION.ID);
		f.perform("xinhua", get(url))
			.andExpect(jsonPath("$.inspections[0].id").value(inspection))
			.andExpect(jsonPath("$.inspections[0].date").value("2020-02-03"))
			.andExpect(jsonPath("$.inspections[0].target").value("结对社区" + second))
			.andExpect(jsonPath("$.inspections[0].inspectorId").value(leader));
	}

	@Test
	void communitiesMustBeVillagesUnderTheGroupsRegion() throws Exception {
		String township = f.township("130902");
		long leader = f.person("COUNTY");
		// a village of another district
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups",
				group(township, leader, "", "\"" + f.village("130903") + "\""))
			// a village outside the caller's scope is answered like a missing one
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field", containsString("communityCodes")));
		// the township itself, a grid: not villages
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups", group("130902", leader, "", "\"" + township + "\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("乡镇街道")));
		String village = f.village();
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups",
				group("130902", leader, "", "\"" + f.grid(village) + "\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("是网格")));
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups", group("130902", leader, "", "\"999999999999\""))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field", containsString("communityCodes")));
		// the leader must be a cadre; name and region are required
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups", group("130902", f.person(null), "", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("leaderId"));
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups/" + 1 + "/communities", "{\"communityCode\":\" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("communityCode"))
			.andExpect(jsonPath("$.errors[0].reason").value("必填"));
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups", "{\"leaderId\":" + leader + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[1].field").value("region"));
		// adding later follows the same rule
		long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/liaison-groups",
				group(township, leader, "", "\"" + village + "\"")));
		f.postJson("xinhua", "/api/v1/deployment/liaison-groups/" + id + "/communities",
				"{\"communityCode\":\"" + f.village("130903") + "\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void scopeOnEveryLiaisonEndpoint() throws Exception {
		String township = f.township("130902");
		long leader = f.person("COUNTY");
		long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/liaison-groups",
				group(township, leader, "", "\"" + f.village() + "\"")));
		String url = "/api/v1/deployment/liaison-groups/" + id;
		String yunhe = PairingFixtures.account(accounts, Role.REGION_STAFF, null, ScopeRoot.region("130903"));
		f.perform(yunhe, get(url)).andExpect(status().isNotFound());
		f.perform(yunhe, get("/api/v1/deployment/liaison-groups?region=130902")).andExpect(status().isNotFound());
		f.perform(yunhe, get("/api/v1/deployment/liaison-groups"))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
		f.postJson(yunhe, url + "/members", "{\"personId\":" + leader + "}").andExpect(Api.refused());
		f.perform(yunhe, delete(url + "/members/" + leader)).andExpect(Api.refused());
		f.postJson(yunhe, url + "/communities", "{\"communityCode\":\"" + f.village() + "\"}").andExpect(Api.refused());
		f.perform(yunhe, delete(url + "/communities/" + township)).andExpect(Api.refused());
		f.postJson(yunhe, "/api/v1/deployment/liaison-groups", group(township, leader, "", ""))
			.andExpect(Api.refused());
		f.perform("zzb", get(url)).andExpect(status().isOk());
		f.postJson("zzb", "/api/v1/deployment/liaison-groups", group(township, leader, "", ""))
			.andExpect(Api.refused());
		f.postJson("zzb", url + "/members", "{\"personId\":" + leader + "}").andExpect(Api.refused());
		f.perform("zzb", delete(url + "/communities/" + township)).andExpect(Api.refused());
	}

	@Test
	void pagesListFormAndShowAGroup() throws Exception {
		MockHttpSession session = Pages.login(mvc, "xinhua");
		String township = f.township("130902");
		String village = f.village();
		long leader = f.person("COUNTY");
		mvc.perform(post("/deployment/liaison-groups").session(session)
			.with(csrf())
			.param("name", "")
			.param("leaderId", "x")
			.param("region", township))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/liaison/groups"))
			.andExpect(content().string(containsString("id=\"leaderId-error\"")))
			// beside the field; the region chosen in its picker kept
			.andExpect(content().string(containsString("不是数字：x")))
			.andExpect(content().string(containsString("value=\"" + township + "\"")));
		mvc.perform(post("/deployment/liaison-groups").session(session)
			.with(csrf())
			.param("name", "第二包联组")
			.param("leaderId", String.valueOf(leader))
			.param("region", township)
			.param("communityCodes", f.village("130903")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"group-error\"")))
			.andExpect(content().string(containsString("value=\"第二包联组\"")));
		String location = mvc
			.perform(post("/deployment/liaison-groups").session(session)
				.with(csrf())
				.param("name", "第二包联组")
				.param("leaderId", String.valueOf(leader))
				.param("region", township)
				.param("communityCodes", village))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(post(location + "/members").session(session).with(csrf()).param("personId", String.valueOf(leader)))
			.andExpect(flash().attribute("recorded", true));
		mvc.perform(post(location + "/communities").session(session).with(csrf()).param("communityCode", township))
			.andExpect(flash().attributeExists("error"));
		mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("deployment/liaison/group"))
			.andExpect(content().string(containsString("结对社区" + village)))
			.andExpect(content().string(containsString("id=\"member-form\"")));
		mvc.perform(get("/deployment/liaison-groups").param("region", township).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(location)));
		mvc.perform(get(location).session(Pages.login(mvc, "zzb")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"member-form\""))));
	}

}
