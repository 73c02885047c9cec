package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import cn.huoxian.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A form bound to a form record (issue 12) in real Chromium, at desktop and phone width:
 * a mistyped number is refused beside its field in words, and what was typed stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class FormErrorsBrowserTests {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest
	@CsvSource({ "desktop, /deployment/deployments, deploy-form, personId",
			"phone, /deployment/deployments, deploy-form, personId",
			"desktop, /deployment/liaison-groups, group-form, leaderId",
			"phone, /deployment/liaison-groups, group-form, leaderId" })
	void aMistypedNumberIsRefusedBesideItsFieldAndKept(String width, String page, String form, String field)
			throws Exception {
		Supplier<ChromeDriver> open = "desktop".equals(width) ? Browser::desktop : Browser::phone;
		browser = open.get();
		Browser.signIn(browser, port, "admin");
		browser.get("http://localhost:" + port + page + "?region=130902");
		browser.findElement(By.id(field)).sendKeys("12a");
		browser.findElement(By.id(form)).submit();
		assertThat(browser.findElement(By.id(field + "-error")).getText()).isEqualTo("不是数字：12a");
		assertThat(browser.findElement(By.id(field)).getAttribute("value")).isEqualTo("12a");
		assertThat(browser.findElement(By.id(field)).getAttribute("aria-invalid")).isEqualTo("true");
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id(field)));
		Browser.screenshot(browser, form + "-error-" + width);
	}

}
