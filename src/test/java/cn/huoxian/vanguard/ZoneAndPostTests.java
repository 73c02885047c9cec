package cn.huoxian.vanguard;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.people.People;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Responsibility zones, model posts and claimed key posts: party members only, no future
 * dates, sizes, ending once, scope.
 */
@SqlTest
class ZoneAndPostTests {

	private static final String ZONES = "/api/v1/deployment/zones";

	private static final String MODEL_POSTS = "/api/v1/deployment/model-posts";

	private static final String CLAIMED = "/api/v1/deployment/claimed-posts";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	VanguardFixtures f;

	@BeforeEach
	void fixtures() {
		f = new VanguardFixtures(mvc, people, accounts, db);
	}

	private static String tomorrow() {
		return VanguardFixtures.today().plusDays(1).toString();
	}

	@Test
	void zonesArePartyMembersAreasEndedOnce() throws Exception {
		long pm = f.partyMembers().get(0);
		String refused = f.post("xinhua", ZONES, "{\"personId\":" + f.nonMember() + ",\"area\":\"3号楼\"}", 400);
		assertThat(refused).contains("不是党员");
		f.post("xinhua", ZONES, "{\"personId\":" + pm + "}", 400);
		f.post("xinhua", ZONES, "{\"personId\":" + pm + ",\"area\":\"" + "楼".repeat(201) + "\"}", 400);
		f.post("xinhua", ZONES, "{\"personId\":" + pm + ",\"area\":\"3号楼\",\"since\":\"" + tomorrow() + "\"}", 400);
		f.post("xinhua", ZONES, "{\"personId\":" + pm + ",\"area\":\"3号楼\",\"region\":\"999999\"}", 404);
		long zone = VanguardFixtures
			.id(f.post("xinhua", ZONES, "{\"personId\":" + pm + ",\"area\":\"3号楼1-3单元\",\"region\":\"130902\"}", 201));
		// names from their owners (people, org), one statement
		String shown = f.get("xinhua", ZONES + "/" + zone, 200);
		assertThat(JsonPath.<String>read(shown, "$.personName")).isEqualTo(people.fetch(pm).orElseThrow().name());
		assertThat(JsonPath.<String>read(shown, "$.regionCode")).isEqualTo("130902");
		assertThat(JsonPath.<String>read(shown, "$.regionName")).isEqualTo("新华区");
		List<Integer> current = JsonPath.read(f.get("xinhua", ZONES + "?size=500&region=130902", 200), "$.items[*].id");
		assertThat(current).contains((int) zone);
		f.post("xinhua", ZONES + "/" + zone + "/end", "{\"endedOn\":\"" + tomorrow() + "\"}", 400);
		f.post("xinhua", ZONES + "/" + zone + "/end", "{}", 200);
		f.post("xinhua", ZONES + "/" + zone + "/end", "{}", 422);
		List<Integer> after = JsonPath.read(f.get("xinhua", ZONES + "?size=500&region=130902", 200), "$.items[*].id");
		assertThat(after).doesNotContain((int) zone);
		List<Integer> all = JsonPath.read(f.get("xinhua", ZONES + "?all=true&size=500&region=130902", 200),
				"$.items[*].id");
		assertThat(all).contains((int) zone);
		// scope
		String outsider = f.outsider();
		f.get(outsider, ZONES + "/" + zone, 404);
		f.get(outsider, ZONES + "?region=130902", 404);
		f.post(outsider, ZONES, "{\"personId\":" + pm + ",\"area\":\"越权\",\"region\":\"130902\"}", 403);
		long other = VanguardFixtures.id(f.post("xinhua", ZONES, "{\"personId\":" + pm + ",\"area\":\"5号楼\"}", 201));
		f.post(outsider, ZONES + "/" + other + "/end", "{}", 403);
		f.get("zzb", ZONES + "/" + other, 200);
		f.post("zzb", ZONES, "{\"personId\":" + pm + ",\"area\":\"只读\"}", 403);
		f.post("zzb", ZONES + "/" + other + "/end", "{}", 403);
	}

	@Test
	void modelPostsAreHeldByPartyMembers() throws Exception {
		long pm = f.partyMembers().get(1);
		long org = f.temporaryOrganisation();
		String refused = f.post("xinhua", MODEL_POSTS,
				"{\"name\":\"示范岗\",\"partyOrganisationId\":" + org + ",\"holderId\":" + f.nonMember() + "}", 400);
		assertThat(refused).contains("不是党员");
		f.post("xinhua", MODEL_POSTS, "{\"partyOrganisationId\":" + org + ",\"holderId\":" + pm + "}", 400);
		f.post("xinhua", MODEL_POSTS, "{\"name\":\"示范岗\",\"holderId\":" + pm + "}", 400);
		f.post("xinhua", MODEL_POSTS, "{\"name\":\"示范岗\",\"partyOrganisationId\":" + org + ",\"holderId\":" + pm
				+ ",\"designatedOn\":\"" + tomorrow() + "\"}", 400);
		String elsewhere = f.post("admin", MODEL_POSTS, "{\"name\":\"越界示范岗\",\"partyOrganisationId\":" + org
				+ ",\"holderId\":" + pm + ",\"region\":\"130903\"}", 422);
		assertThat(elsewhere).contains("示范岗只能设在所属党组织的区域内");
		String created = f.post("xinhua", MODEL_POSTS,
				"{\"name\":\"党员先锋岗\",\"partyOrganisationId\":" + org + ",\"holderId\":" + pm + "}", 201);
		long post = VanguardFixtures.id(created);
		assertThat(JsonPath.<String>read(created, "$.regionCode")).isEqualTo("130902");
		assertThat(JsonPath.<String>read(created, "$.regionName")).isEqualTo("新华区");
		assertThat(JsonPath.<String>read(created, "$.holderName")).isEqualTo(people.fetch(pm).orElseThrow().name());
		assertThat(JsonPath.<String>read(created, "$.partyOrganisationName")).startsWith("临时党支部TMP-C");
		List<Integer> listed = JsonPath.read(f.get("xinhua", MODEL_POSTS + "?size=500&region=130902", 200),
				"$.items[*].id");
		assertThat(listed).contains((int) post);
		String outsider = f.outsider();
		f.get(outsider, MODEL_POSTS + "/" + post, 404);
		f.get(outsider, MODEL_POSTS + "?region=130902", 404);
		f.post(outsider, MODEL_POSTS, "{\"name\":\"越权\",\"partyOrganisationId\":" + org + ",\"holderId\":" + pm + "}",
				403);
		f.post(outsider, MODEL_POSTS + "/" + post + "/end", "{}", 403);
		f.get("zzb", MODEL_POSTS + "/" + post, 200);
		f.post("zzb", MODEL_POSTS, "{\"name\":\"只读\",\"partyOrganisationId\":" + org + ",\"holderId\":" + pm + "}",
				403);
		f.post("zzb", MODEL_POSTS + "/" + post + "/end", "{}", 403);
		f.post("xinhua", MODEL_POSTS + "/" + post + "/end", "{}", 200);
		f.post("xinhua", MODEL_POSTS + "/" + post + "/end", "{}", 422);
	}

	@Test
	void claimedPostsAreReleasedOnce() throws Exception {
		long pm = f.partyMembers().get(2);
		String postName = "小区卡口" + System.nanoTime() % 100000;
		String refused = f.post("xinhua", CLAIMED, "{\"personId\":" + f.nonMember() + ",\"post\":\"卡口\"}", 400);
		assertThat(refused).contains("不是党员");
		f.post("xinhua", CLAIMED, "{\"personId\":" + pm + "}", 400);
		f.post("xinhua", CLAIMED, "{\"personId\":" + pm + ",\"post\":\"" + "岗".repeat(201) + "\"}", 400);
		f.post("xinhua", CLAIMED,
				"{\"personId\":" + pm + ",\"post\":\"" + postName + "\",\"claimedOn\":\"" + tomorrow() + "\"}", 400);
		long claimed = VanguardFixtures.id(f.post("xinhua", CLAIMED,
				"{\"personId\":" + pm + ",\"post\":\"" + postName + "\",\"region\":\"130902\"}", 201));
		f.post("xinhua", CLAIMED, "{\"personId\":" + pm + ",\"post\":\"" + postName + "\",\"region\":\"130902\"}", 422);
		List<Integer> held = JsonPath.read(f.get("xinhua", CLAIMED + "?size=500&region=130902", 200), "$.items[*].id");
		assertThat(held).contains((int) claimed);
		String outsider = f.outsider();
		f.get(outsider, CLAIMED + "/" + claimed, 404);
		f.get(outsider, CLAIMED + "?region=130902", 404);
		f.post(outsider, CLAIMED, "{\"personId\":" + pm + ",\"post\":\"越权\",\"region\":\"130902\"}", 403);
		f.post(outsider, CLAIMED + "/" + claimed + "/release", "{}", 403);
		f.get("zzb", CLAIMED + "/" + claimed, 200);
		f.post("zzb", CLAIMED, "{\"personId\":" + pm + ",\"post\":\"只读\"}", 403);
		f.post("zzb", CLAIMED + "/" + claimed + "/release", "{}", 403);
		f.post("xinhua", CLAIMED + "/" + claimed + "/release", "{\"releasedOn\":\"" + tomorrow() + "\"}", 400);
		String released = f.post("xinhua", CLAIMED + "/" + claimed + "/release", "{}", 200);
		assertThat(JsonPath.<String>read(released, "$.releasedOn")).isEqualTo(VanguardFixtures.today().toString());
		f.post("xinhua", CLAIMED + "/" + claimed + "/release", "{}", 422);
		List<Integer> after = JsonPath.read(f.get("xinhua", CLAIMED + "?size=500&region=130902", 200), "$.items[*].id");
		assertThat(after).doesNotContain((int) claimed);
	}

	@Test
	void pagesListAndRecordZonesModelPostsAndClaimedPosts() throws Exception {
		var session = cn.huoxian.support.Pages.login(mvc, "xinhua");
		long pm = f.partyMembers().get(0);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/zones")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(pm))
			.param("area", "页面责任区")
			.param("region", "130902"))
			.andExpect(redirectedUrl("/deployment/zones?region=130902"))
			.andExpect(flash().attribute("recorded", "zone"));
		mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/claimed-posts")
					.session(session)
					.with(csrf())
					.param("personId", String.valueOf(f.nonMember()))
					.param("post", "卡口"))
			.andExpect(flash().attribute("error", containsString("不是党员")));
		// an id that is no number and a day that does not exist, both named (the form's
		// constraints wait until the values bind); what was typed comes back
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/zones")
			.session(session)
			.with(csrf())
			.param("personId", "12a")
			.param("area", " ")
			.param("since", "2020-02-30")
			.param("region", "130902"))
			.andExpect(redirectedUrl("/deployment/zones?region=130902"))
			.andExpect(flash().attribute("error", "personId: 不是数字：12a; since: 不是有效日期，格式如 2020-02-01"))
			.andExpect(flash().attribute("typed",
					java.util.Map.of("personId", "12a", "region", "130902", "area", " ", "since", "2020-02-30")));
		// a missing area; a day that does not exist, alone
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/zones")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(pm))
			.param("area", " ")).andExpect(flash().attribute("error", "area: 必填"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/deployment/zones")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(pm))
			.param("area", "页面责任区二")
			.param("since", "2020-02-30")).andExpect(flash().attribute("error", "since: 不是有效日期，格式如 2020-02-01"));
		for (String page : List.of("/deployment/zones", "/deployment/model-posts", "/deployment/claimed-posts")) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page + "?region=130902")
				.session(session)).andExpect(status().isOk());
		}
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/deployment/zones?region=130902")
			.session(session)).andExpect(content().string(containsString("页面责任区")));
	}

}
