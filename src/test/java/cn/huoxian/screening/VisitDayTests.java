package cn.huoxian.screening;

import static cn.huoxian.support.Api.as;
import static cn.huoxian.support.TestClock.LAST_SECOND_OF_1_MARCH;
import static cn.huoxian.support.TestClock.MIDNIGHT_2_MARCH;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A visit counts for its Shanghai day: a campaign that ends on 1 March takes a visit at
 * 23:59:59 that evening and refuses one at midnight; "in the future" is judged by the
 * application's clock.
 */
@SqlTest
@Import(TestClock.Config.class)
class VisitDayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	long household;

	@BeforeEach
	void signInBeforeTheClockMoves() throws Exception {
		Api.token(mvc, "xinhua");
		Api.token(mvc, "grid01");
		String grid = JsonPath.read(json("/api/v1/me"), "$.scopes[0].code");
		List<Integer> households = JsonPath.read(json("/api/v1/households?size=50&region=" + grid), "$.items[*].id");
		household = households.get(households.size() - 1);
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	@Test
	void visitCountsForItsShanghaiDay() throws Exception {
		clock.set(LAST_SECOND_OF_1_MARCH);
		long campaign = campaign(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 1));
		visit(campaign, LAST_SECOND_OF_1_MARCH).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));

		clock.set(MIDNIGHT_2_MARCH);
		visit(campaign, MIDNIGHT_2_MARCH).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].visitedAt"))
			.andExpect(jsonPath("$.errors[0].reason")
				.value(endsWith("falls outside the campaign (2026-02-25 to 2026-03-01)")));
	}

	@Test
	void visitLaterThanTheClockAllowsIsInTheFuture() throws Exception {
		clock.set(LAST_SECOND_OF_1_MARCH);
		long campaign = campaign(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 5));
		// five minutes of leeway for a device clock running fast
		visit(campaign, LAST_SECOND_OF_1_MARCH.plusSeconds(6 * 60)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visits[0].visitedAt"))
			.andExpect(jsonPath("$.errors[0].reason").value(endsWith("is required and must not be in the future")));
		visit(campaign, LAST_SECOND_OF_1_MARCH.plusSeconds(4 * 60)).andExpect(status().isOk());
	}

	private long campaign(LocalDate startsOn, LocalDate endsOn) throws Exception {
		String body = mvc
			.perform(as(mvc, "xinhua", post("/api/v1/screening/campaigns")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"三月一日排查\",\"rootRegion\":\"130902\",\"startsOn\":\"" + startsOn
						+ "\",\"endsOn\":\"" + endsOn + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private ResultActions visit(long campaign, Instant at) throws Exception {
		return mvc.perform(as(mvc, "grid01", post("/api/v1/screening/campaigns/" + campaign + "/visits"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"visitId\":\"" + UUID.randomUUID() + "\",\"householdId\":" + household + ",\"visitedAt\":\""
					+ OffsetDateTime.ofInstant(at, ZoneOffset.UTC) + "\",\"outcome\":\"NOBODY_HOME\"}]"));
	}

	private String json(String url) throws Exception {
		return mvc.perform(as(mvc, "grid01", get(url))).andReturn().getResponse().getContentAsString();
	}

}
