package cn.huoxian.vanguard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Temporary party organisations at posts: members from several units, one secretary, the
 * active filter and scope.
 */
@SqlTest
class TemporaryOrganisationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	Units units;

	VanguardFixtures f;

	@BeforeEach
	void fixtures() {
		f = new VanguardFixtures(mvc, people, accounts, db);
	}

	private static String member(long person, boolean secretary, Long unit) {
		return "{\"personId\":" + person + ",\"secretary\":" + secretary
				+ (unit == null ? "" : ",\"fromUnitId\":" + unit) + "}";
	}

	@Test
	void oneSecretaryAndMembersFromSeveralUnitsAreCounted() throws Exception {
		long org = f.temporaryOrganisation();
		String url = "/api/v1/deployment/temporary-organisations/" + org;
		List<Long> pm = f.partyMembers();
		List<UnitView> two = units
			.list("130902", null, 0, 2, DataScope.ofRegions(RegionPath.root("130900").child("130902")))
			.items();
		long u1 = two.get(0).id();
		long u2 = two.get(1).id();
		f.post("xinhua", url + "/members", member(pm.get(0), true, u1), 201);
		// a second secretary is refused unless the first is replaced explicitly
		String refused = f.post("xinhua", url + "/members", member(pm.get(1), true, u2), 422);
		assertThat(JsonPath.<String>read(refused, "$.detail")).contains("已有书记").contains("替换现任书记");
		String replaced = f.post("xinhua", url + "/members", "{\"personId\":" + pm.get(1)
				+ ",\"secretary\":true,\"replaceSecretary\":true,\"fromUnitId\":" + u2 + "}", 201);
		assertThat(((Number) JsonPath.read(replaced, "$.secretaryId")).longValue()).isEqualTo(pm.get(1));
		f.post("xinhua", url + "/members", member(pm.get(2), false, u1), 201);
		// the same person twice, a non-member, a day in the future
		f.post("xinhua", url + "/members", member(pm.get(2), false, u1), 422);
		String notMember = f.post("xinhua", url + "/members", member(f.nonMember(), false, null), 400);
		assertThat(notMember).contains("不是党员");
		f.post("xinhua", url + "/members",
				"{\"personId\":" + pm.get(3) + ",\"joinedOn\":\"" + VanguardFixtures.today().plusDays(1) + "\"}", 400);

		String one = f.get("zzb", url, 200);
		assertThat((Integer) JsonPath.read(one, "$.memberCount")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(one, "$.unitCount")).isEqualTo(2);
		List<Boolean> secretaries = JsonPath.read(one, "$.members[*].secretary");
		assertThat(secretaries.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);

		String list = f.get("xinhua",
				"/api/v1/deployment/temporary-organisations?size=500&active=true&region=" + VanguardFixtures.DISTRICT,
				200);
		List<Map<String, Object>> mine = JsonPath.read(list, "$.items[?(@.id == " + org + ")]");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0)).containsEntry("memberCount", 3).containsEntry("unitCount", 2);
		assertThat(mine.get(0).get("secretaryName")).isNotNull();

		f.send("xinhua", MockMvcRequestBuilders.delete(url + "/members/" + pm.get(2)), null, 200);
		f.send("xinhua", MockMvcRequestBuilders.delete(url + "/members/" + pm.get(2)), null, 404);
		assertThat((Integer) JsonPath.read(f.get("xinhua", url, 200), "$.memberCount")).isEqualTo(2);
	}

	@Test
	void activeMeansSetUpAndNotDissolvedByToday() throws Exception {
		String code = "TMP-D" + System.nanoTime() % 1000000;
		long dissolved = VanguardFixtures.id(f.post("admin", "/api/v1/party-organisations", "{\"code\":\"" + code
				+ "\",\"name\":\"已撤销临时党支部\",\"kind\":\"BRANCH\",\"regionCode\":\"130902\",\"temporary\":true,"
				+ "\"category\":\"SUPPLIES\",\"post\":\"物资仓库\",\"setUpOn\":\"" + VanguardFixtures.today().minusDays(20)
				+ "\",\"dissolvedOn\":\"" + VanguardFixtures.today() + "\"}", 201));
		long active = f.temporaryOrganisation();
		String base = "/api/v1/deployment/temporary-organisations?size=500&region=130902";
		List<Integer> activeIds = JsonPath.read(f.get("xinhua", base + "&active=true", 200), "$.items[*].id");
		List<Integer> inactiveIds = JsonPath.read(f.get("xinhua", base + "&active=false", 200), "$.items[*].id");
		assertThat(activeIds).contains((int) active).doesNotContain((int) dissolved);
		assertThat(inactiveIds).contains((int) dissolved).doesNotContain((int) active);
		// a dissolved organisation takes no new members
		f.post("xinhua", "/api/v1/deployment/temporary-organisations/" + dissolved + "/members",
				member(f.partyMembers().get(0), false, null), 422);
	}

	@Test
	void outsideTheScopeReadsAre404AndWritesAre403() throws Exception {
		long org = f.temporaryOrganisation();
		String url = "/api/v1/deployment/temporary-organisations/" + org;
		long pm = f.partyMembers().get(0);
		f.post("xinhua", url + "/members", member(pm, false, null), 201);
		String outsider = f.outsider();
		f.get(outsider, url, 404);
		f.get(outsider, "/api/v1/deployment/temporary-organisations?region=130902", 404);
		List<Integer> theirs = JsonPath
			.read(f.get(outsider, "/api/v1/deployment/temporary-organisations?size=500", 200), "$.items[*].id");
		assertThat(theirs).doesNotContain((int) org);
		f.post(outsider, url + "/members", member(f.partyMembers().get(1), false, null), 403);
		f.send(outsider, MockMvcRequestBuilders.delete(url + "/members/" + pm), null, 403);
		// the evaluator reads everything and writes nothing
		f.get("zzb", url, 200);
		f.post("zzb", url + "/members", member(f.partyMembers().get(1), false, null), 403);
		f.send("zzb", MockMvcRequestBuilders.delete(url + "/members/" + pm), null, 403);
		f.get("xinhua", "/api/v1/deployment/temporary-organisations/999999999", 404);
	}

	@Test
	void pagesListTheOrganisationsAndAddAMemberOnAPhone() throws Exception {
		long org = f.temporaryOrganisation();
		var session = cn.huoxian.support.Pages.login(mvc, "xinhua");
		mvc.perform(MockMvcRequestBuilders.get("/deployment/temporary-organisations?region=130902&active=true")
			.session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/deployment/temporary-organisations/" + org)))
			.andExpect(content().string(containsString("class=\"responsive\"")));
		mvc.perform(MockMvcRequestBuilders.post("/deployment/temporary-organisations/" + org + "/members")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(f.nonMember())))
			.andExpect(redirectedUrl("/deployment/temporary-organisations/" + org))
			.andExpect(flash().attributeExists("error"));
		mvc.perform(MockMvcRequestBuilders.post("/deployment/temporary-organisations/" + org + "/members")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(f.partyMembers().get(0)))
			.param("secretary", "true"))
			.andExpect(redirectedUrl("/deployment/temporary-organisations/" + org))
			.andExpect(flash().attribute("recorded", "member"));
		mvc.perform(MockMvcRequestBuilders.get("/deployment/temporary-organisations/" + org).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"member-form\"")))
			.andExpect(content().string(containsString("class=\"member\"")));
		var outsider = cn.huoxian.support.Pages.login(mvc, "zzb");
		mvc.perform(MockMvcRequestBuilders.get("/deployment/temporary-organisations/" + org).session(outsider))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"member-form\""))));
	}

}
