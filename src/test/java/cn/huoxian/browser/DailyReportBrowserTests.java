package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import cn.huoxian.access.Accounts;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Browser;
import cn.huoxian.support.FreeCodes;
import cn.huoxian.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15: a community submits its zero report on a phone, and the township's roll-up
 * and its command dashboard, open on desktops, show it without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Import(TestClock.Config.class)
@Tag("browser")
class DailyReportBrowserTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", null, Role.CITY_ADMIN,
			DataScope.ofRegions(RegionPath.root("130900")));

	@LocalServerPort
	int port;

	@Autowired
	Regions regions;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	ChromeDriver phone;

	ChromeDriver desktop;

	ChromeDriver wall;

	@AfterEach
	void close() {
		clock.reset();
		for (ChromeDriver browser : new ChromeDriver[] { phone, desktop, wall }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	private String account(String region) {
		return Api.regionStaff(accounts, region);
	}

	@Test
	void aCommunitysZeroReportOnAPhoneShowsInTheOpenRollUpAndDashboardWithoutAReload() throws Exception {
		// before the day's 16:00 deadline whenever the build runs
		Instant tenOClock = LocalDate.now(BusinessDay.ZONE).atTime(10, 0).atZone(BusinessDay.ZONE).toInstant();
		clock.set(Instant.now().isBefore(tenOClock) ? Instant.now() : tenOClock);
		String township = FreeCodes.township("130903", code -> regions.byCode(code).isPresent());
		regions.create(new RegionForm(township, "实时街道", "130903"), ADMIN);
		String community = township.substring(0, 9) + "001";
		regions.create(new RegionForm(community, "实时社区", township), ADMIN);
		regions.create(new RegionForm(township.substring(0, 9) + "002", "另一社区", township), ADMIN);

		desktop = Browser.desktop();
		Browser.signIn(desktop, port, account(township));
		desktop.get("http://localhost:" + port + "/reports/daily?region=" + township);
		assertThat(desktop.findElement(By.id("rollup-submitted")).getText()).isEqualTo("0");
		// the command dashboard open on a wall display
		wall = Browser.desktop();
		Browser.signIn(wall, port, account(township));
		wall.get("http://localhost:" + port + "/dashboard?region=" + township);
		assertThat(submittedOnTheWall()).isEqualTo("0");

		phone = Browser.phone();
		Browser.signIn(phone, port, account(community));
		phone.get("http://localhost:" + port + "/reports/daily");
		assertThat(phone.findElement(By.tagName("h1")).getText()).contains("实时社区");
		phone.findElement(By.id("zero-submit")).click();
		// the answer is a new page: the status is read from it, not from the one
		// submitted
		new WebDriverWait(phone, Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("report-status"), "已报送"));
		Browser.screenshot(phone, "daily-report-phone");

		// the roll-up and the wall are replaced in place while they refresh: an element
		// read
		// between its lookup and its text is stale, and read again
		new WebDriverWait(desktop, Duration.ofSeconds(12))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> "1".equals(d.findElement(By.id("rollup-submitted")).getText()));
		String child = new WebDriverWait(desktop, Duration.ofSeconds(5))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("child-" + community)).getText());
		assertThat(child).contains("全部报送");
		Browser.screenshot(desktop, "daily-report-rollup");
		new WebDriverWait(wall, Duration.ofSeconds(12))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> "1".equals(submittedOnTheWall()));
		Browser.screenshot(wall, "dashboard-after-report");
	}

	private String submittedOnTheWall() {
		return wall.findElement(By.cssSelector("#figure-reportsSubmitted .tile-value")).getText();
	}

}
