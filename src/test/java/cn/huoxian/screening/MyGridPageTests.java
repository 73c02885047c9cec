package cn.huoxian.screening;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: 我的网格 on a grid worker's phone: every household of the grid or only those not
 * yet covered, searchable by address, with the grid's progress; a covered household
 * leaves the "not yet covered" list at once.
 */
@SqlTest
class MyGridPageTests {

	@Autowired
	MockMvc mvc;

	private String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	/** The section of the page that shows this campaign. */
	private static String section(String html, String campaign) {
		for (String part : html.split("<section")) {
			if (part.contains(campaign)) {
				return part;
			}
		}
		throw new AssertionError("no section for " + campaign);
	}

	private static int matching(String section) {
		Matcher m = Pattern.compile("class=\"uncovered-count\">(\\d+)<").matcher(section);
		assertThat(m.find()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private String page(MockHttpSession session, String query) throws Exception {
		return mvc.perform(get("/screening/my-grid?" + query).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theGridsHouseholdsFilterAndMoveAsTheyAreCovered() throws Exception {
		String name = "网格排查" + Api.unique();
		long campaign = Api.openCampaign(mvc, "xinhua", name, "130902");
		String grid = JsonPath.read(json("grid01", "/api/v1/me"), "$.scopes[0].code");
		String households = json("grid01", "/api/v1/households?size=50&region=" + grid);
		int total = ((Number) JsonPath.read(households, "$.total")).intValue();
		List<Integer> ids = JsonPath.read(households, "$.items[*].id");
		List<String> addresses = JsonPath.read(households, "$.items[*].address");
		MockHttpSession session = login(mvc, "grid01");

		String all = section(page(session, "grid=" + grid + "&show=all"), name);
		assertThat(matching(all)).isEqualTo(total);
		assertThat(all).contains("<progress");
		int todo = matching(section(page(session, "grid=" + grid), name));
		assertThat(todo).isEqualTo(total);

		mvc.perform(post("/screening/campaigns/" + campaign + "/households/" + ids.get(0) + "/visit").session(session)
			.with(csrf())
			.param("visitId", UUID.randomUUID().toString())
			.param("outcome", "COVERED")).andExpect(status().is3xxRedirection());

		assertThat(matching(section(page(session, "grid=" + grid), name))).isEqualTo(total - 1);
		assertThat(matching(section(page(session, "grid=" + grid + "&show=all"), name))).isEqualTo(total);
		// by address: the household found among all, and gone from the uncovered once
		// covered
		String address = addresses.get(0);
		String found = section(page(session, "grid=" + grid + "&show=all&q=" + address), name);
		assertThat(matching(found)).isGreaterThanOrEqualTo(1);
		assertThat(found).contains(address).contains("class=\"covered\"");
		String uncovered = section(page(session, "grid=" + grid + "&q=" + address), name);
		assertThat(uncovered).doesNotContain("households/" + ids.get(0) + "/visit");
	}

}
