package cn.huoxian.reporting;

import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The deployment start page shows the headline of the user's region. */
@SqlTest
class HeadlinePageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void startPageShowsTheHeadlineOfTheScopeRoot() throws Exception {
		mvc.perform(get("/deployment").session(login(mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"figure-deployedLeadingCadres\"")))
			.andExpect(content().string(containsString("id=\"figure-commandoMembers\"")))
			// the figures themselves are shown, formatted (79,700 style), not left empty
			.andExpect(content().string(matchesPattern("(?s).*id=\"figure-commandoMembers\">[0-9][0-9,]*</dd>.*")))
			.andExpect(content().string(containsString("沧州市")));
		mvc.perform(get("/deployment?lang=en").session(login(mvc, "xinhua")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Leading cadres deployed")))
			.andExpect(content().string(containsString("新华区")))
			.andExpect(content().string(not(containsString("沧州市 ·"))));
		mvc.perform(get("/deployment?region=130900").session(login(mvc, "xinhua"))).andExpect(status().isNotFound());
	}

}
