package cn.huoxian.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium for browser tests; screenshots go to target/screenshots. */
public final class Browser {

	private Browser() {
	}

	/**
	 * A phone-sized headless Chromium; the test is skipped where chromedriver is not
	 * installed.
	 */
	public static ChromeDriver phone() {
		return open(412, 915);
	}

	public static ChromeDriver desktop() {
		return open(1280, 900);
	}

	private static ChromeDriver open(int width, int height) {
		Path driver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
		Assumptions.assumeTrue(Files.isExecutable(driver), "no chromedriver at " + driver + ": browser test skipped");
		System.setProperty("webdriver.chrome.driver", driver.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost", "--lang=zh-CN");
		// the console's messages, for tests that fail on a page's JavaScript errors
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriver browser = new ChromeDriver(options);
		browser.manage().window().setSize(new Dimension(width, height));
		// a loaded machine renders slowly: look for an element for a few seconds before
		// giving up
		browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		return browser;
	}

	private static final java.time.Duration IMPLICIT_WAIT = java.time.Duration.ofSeconds(10);

	/**
	 * Whether nothing on the loaded page matches, looked up at once: the implicit wait is
	 * for what is still coming, and would hold every check for absence 10 s.
	 */
	public static boolean none(org.openqa.selenium.WebDriver browser, org.openqa.selenium.By by) {
		browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
		try {
			return browser.findElements(by).isEmpty();
		}
		finally {
			browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		}
	}

	/** Signs a demo account in through the login page. */
	public static void signIn(ChromeDriver browser, int port, String username) {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(Api.PASSWORD);
		browser.findElement(org.openqa.selenium.By.id("login-submit")).click();
		// until the home page is there: a page asked for while the sign-in is still under
		// way
		// was answered by the login page (two CI runs found the next page without its
		// form)
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
			.until(d -> !d.getCurrentUrl().contains("/login")
					&& !d.findElements(org.openqa.selenium.By.id("nav")).isEmpty());
	}

	/**
	 * Chooses in a picker (templates/picker.html) as a person does: types the words into
	 * the field's search box and taps the choice whose value is {@code value}.
	 */
	public static void pick(ChromeDriver browser, String field, String words, String value) {
		var search = browser.findElement(org.openqa.selenium.By.id(field + "-q"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", search);
		search.sendKeys(words);
		var option = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(d -> d
				.findElements(org.openqa.selenium.By
					.cssSelector("#" + field + "-options .picker-option[data-value='" + value + "']"))
				.stream()
				.findFirst()
				.orElse(null));
		option.click();
	}

	public static Path screenshot(ChromeDriver browser, String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		return file;
	}

}
