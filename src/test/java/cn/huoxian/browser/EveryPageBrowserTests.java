package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14: every page a demo role reaches from its navigation and its home page's tiles,
 * at desktop and phone width, read as a person would. A page fails on an HTTP error, a
 * JavaScript error, an untranslated message key, visible text that looks like a raw
 * constant (LOGIN_FAILED, SCREENING_VISIT), a text box that asks for an internal id or
 * code, or a phone page wider than the phone. Each role's home is saved as a screenshot
 * (target/screenshots; docs/screens with {@code -Dhuoxian.screens=docs/screens}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class EveryPageBrowserTests {

	private static final Pattern RAW_CONSTANT = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");

	/** A text box named like an id or a code: what a picker replaces. */
	private static final Pattern ID_FIELD = Pattern.compile("(?i).*(Id|Ids|Code|Codes)$");

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	/**
	 * One browser per role, desktop first, then the same session at phone width (one
	 * Chromium start and one sign-in per role: the suite's time is counted).
	 */
	@ParameterizedTest
	@CsvSource({ "admin", "zzb", "xinhua", "grid01", "dangyuan", "danwei" })
	void everyPageReachedFromTheNavigationReadsAsWords(String user) throws Exception {
		browser = Browser.desktop();
		Browser.signIn(browser, port, user);
		browser.findElement(By.id("nav"));
		// look, do not wait: a page without text boxes answers findElements at once
		browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
		List<String> problems = new ArrayList<>(walk(user, "desktop"));
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
		problems.addAll(walk(user, "phone"));
		assertThat(problems).as(user).isEmpty();
	}

	/** Every page of the role's menu and home at the window's present width. */
	private List<String> walk(String user, String width) throws Exception {
		boolean phone = "phone".equals(width);
		String base = "http://localhost:" + port;
		browser.get(base + "/");
		Path home = Browser.screenshot(browser, "home-" + user + "-" + width);
		// -Dhuoxian.screens=docs/screens refreshes the committed screenshots of each home
		String screens = System.getProperty("huoxian.screens");
		if (screens != null && Files.isDirectory(Path.of(screens))) {
			Files.copy(home, Path.of(screens).resolve(home.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		Set<String> pages = new LinkedHashSet<>();
		pages.add("/");
		for (Object href : (List<?>) browser.executeScript("""
				return Array.from(document.querySelectorAll('#nav a, a.tile, #shortcuts a'))
				  .map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/'));""")) {
			pages.add(href.toString());
		}
		assertThat(pages).hasSizeGreaterThan(3);
		List<String> problems = new ArrayList<>();
		for (String page : pages) {
			browser.get(base + page);
			problems.addAll(read(page + " (" + width + ")", phone));
		}
		return problems;
	}

	private List<String> read(String page, boolean phone) {
		List<String> problems = new ArrayList<>();
		String title = browser.getTitle();
		if (title.matches("\\d{3}")) {
			problems.add(page + ": HTTP " + title);
		}
		for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
				problems.add(page + ": console " + entry.getMessage());
			}
		}
		// one round trip for what the page shows: its text, the names of its text boxes
		// and
		// whether it is wider than the window
		@SuppressWarnings("unchecked")
		Map<String, Object> shown = (Map<String, Object>) browser.executeScript("""
				return {text: document.body.innerText,
				  names: Array.from(document.querySelectorAll('input:not([type=hidden]):not([type=search])'))
				    .map(i => i.getAttribute('name')).filter(n => n),
				  wider: document.documentElement.scrollWidth > window.innerWidth + 1};""");
		String text = (String) shown.get("text");
		if (text.contains("??")) {
			problems.add(page + ": untranslated " + around(text, text.indexOf("??")));
		}
		Matcher constant = RAW_CONSTANT.matcher(text);
		if (constant.find()) {
			problems.add(page + ": raw constant " + constant.group());
		}
		for (Object name : (List<?>) shown.get("names")) {
			if (ID_FIELD.matcher(name.toString()).matches()) {
				problems.add(page + ": asks for an id or code in " + name);
			}
		}
		if (phone && Boolean.TRUE.equals(shown.get("wider"))) {
			problems.add(page + ": wider than the phone");
		}
		return problems;
	}

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)).replace('\n', ' ');
	}

}
