package cn.huoxian.access;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.db.Tables;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Tokens, lockout after five failures, revocation, and the audit of logins. */
@SqlTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	private String newAccount() {
		String username = "lock" + System.nanoTime();
		accounts.create(
				new NewAccount(username, "Secret123", Role.REGION_STAFF, null, List.of(ScopeRoot.region("130902"))));
		return username;
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}

	@Test
	void issuesTokenThatOpensTheApi() throws Exception {
		String body = signIn("xinhua", Api.PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.token").isString())
			.andExpect(jsonPath("$.expiresAt").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(body, "$.token");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("xinhua"))
			.andExpect(jsonPath("$.scopes[0].code").value("130902"));
		// only the hash is stored
		assertThat(db.fetchExists(Tables.API_TOKEN, Tables.API_TOKEN.TOKEN_HASH.eq(token))).isFalse();
		assertThat(db.fetchExists(Tables.API_TOKEN, Tables.API_TOKEN.TOKEN_HASH.eq(ApiTokens.hash(token)))).isTrue();
	}

	@Test
	void revokedTokenNoLongerWorks() throws Exception {
		String token = JsonPath.read(signIn("xinhua", Api.PASSWORD).andReturn().getResponse().getContentAsString(),
				"$.token");
		mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void rejectsWrongPasswordAndMissingFields() throws Exception {
		signIn("xinhua", "wrong-password1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/bad-credentials"));
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void locksAccountAfterFiveFailuresForFifteenMinutes() throws Exception {
		String username = newAccount();
		for (int i = 0; i < 4; i++) {
			signIn(username, "Wrong1234").andExpect(status().isUnauthorized());
		}
		signIn(username, "Secret123").andExpect(status().isOk()); // a success resets the
																	// count
		for (int i = 0; i < 5; i++) {
			signIn(username, "Wrong1234").andExpect(status().isUnauthorized());
		}
		// locked: the right password is refused with the answer a wrong one gets
		signIn(username, "Secret123").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/bad-credentials"));
		var lockedUntil = db.select(Tables.ACCOUNT.LOCKED_UNTIL)
			.from(Tables.ACCOUNT)
			.where(Tables.ACCOUNT.USERNAME.eq(username))
			.fetchOne(Tables.ACCOUNT.LOCKED_UNTIL);
		assertThat(lockedUntil).isAfter(java.time.OffsetDateTime.now().plusMinutes(14));
		assertThat(lockedUntil).isBefore(java.time.OffsetDateTime.now().plusMinutes(16));
		// fifteen minutes later
		db.update(Tables.ACCOUNT)
			.set(Tables.ACCOUNT.LOCKED_UNTIL, java.time.OffsetDateTime.now().minusSeconds(1))
			.where(Tables.ACCOUNT.USERNAME.eq(username))
			.execute();
		signIn(username, "Secret123").andExpect(status().isOk());
	}

	@Test
	void auditsLoginsForAdministrators() throws Exception {
		String username = newAccount();
		signIn(username, "Wrong1234");
		signIn(username, "Secret123");
		mvc.perform(as(mvc, "admin", get("/api/v1/audit?action=LOGIN_FAILED&size=50")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.actor == '" + username + "')]").isNotEmpty());
		mvc.perform(as(mvc, "admin", get("/api/v1/audit?action=LOGIN&size=50")))
			.andExpect(jsonPath("$.items[?(@.actor == '" + username + "')]").isNotEmpty());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/audit"))).andExpect(status().isForbidden());
	}

	/** The security filters answer before Spring MVC, yet in the caller's language. */
	@Test
	void refusalsOfTheSecurityFiltersReadInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/v1/regions/130902"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("需要登录"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("请先登录")));
		mvc.perform(get("/api/v1/regions/130902").header("Accept-Language", "zh-TW"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("請先登入")));
		mvc.perform(get("/api/v1/regions/130902").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Sign in first")));
		mvc.perform(get("/api/v1/regions/130902").header("Authorization", "Bearer no-such-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://huoxian.cn/problems/invalid-token"))
			.andExpect(jsonPath("$.detail").value("令牌不存在、已过期或已注销，请重新登录"));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/audit")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("您的角色无权执行此操作"));
		signIn(newAccount(), "Wrong1234").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("需要登录"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("用户名或密码错误")));
	}

}
