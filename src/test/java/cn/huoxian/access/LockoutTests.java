package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The lockout under concurrency (at most five password checks per 15 minutes), what a
 * lock ends (tokens, page sessions), and that failures do not tell who exists: one answer
 * and exactly one password-hash comparison whatever the reason.
 */
@SqlTest
class LockoutTests {

	private static final String RIGHT = "Secret123";

	private static final int PARALLEL = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	LoginGuard guard;

	@Autowired
	DSLContext db;

	private PasswordEncoder original;

	private CountingEncoder counting;

	/** Records every comparison the guard makes: the raw password and the hash. */
	record Comparison(String raw, String hash) {
	}

	static final class CountingEncoder implements PasswordEncoder {

		final PasswordEncoder delegate;

		final Queue<Comparison> comparisons = new ConcurrentLinkedQueue<>();

		CountingEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence raw) {
			return delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String hash) {
			comparisons.add(new Comparison(raw.toString(), hash));
			return delegate.matches(raw, hash);
		}

		long against(String hash) {
			return comparisons.stream().filter(c -> c.hash().equals(hash)).count();
		}

		long of(String raw) {
			return comparisons.stream().filter(c -> c.raw().equals(raw)).count();
		}

	}

	@BeforeEach
	void spyOnTheEncoder() {
		original = (PasswordEncoder) ReflectionTestUtils.getField(guard, "passwords");
		counting = new CountingEncoder(original);
		ReflectionTestUtils.setField(guard, "passwords", counting);
	}

	@AfterEach
	void restoreTheEncoder() {
		ReflectionTestUtils.setField(guard, "passwords", original);
	}

	private String newAccount() {
		String username = "lockout" + System.nanoTime();
		accounts.create(new NewAccount(username, RIGHT, Role.REGION_STAFF, null, List.of(ScopeRoot.region("130902"))));
		return username;
	}

	private String hashOf(String username) {
		return db.select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOne().value1();
	}

	private static String wrong() {
		return "Wrong-" + UUID.randomUUID();
	}

	private MvcResult token(String username, String password) throws Exception {
		return mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andReturn();
	}

	private MvcResult form(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
	}

	/** Runs the attempt PARALLEL times at once; the answers. */
	private List<MvcResult> inParallel(Callable<MvcResult> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MvcResult>> answers = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<MvcResult> results = new ArrayList<>();
			for (Future<MvcResult> answer : answers) {
				results.add(answer.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private boolean locked(String username) {
		OffsetDateTime until = db.select(ACCOUNT.LOCKED_UNTIL)
			.from(ACCOUNT)
			.where(ACCOUNT.USERNAME.eq(username))
			.fetchOne()
			.value1();
		return until != null && until.isAfter(OffsetDateTime.now().plusMinutes(14));
	}

	private void endTheLock(String username) {
		db.update(ACCOUNT)
			.set(ACCOUNT.LOCKED_UNTIL, OffsetDateTime.now().minusSeconds(1))
			.where(ACCOUNT.USERNAME.eq(username))
			.execute();
	}

	@Test
	void parallelWrongPasswordsOnTheTokenEndpointCheckAtMostFive() throws Exception {
		String username = newAccount();
		String hash = hashOf(username);
		List<MvcResult> answers = inParallel(() -> token(username, wrong()));
		assertThat(answers).allSatisfy(a -> assertThat(a.getResponse().getStatus()).isEqualTo(401));
		assertThat(counting.against(hash)).as("passwords checked against the account's hash").isBetween(1L, 5L);
		assertThat(locked(username)).isTrue();
		// the right password right after is refused without being checked
		assertThat(token(username, RIGHT).getResponse().getStatus()).isEqualTo(401);
		assertThat(counting.against(hash)).isLessThanOrEqualTo(5);
	}

	@Test
	void parallelWrongPasswordsOnTheLoginFormCheckAtMostFive() throws Exception {
		String username = newAccount();
		String hash = hashOf(username);
		List<MvcResult> answers = inParallel(() -> form(username, wrong()));
		assertThat(answers).allSatisfy(a -> assertThat(a.getResponse().getRedirectedUrl()).isEqualTo("/login?error"));
		assertThat(counting.against(hash)).as("passwords checked against the account's hash").isBetween(1L, 5L);
		assertThat(locked(username)).isTrue();
		assertThat(form(username, RIGHT).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(counting.against(hash)).isLessThanOrEqualTo(5);
	}

	@Test
	void aLockEndsTheAccountsTokensAndPageSessions() throws Exception {
		String username = newAccount();
		String token = JsonPath.read(token(username, RIGHT).getResponse().getContentAsString(), "$.token");
		MockHttpSession checkedDuringTheLock = signedInSession(username);
		MockHttpSession checkedAfterTheLock = signedInSession(username);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/").session(checkedDuringTheLock)).andExpect(status().isOk());

		for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
			token(username, wrong());
		}
		assertThat(locked(username)).isTrue();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/").session(checkedDuringTheLock)).andExpect(redirectedUrl("/login"));

		// fifteen minutes later the account signs in again, but what it had before stays
		// ended
		endTheLock(username);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/").session(checkedAfterTheLock)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/").session(signedInSession(username))).andExpect(status().isOk());
	}

	private MockHttpSession signedInSession(String username) throws Exception {
		MvcResult result = form(username, RIGHT);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void unknownWrongAndLockedGetOneAnswerAfterOneComparison() throws Exception {
		String username = newAccount();
		String lockedName = newAccount();
		for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
			token(lockedName, wrong());
		}
		assertThat(locked(lockedName)).isTrue();

		List<String> bodies = new ArrayList<>();
		for (String name : List.of("nobody" + System.nanoTime(), username, lockedName)) {
			String password = wrong();
			MvcResult answer = token(name, password);
			assertThat(answer.getResponse().getStatus()).isEqualTo(401);
			bodies.add(answer.getResponse().getContentAsString());
			assertThat(counting.of(password)).as("hash comparisons for " + name).isEqualTo(1);
		}
		String right = RIGHT; // the locked account's own password: refused, compared once
		long before = counting.of(right);
		MvcResult lockedRight = token(lockedName, right);
		bodies.add(lockedRight.getResponse().getContentAsString());
		assertThat(counting.of(right) - before).isEqualTo(1);
		assertThat(counting.against(hashOf(lockedName))).isEqualTo(LoginGuard.MAX_FAILURES);
		assertThat(bodies).as("unknown, wrong, locked, locked with the right password").containsOnly(bodies.get(0));
	}

	@Test
	void theLoginPageSaysTheSameForUnknownWrongAndLocked() throws Exception {
		String username = newAccount();
		String lockedName = newAccount();
		for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
			form(lockedName, wrong());
		}
		List<String> messages = new ArrayList<>();
		for (String name : List.of("nobody" + System.nanoTime(), username, lockedName)) {
			String password = wrong();
			MvcResult answer = form(name, password);
			assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
			assertThat(counting.of(password)).as("hash comparisons for " + name).isEqualTo(1);
			String page = mvc.perform(get("/login?error").session((MockHttpSession) answer.getRequest().getSession()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			messages.add(alert(page));
		}
		assertThat(messages.get(0)).isNotBlank();
		assertThat(messages).containsOnly(messages.get(0));
	}

	private static String alert(String page) {
		Matcher m = Pattern.compile("<p class=\"error\" role=\"alert\"[^>]*>([^<]*)</p>").matcher(page);
		return m.find() ? m.group(1) : "";
	}

}
