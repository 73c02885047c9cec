package cn.huoxian.duty;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.Tables;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The duty pages as region staff use them: the checkpoints with the week's gaps, a
 * checkpoint's week in a grid, a shift's duty log written with times of day (a time
 * before a midnight shift is the evening before) and refused with field errors.
 */
@SqlTest
@Import(TestClock.Config.class)
class DutyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	Rosters rosters;

	@Autowired
	DSLContext db;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private String page(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
		return cn.huoxian.support.Pages.page(mvc, session, request, expected);
	}

	@Test
	void regionStaffReadTheWeekAndWriteALogWithTimesOfDay() throws Exception {
		MockHttpSession staff = login(mvc, "xinhua");
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		long unit = db.select(Tables.UNIT.ID)
			.from(Tables.UNIT)
			.where(Tables.UNIT.PATH.like("/130900/130902/%"))
			.orderBy(Tables.UNIT.ID)
			.limit(1)
			.fetchOne(Tables.UNIT.ID);
		var checkpoint = checkpoints.create(
				new Checkpoints.CheckpointForm("页面卡口", "ROAD", "130902", null, List.of(unit), 1, "THREE_EIGHTS"),
				admin);
		clock.set(Instant.parse("2026-03-10T02:00:00Z"));
		var week = rosters.generate(checkpoint.id(), LocalDate.of(2026, 3, 16), admin);
		long midnight = week.grid().get(0).get(0).id();

		assertThat(page(staff, get("/duty"), 200)).contains("页面卡口").contains("id=\"gaps-link\"");
		String grid = page(staff, get("/duty/checkpoints/" + checkpoint.id()).param("week", "2026-03-16"), 200);
		assertThat(grid).contains("id=\"week-grid\"").contains("id=\"shift-" + midnight + "\"").contains("00:00–08:00");

		clock.set(Instant.parse("2026-03-16T01:00:00Z"));
		String refused = page(staff,
				post("/duty/shifts/" + midnight + "/log").with(csrf())
					.param("onDutyAt", "23:55")
					.param("offDutyAt", "8:5")
					.param("vehicles", "many"),
				200);
		assertThat(refused).contains("请填写时间").contains("不是数字：many").contains("value=\"23:55\"");
		assertThat(page(staff,
				post("/duty/shifts/" + midnight + "/log").with(csrf())
					.param("onDutyAt", "23:55")
					.param("offDutyAt", "08:05")
					.param("vehicles", "12")
					.param("people", "30")
					.param("turnedBack", "2")
					.param("handover", "夜班平稳"),
				302))
			.isEqualTo("/duty/shifts/" + midnight);
		var log = db.fetchOne(Tables.DUTY_LOG, Tables.DUTY_LOG.SHIFT_ID.eq(midnight));
		assertThat(log.getOnDutyAt().toInstant()).as("the evening before")
			.isEqualTo(Instant.parse("2026-03-15T15:55:00Z"));
		assertThat(log.getOffDutyAt().toInstant()).isEqualTo(Instant.parse("2026-03-16T00:05:00Z"));
		assertThat(page(staff, get("/duty/shifts/" + midnight), 200)).contains("夜班平稳").contains("已完成");
		// a shift of another county's checkpoint answers like a missing one
		MockHttpSession other = login(mvc, cn.huoxian.support.Api.regionStaff(accounts, "130903"));
		page(other, get("/duty/shifts/" + midnight), 404);
		page(other, get("/duty/checkpoints/" + checkpoint.id()), 404);
	}

	@Autowired
	cn.huoxian.access.Accounts accounts;

}
