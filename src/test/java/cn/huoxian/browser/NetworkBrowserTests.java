package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
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
 * In real headless Chromium on a phone-sized window: sign in, walk the tree to a
 * household, switch language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class NetworkBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void walksTreeFromCityToHouseholdAndSwitchesLanguage() throws Exception {
		browser = Browser.phone();
		Browser.signIn(browser, port, "admin");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(d -> d.findElements(By.cssSelector(".region-card")).size() > 0);
		Browser.screenshot(browser, "home-phone");
		browser.findElement(By.cssSelector(".region-card")).click();
		assertThat(browser.findElement(By.id("region-code")).getText()).isEqualTo("130900");
		// city > county > township > village > grid
		for (int level = 0; level < 4; level++) {
			String before = browser.findElement(By.id("region-code")).getText();
			browser.findElement(By.cssSelector("a.child-link")).click();
			wait.until(d -> !d.findElement(By.id("region-code")).getText().equals(before));
		}
		assertThat(browser.findElement(By.id("region-code")).getText()).hasSize(15);
		Browser.screenshot(browser, "grid-phone");
		WebElement household = browser.findElement(By.cssSelector("a.household-link"));
		String address = household.getText();
		household.click();
		assertThat(browser.findElement(By.id("household-address")).getText()).isEqualTo(address);
		assertThat(browser.findElements(By.cssSelector("#residents tbody tr"))).isNotEmpty();
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("家庭成员");
		Browser.screenshot(browser, "household-zh-CN");

		browser.findElement(By.id("lang-en")).click();
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Household members");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.findElement(By.id("lang-zh-TW")).click();
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("家庭成員");
		Browser.screenshot(browser, "household-zh-TW");
		browser.findElement(By.id("lang-zh-CN")).click();
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("家庭成员");
	}

	@Test
	void showsLockMessageAfterFiveFailedLogins() {
		String username = "browserlock" + System.nanoTime();
		accounts
			.create(new NewAccount(username, "Secret123", Role.GRID_WORKER, null, List.of(ScopeRoot.region("130902"))));
		browser = Browser.desktop();
		for (int i = 0; i < 5; i++) {
			browser.get("http://localhost:" + port + "/login");
			browser.findElement(By.id("username")).sendKeys(username);
			browser.findElement(By.id("password")).sendKeys("Wrong1234");
			browser.findElement(By.id("login-submit")).click();
			assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains(i < 4 ? "用户名或密码错误" : "锁定");
		}
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Secret123");
		browser.findElement(By.id("login-submit")).click();
		assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("锁定");
	}

}
