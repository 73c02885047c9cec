package cn.huoxian.api;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.IDEMPOTENT_REQUEST;
import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_NEED;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.huoxian.support.Api;
import cn.huoxian.support.AtOnce;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code Idempotency-Key} on POST /api/v1: a retried request replays the first answer, a
 * key reused for another request is refused, a repeat while the first runs is told so.
 * Isolation needs have no natural key, so they show what the key alone prevents.
 */
@SqlTest
class IdempotencyKeyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	private long caseId;

	@BeforeEach
	void openCase() throws Exception {
		long person = db.select(PERSON.ID)
			.from(PERSON)
			.whereNotExists(DSL.selectOne()
				.from(ISOLATION_CASE)
				.where(ISOLATION_CASE.PERSON_ID.eq(PERSON.ID))
				.and(ISOLATION_CASE.STATUS.in("ACTIVE", "EXTENDED")))
			.orderBy(PERSON.ID.desc())
			.limit(1)
			.fetchSingle(PERSON.ID);
		String opened = mvc
			.perform(as(mvc, "admin", post("/api/v1/isolation/cases")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"personId\":" + person
						+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"OTHER\",\"responsibleIds\":[" + person + "]}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		caseId = ((Number) JsonPath.read(opened, "$.id")).longValue();
	}

	private MockHttpServletResponse need(String key, String description) throws Exception {
		var request = as(mvc, "admin", post("/api/v1/isolation/cases/" + caseId + "/needs"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"MEDICINE\",\"description\":\"" + description + "\"}");
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private int needs() {
		return db.fetchCount(ISOLATION_NEED, ISOLATION_NEED.CASE_ID.eq(caseId));
	}

	@Test
	void aRetryWithTheSameKeyReplaysTheFirstAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse first = need(key, "降压药");
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(first.getHeader("Idempotent-Replayed")).isNull();
		MockHttpServletResponse again = need(key, "降压药");
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getContentType()).startsWith("application/json");
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(needs()).isEqualTo(1);
		// without a key a repeat is a second need, as before
		need(null, "降压药");
		need(null, "降压药");
		assertThat(needs()).isEqualTo(3);
	}

	@Test
	void aKeyReusedForAnotherRequestIsRefused() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(need(key, "降压药").getStatus()).isEqualTo(201);
		MockHttpServletResponse other = need(key, "胰岛素");
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(other.getContentAsString(), "$.type"))
			.isEqualTo("https://huoxian.cn/problems/idempotency-key-reused");
		assertThat(needs()).isEqualTo(1);
		// keys belong to an account: another account's key of the same name is its own
		var elsewhere = as(mvc, "xinhua", post("/api/v1/isolation/cases/" + caseId + "/needs"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"MEDICINE\",\"description\":\"胰岛素\"}");
		assertThat(mvc.perform(elsewhere).andReturn().getResponse().getStatus()).isNotIn(409, 422);
	}

	@Test
	void aRepeatWhileTheFirstRunsIsToldToWait() throws Exception {
		String key = UUID.randomUUID().toString();
		// the first request has claimed the key and not answered yet
		db.insertInto(IDEMPOTENT_REQUEST)
			.set(IDEMPOTENT_REQUEST.USERNAME, "admin")
			.set(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY, key)
			.set(IDEMPOTENT_REQUEST.CREATED_AT, OffsetDateTime.now())
			.execute();
		MockHttpServletResponse repeat = need(key, "降压药");
		assertThat(repeat.getStatus()).isEqualTo(409);
		assertThat(repeat.getHeader("Retry-After")).isEqualTo("1");
		assertThat(JsonPath.<String>read(repeat.getContentAsString(), "$.type"))
			.isEqualTo("https://huoxian.cn/problems/idempotency-key-in-use");
		assertThat(needs()).isZero();
	}

	@Test
	void eightParallelRetriesWriteOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		Api.token(mvc, "admin");
		List<String> ids = new ArrayList<>();
		for (MockHttpServletResponse response : AtOnce.run(8, () -> need(key, "米面油"))) {
			assertThat(response.getStatus()).isIn(201, 409);
			if (response.getStatus() == 201) {
				ids.add(JsonPath.read(response.getContentAsString(), "$.id").toString());
			}
		}
		assertThat(ids).isNotEmpty();
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(needs()).isEqualTo(1);
	}

	@Test
	void aFailedRequestKeepsNothingSoItsRetryRuns() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(need(key, "").getStatus()).isEqualTo(400);
		assertThat(need(key, "退烧药").getStatus()).isEqualTo(201);
		assertThat(needs()).isEqualTo(1);
	}

	@Test
	void anUploadIsFingerprintedByItsParts() throws Exception {
		String grid = JsonPath.read(
				mvc.perform(as(mvc, "grid01", get("/api/v1/me"))).andReturn().getResponse().getContentAsString(),
				"$.scopes[0].code");
		String address = "幂等路" + UUID.randomUUID().toString().substring(0, 8) + "号";
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse first = upload(key, grid + ",1号楼," + address + ",1-101");
		assertThat(first.getStatus()).isEqualTo(200);
		MockHttpServletResponse again = upload(key, grid + ",1号楼," + address + ",1-101");
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(upload(key, grid + ",1号楼," + address + ",1-102").getStatus()).isEqualTo(422);
		assertThat(db.fetchCount(HOUSEHOLD, HOUSEHOLD.ADDRESS.eq(address))).isEqualTo(1);
	}

	private MockHttpServletResponse upload(String key, String row) throws Exception {
		byte[] csv = ("regionCode,building,address,door\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8);
		return mvc
			.perform(multipart("/api/v1/imports/households")
				.file(new MockMultipartFile("file", "rows.csv", "text/csv", csv))
				.header("Authorization", "Bearer " + Api.token(mvc, "admin"))
				.header("Idempotency-Key", key))
			.andReturn()
			.getResponse();
	}

	@Test
	void aKeyIsOneToAHundredVisibleAsciiCharacters() throws Exception {
		for (String bad : List.of("", " ", "a b", "钥匙", "x".repeat(101), "tab\tkey")) {
			MockHttpServletResponse response = need(bad, "口罩");
			assertThat(response.getStatus()).as("key '%s'", bad).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type"))
				.isEqualTo("https://huoxian.cn/problems/invalid-idempotency-key");
		}
		assertThat(needs()).isZero();
		// a fresh key of exactly 100 characters (the database may outlive a run)
		String longest = (UUID.randomUUID() + "x".repeat(100)).substring(0, 100);
		assertThat(need(longest, "口罩").getStatus()).isEqualTo(201);
	}

}
