package cn.huoxian.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Signs the demo accounts in through the real token endpoint and adds their bearer
 * header.
 */
public final class Api {

	public static final String PASSWORD = "Huoxian@2020";

	private static final Map<String, String> TOKENS = new HashMap<>();

	private Api() {
	}

	/** A bearer token for a demo account (cached per JVM; tokens live 12 hours). */
	public static synchronized String token(MockMvc mvc, String username) throws Exception {
		String token = TOKENS.get(username);
		if (token == null) {
			String body = mvc
				.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			token = JsonPath.read(body, "$.token");
			TOKENS.put(username, token);
		}
		return token;
	}

	public static MockHttpServletRequestBuilder as(MockMvc mvc, String username, MockHttpServletRequestBuilder request)
			throws Exception {
		return request.header("Authorization", "Bearer " + token(mvc, username));
	}

	/**
	 * A write outside the caller's scope is refused: 403 when its target lies outside,
	 * 404 when an id or code in its body names something the caller cannot read (issue
	 * 11).
	 */
	public static org.springframework.test.web.servlet.ResultMatcher refused() {
		return result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
			.as("refused: 403 or 404")
			.isIn(403, 404);
	}

	/** True for an expected 403 met by a 404 (see {@link #refused()}). */
	public static int refusedAs(int expected, int actual) {
		return expected == 403 && actual == 404 ? 404 : expected;
	}

	/** A short random suffix so tests can create unique codes in a shared database. */
	public static String unique() {
		// always three digits: codes built from it must meet their minimum length
		return String.format("%03d", System.nanoTime() % 1000);
	}

	/**
	 * Opens a screening campaign over a region through the API, from yesterday to three
	 * days on; its id.
	 */
	public static long openCampaign(MockMvc mvc, String user, String name, String rootRegion) throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now(cn.huoxian.shared.BusinessDay.ZONE);
		String created = mvc
			.perform(as(mvc, user,
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.post("/api/v1/screening/campaigns"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"rootRegion\":\"" + rootRegion + "\",\"startsOn\":\""
						+ today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
	}

	/**
	 * A new region staff account (password {@link #PASSWORD}) whose scope is this region:
	 * a community's or a township's staff.
	 */
	public static String regionStaff(cn.huoxian.access.Accounts accounts, String region) {
		// unique() has three digits: many accounts in one run need more
		String username = "staff" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		accounts.create(new cn.huoxian.access.NewAccount(username, PASSWORD, cn.huoxian.shared.Role.REGION_STAFF, null,
				java.util.List.of(cn.huoxian.access.ScopeRoot.region(region))));
		return username;
	}

}
