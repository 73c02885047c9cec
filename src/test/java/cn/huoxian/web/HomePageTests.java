package cn.huoxian.web;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: the home page is a workbench per role: its tiles count what the user's role
 * acts on within their scope, link to where it is done, and move when work is recorded.
 */
@SqlTest
class HomePageTests {

	@Autowired
	MockMvc mvc;

	private String home(String user) throws Exception {
		return mvc.perform(get("/").session(login(mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	/**
	 * The value a tile linking to {@code href} shows, or -1 when there is no such tile.
	 */
	private static long tile(String html, String href) {
		Matcher m = Pattern
			.compile("href=\"" + Pattern.quote(href) + "\".*?class=\"tile-value\"><span>([\\d,]+)\\+?</span>",
					Pattern.DOTALL)
			.matcher(html);
		return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
	}

	private static List<String> hrefs(String html) {
		Matcher m = Pattern.compile("class=\"card tile[^\"]*\" href=\"([^\"]+)\"").matcher(html);
		List<String> hrefs = new ArrayList<>();
		while (m.find()) {
			hrefs.add(m.group(1).replace("&amp;", "&"));
		}
		return hrefs;
	}

	@Test
	void aGridWorkersCoverageTileMovesWhenAVisitIsRecorded() throws Exception {
		String name = "工作台排查" + Api.unique();
		long campaign = Api.openCampaign(mvc, "xinhua", name, "130902");
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		String href = "/screening/my-grid?grid=" + grid;

		String before = home("grid01");
		assertThat(before).contains("id=\"shortcut-my-grid\"").contains("网格员工作台").contains(name);
		long covered = tile(before, href);
		assertThat(covered).isGreaterThanOrEqualTo(0);

		List<Integer> households = JsonPath.read(json("grid01", "/api/v1/households?size=50&region=" + grid),
				"$.items[*].id");
		var session = login(mvc, "grid01");
		mvc.perform(post("/screening/campaigns/" + campaign + "/households/" + households.get(0) + "/visit")
			.session(session)
			.with(csrf())
			.param("visitId", UUID.randomUUID().toString())
			.param("outcome", "NOBODY_HOME")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/screening/campaigns/" + campaign + "/households/" + households.get(1) + "/visit")
			.session(session)
			.with(csrf())
			.param("visitId", UUID.randomUUID().toString())
			.param("outcome", "COVERED")).andExpect(status().is3xxRedirection());

		// the household nobody was home at is not covered; the other is
		assertThat(tile(home("grid01"), href)).isEqualTo(covered + 1);
	}

	@Test
	void eachRoleSeesTilesWithinItsScopeOnly() throws Exception {
		String district = home("xinhua");
		assertThat(district).contains("区域工作台").doesNotContain("id=\"shortcut-my-grid\"");
		assertThat(hrefs(district)).isNotEmpty()
			.allMatch(h -> !h.contains("region=") || h.contains("region=130902"))
			.noneMatch(h -> h.equals("/record/maintenance"));
		String admin = home("admin");
		assertThat(hrefs(admin)).contains("/record/maintenance", "/assessment");
		assertThat(tile(admin, "/isolation/overdue?region=130900")).isGreaterThanOrEqualTo(0);
		String grid = home("grid01");
		assertThat(hrefs(grid)).noneMatch(h -> h.startsWith("/deployment/rectifications"));
	}

}
