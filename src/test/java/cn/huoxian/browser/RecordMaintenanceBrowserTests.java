package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huoxian.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The city administrator opens 纪实维护 from the navigation, sees the record's queue and
 * rebuilds the record; the report lists every source (screenshot in the test output).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class RecordMaintenanceBrowserTests {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theAdministratorRebuildsTheRecordFromThePage() throws Exception {
		browser = Browser.desktop();
		Browser.signIn(browser, port, "admin");
		browser.findElement(By.linkText("纪实维护")).click();
		assertThat(browser.findElement(By.id("inbox-rows")).getText()).matches("\\d+");
		browser.findElement(By.id("rebuild-button")).click();
		assertThat(browser.findElement(By.id("report-DEPLOYMENT")).getText()).startsWith("派驻岗位")
			.doesNotContain("DEPLOYMENT");
		assertThat(browser.findElements(By.cssSelector("#report tbody tr"))).hasSizeGreaterThanOrEqualTo(12);
		System.out
			.println("Record upkeep screenshot: " + Browser.screenshot(browser, "record-maintenance").toAbsolutePath());
	}

}
