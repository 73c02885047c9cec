package cn.huoxian.org;

import static cn.huoxian.support.Pages.login;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The network's forms say what is wrong next to the field, in Chinese. */
@SqlTest
class NetworkPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theUnitFormExplainsABadCodeInChinese() throws Exception {
		mvc.perform(post("/units/new").session(login(mvc, "admin"))
			.with(csrf())
			.param("code", "ab")
			.param("name", "测试单位")
			.param("kind", "GOVERNMENT_ORGAN")
			.param("regionCode", "130902"))
			.andExpect(status().isOk())
			.andExpect(view().name("org/unit-form"))
			.andExpect(content().string(containsString("应为 4 到 40 位数字、大写字母或短横线")));
	}

	@Test
	void theRenameFormExplainsABlankNameInChinese() throws Exception {
		mvc.perform(post("/regions/130902/edit").session(login(mvc, "xinhua")).with(csrf()).param("name", " "))
			.andExpect(status().isOk())
			.andExpect(view().name("org/region-edit"))
			.andExpect(content().string(containsString("应为 1 到 100 个字符")));
	}

	@Test
	void thePartyOrganisationFormAsksForWhatATemporaryOneNeeds() throws Exception {
		mvc.perform(post("/party-organisations/new").session(login(mvc, "admin"))
			.with(csrf())
			.param("code", "TMP-L10N")
			.param("name", "临时党支部")
			.param("kind", "BRANCH")
			.param("regionCode", "130902")
			.param("temporary", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("org/party-organisation-form"))
			.andExpect(content().string(containsString("临时党组织必须填写此项")));
	}

}
