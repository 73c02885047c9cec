package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.support.Api;
import cn.huoxian.support.AtOnce;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One open isolation case per person and type (issue 11): the same case posted eight
 * times at once opens one and answers the other seven 409 naming it; once it has ended
 * the person may be isolated again.
 */
@SqlTest
class DuplicateCaseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	/** A resident with no open case at all (tests share the database). */
	private long residentWithoutCase() {
		return db.select(PERSON.ID)
			.from(PERSON)
			.whereNotExists(DSL.selectOne()
				.from(ISOLATION_CASE)
				.where(ISOLATION_CASE.PERSON_ID.eq(PERSON.ID))
				.and(ISOLATION_CASE.STATUS.in("ACTIVE", "EXTENDED")))
			.orderBy(PERSON.ID.desc())
			.limit(1)
			.fetchSingle(PERSON.ID);
	}

	private static String caseBody(long person, String type) {
		return "{\"personId\":" + person + ",\"type\":\"" + type
				+ "\",\"reason\":\"CLOSE_CONTACT\",\"responsibleIds\":[" + person + "]}";
	}

	private MockHttpServletResponse open(long person, String type) throws Exception {
		return mvc
			.perform(as(mvc, "admin", post("/api/v1/isolation/cases")).contentType(MediaType.APPLICATION_JSON)
				.content(caseBody(person, type)))
			.andReturn()
			.getResponse();
	}

	@Test
	void eightParallelPostsOpenOneCaseAndNameItSevenTimes() throws Exception {
		long person = residentWithoutCase();
		Api.token(mvc, "admin");
		List<MockHttpServletResponse> responses = AtOnce.run(8, () -> open(person, "HOME_ISOLATION"));
		List<MockHttpServletResponse> created = responses.stream().filter(r -> r.getStatus() == 201).toList();
		assertThat(created).hasSize(1);
		long caseId = ((Number) JsonPath.read(created.get(0).getContentAsString(), "$.id")).longValue();
		for (MockHttpServletResponse refused : responses.stream().filter(r -> r.getStatus() != 201).toList()) {
			assertThat(refused.getStatus()).isEqualTo(409);
			assertThat(refused.getContentType()).isEqualTo("application/problem+json");
			assertThat(((Number) JsonPath.read(refused.getContentAsString(), "$.existing.id")).longValue())
				.isEqualTo(caseId);
			assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.existing.startDate")).isNotBlank();
		}
		assertThat(db.fetchCount(ISOLATION_CASE, ISOLATION_CASE.PERSON_ID.eq(person))).isEqualTo(1);
	}

	@Test
	void anotherTypeMayBeOpenAndAnEndedCaseFreesThePerson() throws Exception {
		long person = residentWithoutCase();
		long first = ((Number) JsonPath.read(open(person, "HOME_ISOLATION").getContentAsString(), "$.id")).longValue();
		assertThat(open(person, "MEDICAL_OBSERVATION").getStatus()).isEqualTo(201);
		MockHttpServletResponse again = open(person, "HOME_ISOLATION");
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.getContentAsString(), "$.type"))
			.isEqualTo("https://huoxian.cn/problems/duplicate");
		mvc.perform(as(mvc, "admin", post("/api/v1/isolation/cases/" + first + "/release"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"HOSPITALISED\",\"note\":\"转定点医院\"}")).andExpect(status().isOk());
		mvc.perform(as(mvc, "admin", post("/api/v1/isolation/cases")).contentType(MediaType.APPLICATION_JSON)
			.content(caseBody(person, "HOME_ISOLATION"))).andExpect(status().isCreated());
	}

	@Test
	void theFormNamesAndLinksTheOpenCase() throws Exception {
		long person = residentWithoutCase();
		long caseId = ((Number) JsonPath.read(open(person, "HOME_ISOLATION").getContentAsString(), "$.id")).longValue();
		MockHttpSession session = login(mvc, "admin");
		mvc.perform(post("/isolation").session(session)
			.with(csrf())
			.param("personId", String.valueOf(person))
			.param("type", "HOME_ISOLATION")
			.param("reason", "CLOSE_CONTACT")
			.param("contactTime", "09:30")
			.param("responsibleIds", String.valueOf(person)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("<span id=\"personId-error\" class=\"field-error\">人员 " + person
					+ " 已有正在进行的居家隔离（隔离观察记录 " + caseId + "，")))
			.andExpect(content().string(containsString("href=\"/isolation/cases/" + caseId + "\"")));
	}

	@Test
	void theApiAnswerNamesOnlyTheCase() throws Exception {
		long person = residentWithoutCase();
		open(person, "HOME_ISOLATION");
		mvc.perform(as(mvc, "admin", post("/api/v1/isolation/cases")).contentType(MediaType.APPLICATION_JSON)
			.content(caseBody(person, "HOME_ISOLATION")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.existing.id").isNumber())
			.andExpect(jsonPath("$.existing.startDate").isString())
			.andExpect(jsonPath("$.existing.personName").doesNotExist());
	}

}
