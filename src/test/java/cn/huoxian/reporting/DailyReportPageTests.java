package cn.huoxian.reporting;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15 on the pages: a community submits a zero report in one tap, a correction
 * without its reason keeps what was typed and names the figure, the township sees its
 * roll-up and who has not reported, and reopens a report with a reason.
 */
@SqlTest
@Import(TestClock.Config.class)
class DailyReportPageTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Regions regions;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private String page(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
		return cn.huoxian.support.Pages.page(mvc, session, request, expected);
	}

	private String account(String region) {
		return Api.regionStaff(accounts, region);
	}

	@Test
	void aCommunityReportsOnItsPhoneAndItsTownshipSeesIt() throws Exception {
		String township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "页面街道", "130903"), ADMIN);
		String first = township.substring(0, 9) + "001";
		String second = township.substring(0, 9) + "002";
		regions.create(new RegionForm(first, "页面一社区", township), ADMIN);
		regions.create(new RegionForm(second, "页面二社区", township), ADMIN);
		MockHttpSession community = login(mvc, account(first));
		MockHttpSession above = login(mvc, account(township));
		clock.set(Instant.parse("2026-03-10T03:00:00Z"));
		String day = "2026-03-10";

		assertThat(page(community, get("/"), 200)).contains("今日日报待报送")
			.contains("href=\"/reports/daily?region=" + first + "\"");
		assertThat(page(above, get("/"), 200)).contains("今日日报报送进度");
		String report = page(community, get("/reports/daily"), 200);
		assertThat(report).contains("页面一社区").contains("id=\"zero-submit\"").contains("未报送");
		String wrong = page(community,
				post("/reports/daily/" + first + "/" + day).with(csrf())
					.param("value.isolationActive", "3")
					.param("note.isolationActive", "")
					.param("remarks", "楼栋消杀完成"),
				200);
		assertThat(wrong).contains("id=\"figures.isolationActive-error\"")
			.contains("居家隔离人数与记录（0）不一致")
			.contains("value=\"3\"")
			.contains("楼栋消杀完成");
		assertThat(page(community, post("/reports/daily/" + first + "/" + day + "/zero").with(csrf()), 302))
			.isEqualTo("/reports/daily?region=" + first + "&date=" + day);
		assertThat(page(community, get("/reports/daily").param("region", first).param("date", day), 200))
			.contains("已报送")
			.contains("按时")
			.doesNotContain("id=\"reopen-form\"");

		String rollup = page(above, get("/reports/daily").param("date", day), 200);
		assertThat(rollup).contains("页面街道").contains("id=\"child-" + first + "\"").contains("尚缺 1 个");
		assertThat(page(above, get("/reports/daily/missing").param("region", township).param("date", day), 200))
			.contains("id=\"missing-" + second + "\"")
			.doesNotContain("id=\"missing-" + first + "\"")
			// the reminder to paste into the work group names exactly those still missing
			.containsPattern("id=\"reminder-text\"[^>]*>[^<]*以下 1 个村（社区）尚未报送[^<]*16:00[^<]*</textarea>");
		String reopened = page(above, get("/reports/daily").param("region", first).param("date", day), 200);
		assertThat(reopened).contains("id=\"reopen-form\"");
		assertThat(page(above,
				post("/reports/daily/" + first + "/" + day + "/reopen").with(csrf()).param("reason", "请补报新增疑似"), 302))
			.contains(first);
		assertThat(page(community, get("/reports/daily").param("region", first).param("date", day), 200))
			.contains("已退回")
			.contains("请补报新增疑似");
	}

}
