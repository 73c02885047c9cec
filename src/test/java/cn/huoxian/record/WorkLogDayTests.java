package cn.huoxian.record;

import static cn.huoxian.support.TestClock.LAST_SECOND_OF_1_MARCH;
import static cn.huoxian.support.TestClock.MIDNIGHT_2_MARCH;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huoxian.access.Accounts;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A work log written without a day is the Shanghai business day's; a day after it is in
 * the future until midnight in Shanghai.
 */
@SqlTest
@Import(TestClock.Config.class)
class WorkLogDayTests {

	private static final String WORKLOG = "/api/v1/record/worklog";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	@Test
	void logWithoutADayIsTheShanghaiBusinessDays() throws Exception {
		RecordApiFixtures fx = new RecordApiFixtures(mvc, accounts);
		Api.token(mvc, "admin");
		String author = fx.account(Role.PARTY_MEMBER, fx.cadre("130902", "TOWNSHIP"), null);
		Api.token(mvc, author);

		clock.set(LAST_SECOND_OF_1_MARCH);
		assertThat(day(fx.post(author, WORKLOG, "{\"text\":\"夜间卡口值守\",\"witnessIds\":[]}", 201)))
			.isEqualTo("2026-03-01");
		String tomorrow = fx.post(author, WORKLOG, "{\"day\":\"2026-03-02\",\"text\":\"次日\",\"witnessIds\":[]}", 400);
		assertThat((String) JsonPath.read(tomorrow, "$.errors[0].field")).isEqualTo("day");
		assertThat((String) JsonPath.read(tomorrow, "$.errors[0].reason")).isEqualTo("不能是将来的时间");

		clock.set(MIDNIGHT_2_MARCH);
		assertThat(day(fx.post(author, WORKLOG, "{\"text\":\"零点交接班\",\"witnessIds\":[]}", 201)))
			.isEqualTo("2026-03-02");
		assertThat(day(fx.post(author, WORKLOG, "{\"day\":\"2026-03-02\",\"text\":\"次日\",\"witnessIds\":[]}", 201)))
			.isEqualTo("2026-03-02");
	}

	private static String day(String body) {
		return JsonPath.read(body, "$.day");
	}

}
