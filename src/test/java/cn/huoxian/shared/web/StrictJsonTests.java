package cn.huoxian.shared.web;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The application's JSON reader takes each value only as the type its field declares. */
@SqlTest
class StrictJsonTests {

	enum Kind {

		A, B

	}

	record Body(String name, Kind kind, LocalDate on, OffsetDateTime at, Long id, Boolean flag, BigDecimal t,
			List<Long> ids, int count) {
	}

	record Event(@PlausibleDate LocalDate on, @PlausibleDate(yearsAhead = 0) OffsetDateTime at) {
	}

	@Autowired
	JsonMapper json;

	@Autowired
	Validator validator;

	@Autowired
	MockMvc mvc;

	@Test
	void readsWellTypedValues() {
		Body body = json
			.readValue("{\"name\":\"x\",\"kind\":\"B\",\"on\":\"2020-02-01\",\"at\":\"2020-02-01T08:00:00+08:00\","
					+ "\"id\":10,\"flag\":true,\"t\":36.5,\"ids\":[1,2],\"count\":3}", Body.class);
		assertThat(body.kind()).isEqualTo(Kind.B);
		assertThat(body.t()).isEqualByComparingTo("36.5");
		// an integer is a valid decimal
		assertThat(json.readValue("{\"t\":37,\"count\":0}", Body.class).t()).isEqualByComparingTo("37");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":false,\"count\":0}", "{\"name\":1,\"count\":0}", "{\"name\":1.5,\"count\":0}",
			"{\"kind\":1,\"count\":0}", "{\"kind\":\"1\",\"count\":0}", "{\"kind\":\"\",\"count\":0}",
			"{\"on\":0,\"count\":0}", "{\"on\":\"\",\"count\":0}", "{\"on\":[2020,1,1],\"count\":0}",
			"{\"on\":\"2020-1-2\",\"count\":0}", "{\"on\":\"2020-02-30\",\"count\":0}", "{\"at\":0,\"count\":0}",
			"{\"at\":\"2020-02-01T08:00:00\",\"count\":0}", "{\"id\":10.9,\"count\":0}", "{\"id\":\"10\",\"count\":0}",
			"{\"id\":\"\",\"count\":0}", "{\"ids\":[1.5],\"count\":0}", "{\"flag\":\"true\",\"count\":0}",
			"{\"flag\":1,\"count\":0}", "{\"t\":\"36\",\"count\":0}", "{\"count\":null}", "{\"count\":0,\"extra\":1}",
			"{\"count\":0} {}", "{\"name\":\"a\\u0000b\",\"count\":0}", "{\"name\":\"a\\ud800\",\"count\":0}",
			"{\"name\":\"\\udc00b\",\"count\":0}", "{\"ids\":[],\"name\":[\"x\"],\"count\":0}" })
	void refusesLenientValues(String body) {
		assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(JacksonException.class);
	}

	@Test
	void keepsTextThatIsMerelyUnusual() {
		assertThat(json.readValue("{\"name\":\"火线 🔥 \\u00e9\",\"count\":0}", Body.class).name()).isEqualTo("火线 🔥 é");
	}

	@Test
	void plausibleDatesStartIn2019AndEndAYearAhead() {
		assertThat(violations(new Event(LocalDate.of(662, 2, 8), null))).hasSize(1);
		assertThat(violations(new Event(LocalDate.of(2018, 12, 31), null))).hasSize(1);
		assertThat(violations(new Event(LocalDate.now().plusYears(2), null))).hasSize(1);
		assertThat(violations(new Event(LocalDate.of(2020, 2, 1), OffsetDateTime.now().minusDays(1)))).isEmpty();
		assertThat(violations(new Event(null, OffsetDateTime.now().plusDays(3)))).hasSize(1);
	}

	private Set<ConstraintViolation<Event>> violations(Event event) {
		return validator.validate(event);
	}

	@Test
	void theApiRefusesABooleanForANameNamingIt() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(as(mvc, "admin", post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"X-1\",\"name\":false,\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.errors[0].field")).isEqualTo("name");
		MockHttpServletResponse ordinal = mvc
			.perform(as(mvc, "admin",
					post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
						.content("{\"code\":\"X-1\",\"name\":\"n\",\"kind\":1,\"regionCode\":\"130902\"}")))
			.andReturn()
			.getResponse();
		assertThat(ordinal.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(ordinal.getContentAsString(), "$.errors[0].field")).isEqualTo("kind");
	}

}
