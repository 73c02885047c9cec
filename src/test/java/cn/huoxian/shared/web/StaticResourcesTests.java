package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Styles and scripts under versioned URLs kept by browsers for a year, and no resource
 * look-up for the page's other links (issue 13).
 */
@SqlTest
class StaticResourcesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void aPageLinksItsStylesAndScriptsByVersionAndTheyAreCachedForAYear() throws Exception {
		String page = mvc.perform(get("/regions/130902").session(Pages.login(mvc, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String css = linked(page, "/css/huoxian-[0-9a-f]{32}\\.css");
		String htmx = linked(page, "/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
		String js = linked(page, "/js/huoxian-[0-9a-f]{32}\\.js");
		// the tab icon is inline, so a browser does not ask for /favicon.ico (a 404) on
		// every page
		assertThat(page).contains("<link rel=\"icon\" href=\"data:image/svg+xml,");
		for (String url : new String[] { css, htmx, js }) {
			mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		}
	}

	@Test
	void theUnversionedUrlsStillAnswer() throws Exception {
		mvc.perform(get("/css/huoxian.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
	}

	@Test
	void onlyTheStaticFoldersAreResourcePathsSoOtherLinksAreNeverLookedUp() {
		// (springdoc adds its own for Swagger UI)
		assertThat(resourceUrls.getHandlerMap().keySet()).contains("/css/**", "/js/**", "/webjars/**")
			.allMatch(pattern -> pattern.matches("/(css|js|webjars|swagger-ui)/.+"));
		assertThat(resourceUrls.getForLookupPath("/regions/130902")).isNull();
	}

	@Test
	void nothingElseIsServedFromTheClassPath() throws Exception {
		mvc.perform(get("/application.yml"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(401, 302, 404));
	}

	private static String linked(String page, String regex) {
		Matcher matcher = Pattern.compile("\"(" + regex + ")\"").matcher(page);
		assertThat(matcher.find()).as("the page links %s", regex).isTrue();
		return matcher.group(1);
	}

}
