package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A grid worker screens a household on a phone; the city coverage page shows it at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class ScreeningBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Campaigns campaigns;

	ChromeDriver phone;

	ChromeDriver desk;

	@AfterEach
	void close() {
		if (phone != null) {
			phone.quit();
		}
		if (desk != null) {
			desk.quit();
		}
	}

	@Test
	void gridWorkerScreensHouseholdAndCityCoverageShowsItAtOnce() throws Exception {
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CampaignView campaign = campaigns
			.create(new CampaignForm("全市摸底排查", "130900", today.minusDays(1), today.plusDays(5), Set.of()), admin);

		desk = Browser.desktop();
		Browser.signIn(desk, port, "admin");
		desk.get("http://localhost:" + port + "/screening/campaigns/" + campaign.id() + "/coverage");
		long coveredBefore = Long.parseLong(desk.findElement(By.id("cov-covered")).getText());

		phone = Browser.phone();
		Browser.signIn(phone, port, "grid01");
		phone.get("http://localhost:" + port + "/screening/my-grid");
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(10));
		// the page as it was when the count is missing: a CI run once found no count here
		WebElement count = wait
			.withMessage(
					() -> "my-grid: " + phone.getCurrentUrl() + " — " + phone.findElement(By.tagName("body")).getText())
			.until(d -> d.findElements(By.cssSelector(".uncovered-count")).stream().findFirst().orElse(null));
		long uncoveredBefore = Long.parseLong(count.getText());
		Browser.screenshot(phone, "screening-my-grid");
		phone.findElement(By.cssSelector("a.visit-link")).click();
		wait.until(d -> d.findElements(By.id("visit-covered")).size() > 0);
		for (WebElement temperature : phone.findElements(By.cssSelector("input.temperature"))) {
			temperature.sendKeys("36.6");
		}
		Browser.screenshot(phone, "screening-visit");
		phone.findElement(By.id("visit-covered")).click();
		wait.until(d -> d.findElements(By.id("recorded")).size() > 0);
		assertThat(Long.parseLong(phone.findElement(By.cssSelector(".uncovered-count")).getText()))
			.isEqualTo(uncoveredBefore - 1);

		desk.navigate().refresh();
		assertThat(Long.parseLong(desk.findElement(By.id("cov-covered")).getText())).isEqualTo(coveredBefore + 1);
		Browser.screenshot(desk, "screening-city-coverage");
		// drill down from the city to the county that holds the grid
		desk.findElement(By.linkText("新华区")).click();
		assertThat(Long.parseLong(desk.findElement(By.id("cov-covered")).getText())).isGreaterThanOrEqualTo(1);
	}

}
