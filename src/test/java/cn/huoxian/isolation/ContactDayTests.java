package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.TestClock.LAST_SECOND_OF_1_MARCH;
import static cn.huoxian.support.TestClock.MIDNIGHT_2_MARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the application's clock at Asia/Shanghai midnight: a contact made now counts for
 * the Shanghai day, and "overdue today" turns over at midnight there, not in UTC.
 */
@SqlTest
@Import(TestClock.Config.class)
class ContactDayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	@Test
	void contactMadeNowCountsForTheShanghaiDayAndTheCaseIsDueAgainAtMidnight() throws Exception {
		Api.token(mvc, "admin");
		Api.token(mvc, "xinhua");
		long person = personWithoutOpenCase("130902");
		clock.set(LAST_SECOND_OF_1_MARCH);
		long caseId = openCase(person, LocalDate.of(2026, 2, 27));
		assertThat(overdueToday(caseId)).as("due on 1 March, not yet contacted").isTrue();

		long first = contactNow(caseId);
		assertThat(businessDay(first)).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(overdueToday(caseId)).as("contacted on 1 March").isFalse();

		clock.set(MIDNIGHT_2_MARCH);
		assertThat(overdueToday(caseId)).as("a new day in Shanghai, though still 1 March in UTC").isTrue();
		long second = contactNow(caseId);
		assertThat(businessDay(second)).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(overdueToday(caseId)).isFalse();
	}

	private long personWithoutOpenCase(String region) throws Exception {
		List<Number> ids = JsonPath.read(body(get("/api/v1/persons?size=50&region=" + region), "admin"),
				"$.items[*].id");
		return ids.stream()
			.map(Number::longValue)
			.filter(id -> !db.fetchExists(ISOLATION_CASE, ISOLATION_CASE.ACTIVE_PERSON_ID.eq(id)))
			.reduce((first, later) -> later) // the last: other isolation tests start at
												// the front
			.orElseThrow();
	}

	private long openCase(long person, LocalDate start) throws Exception {
		return created("/api/v1/isolation/cases",
				"{\"personId\":" + person
						+ ",\"type\":\"HOME_ISOLATION\",\"reason\":\"RETURNED_FROM_HIGH_RISK_AREA\",\"startDate\":\""
						+ start + "\",\"contactTime\":\"09:30\",\"responsibleIds\":[" + person + "]}");
	}

	/** A contact without a time: the application takes the time from its clock. */
	private long contactNow(long caseId) throws Exception {
		return created("/api/v1/isolation/cases/" + caseId + "/contacts",
				"{\"channel\":\"PHONE\",\"reached\":true,\"note\":\"电话随访\"}");
	}

	private LocalDate businessDay(long contactId) {
		return db.select(ISOLATION_CONTACT.BUSINESS_DAY)
			.from(ISOLATION_CONTACT)
			.where(ISOLATION_CONTACT.ID.eq(contactId))
			.fetchOne(ISOLATION_CONTACT.BUSINESS_DAY);
	}

	/**
	 * On the overdue list asked for without a date, i.e. for the clock's business day.
	 */
	private boolean overdueToday(long caseId) throws Exception {
		List<Number> ids = JsonPath.read(body(get("/api/v1/isolation/overdue?size=500&region=130902"), "xinhua"),
				"$.items[*].id");
		return ids.stream().anyMatch(id -> id.longValue() == caseId);
	}

	private long created(String url, String json) throws Exception {
		String body = mvc.perform(as(mvc, "xinhua", post(url)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
			throws Exception {
		return mvc.perform(as(mvc, user, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
