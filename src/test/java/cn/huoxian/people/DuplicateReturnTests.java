package cn.huoxian.people;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_RETURN;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.BusinessDay;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * One return per person and day (issue 11): the same return posted again is the same row
 * (200), another origin that day is refused naming the registered return (409).
 */
@SqlTest
class DuplicateReturnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	private final LocalDate day = LocalDate.now(BusinessDay.ZONE).minusDays(2);

	/** A resident with no return registered (tests share the database). */
	private long residentWithoutReturn() {
		return db.select(PERSON.ID)
			.from(PERSON)
			.whereNotExists(DSL.selectOne().from(PERSON_RETURN).where(PERSON_RETURN.PERSON_ID.eq(PERSON.ID)))
			.orderBy(PERSON.ID.desc())
			.limit(1)
			.fetchSingle(PERSON.ID);
	}

	private MockHttpServletResponse register(long person, String from) throws Exception {
		return mvc
			.perform(as(mvc, "admin", post("/api/v1/persons/" + person + "/returns"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"returnedOn\":\"" + day + "\",\"returnedFrom\":\"" + from + "\"}"))
			.andReturn()
			.getResponse();
	}

	private int returns(long person) {
		return db.fetchCount(PERSON_RETURN, PERSON_RETURN.PERSON_ID.eq(person));
	}

	@Test
	void theSameReturnTwiceIsOneRow() throws Exception {
		long person = residentWithoutReturn();
		MockHttpServletResponse first = register(person, "湖北省武汉市");
		assertThat(first.getStatus()).isEqualTo(201);
		MockHttpServletResponse again = register(person, " 湖北省武汉市 ");
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(returns(person)).isEqualTo(1);
	}

	@Test
	void anotherOriginThatDayNamesTheRegisteredReturn() throws Exception {
		long person = residentWithoutReturn();
		long id = ((Number) JsonPath.read(register(person, "湖北省孝感市").getContentAsString(), "$.id")).longValue();
		MockHttpServletResponse other = register(person, "浙江省温州市");
		assertThat(other.getStatus()).isEqualTo(409);
		assertThat(((Number) JsonPath.read(other.getContentAsString(), "$.existing.id")).longValue()).isEqualTo(id);
		assertThat(JsonPath.<String>read(other.getContentAsString(), "$.existing.returnedFrom")).isEqualTo("湖北省孝感市");
		assertThat(JsonPath.<String>read(other.getContentAsString(), "$.existing.returnedOn"))
			.isEqualTo(day.toString());
		assertThat(returns(person)).isEqualTo(1);
	}

	@Test
	void parallelRepeatsWriteOneRow() throws Exception {
		long person = residentWithoutReturn();
		Api.token(mvc, "admin");
		List<Integer> statuses = AtOnce.run(6, () -> register(person, "湖北省黄冈市"))
			.stream()
			.map(MockHttpServletResponse::getStatus)
			.toList();
		assertThat(statuses).containsOnly(201, 200);
		assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
		assertThat(returns(person)).isEqualTo(1);
	}

}
