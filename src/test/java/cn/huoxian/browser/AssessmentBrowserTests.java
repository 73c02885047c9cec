package cn.huoxian.browser;

import static cn.huoxian.db.Tables.ACCOUNTABILITY;
import static cn.huoxian.db.Tables.WORK_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.record.Entry;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.EntryText;
import cn.huoxian.record.RecordWriter;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Browser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An evaluator opens an assessment round for a township's cadres in the browser, scores a
 * cadre, and opens the printable one-page profile (screenshot in the test output).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class AssessmentBrowserTests {

	private static final SplittableRandom RANDOM = new SplittableRandom();

	@LocalServerPort
	int port;

	@Autowired
	cn.huoxian.record.RecordRebuild rebuild;

	@Autowired
	People people;

	@Autowired
	Regions regions;

	@Autowired
	RecordWriter writer;

	@Autowired
	DSLContext db;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void evaluatorOpensARoundScoresACadreAndPrintsTheProfile() throws Exception {
		browser = Browser.desktop();
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		RegionView township = township(admin);
		long star = cadre("李卫国", township.code(), admin);
		long peer = cadre("王建设", township.code(), admin);
		OffsetDateTime now = OffsetDateTime.now();
		// a full record, so the print shows it still fits one page: more entries than it
		// lists, long summaries, more reviewed work logs and accountability rows than it
		// lists, long texts
		for (int day = 0; day < 24; day++) {
			writer.add(new Entry(star, EntryKind.VISIT_MADE, now.minusDays(day).minusHours(2),
					EntryText.of(EntryKind.VISIT_MADE,
							"第" + (day + 1) + "网格，走访12户，发现返乡人员1人，已落实居家观察措施并登记台账，"
									+ "向社区党支部报告，协调物业对单元门实行封闭管理，为独居老人代购生活物资"),
					"VISIT", "b" + star + "-" + day, township.path()));
		}
		for (int i = 0; i < 6; i++) {
			db.insertInto(WORK_LOG)
				.set(WORK_LOG.PERSON_ID, star)
				.set(WORK_LOG.PATH, township.path().value())
				.set(WORK_LOG.BUSINESS_DAY, LocalDate.now().minusDays(i))
				.set(WORK_LOG.ENTRY_TEXT, "值守卡口，登记车辆与人员")
				.set(WORK_LOG.STATUS, "REVIEWED")
				.set(WORK_LOG.REVIEW_COMMENT, "工作扎实，".repeat(30) + "继续保持。")
				.set(WORK_LOG.REVIEWED_BY, "admin")
				.execute();
			db.insertInto(ACCOUNTABILITY)
				.set(ACCOUNTABILITY.PERSON_ID, star)
				.set(ACCOUNTABILITY.KIND, "REMINDER_TALK")
				.set(ACCOUNTABILITY.OCCURRED_ON, LocalDate.now().minusDays(30 + i))
				.set(ACCOUNTABILITY.DECIDED_LEVEL, "COUNTY")
				.set(ACCOUNTABILITY.DETAIL, "卡口登记不全，".repeat(30))
				.set(ACCOUNTABILITY.PATH, township.path().value())
				.set(ACCOUNTABILITY.ENTERED_BY, "admin")
				.execute();
		}
		writer.add(new Entry(star, EntryKind.INSPECTION_MADE, now.minusDays(2),
				EntryText.of(EntryKind.INSPECTION_MADE, "检查卡口值守与物资储备"), "TEST_INSPECTION", "b" + star + "-i",
				township.path()));
		writer.add(new Entry(peer, EntryKind.VISIT_MADE, now.minusDays(1), EntryText.of(EntryKind.VISIT_MADE, "走访8户"),
				"VISIT", "b" + peer + "-0", township.path()));

		// the work logs and accountability above were written as rows: their entries come
		// from the rebuild, which leaves the shared record agreeing with its sources
		rebuild.rebuild();
		Browser.signIn(browser, port, "zzb");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(d -> d.findElements(By.id("nav")).size() > 0);
		browser.get("http://localhost:" + port + "/assessment");
		wait.until(d -> d.findElements(By.id("open-round-form")).size() > 0);
		browser.findElement(By.id("round-name")).sendKeys("抗疫一线县处级干部考察");
		Browser.pick(browser, "round-region", township.code(), township.code());
		browser.findElement(By.id("rank-COUNTY")).click();
		click(browser.findElement(By.id("open-round-submit")));

		wait.until(d -> d.findElements(By.id("ranking")).size() > 0);
		assertThat(browser.findElement(By.id("ranking")).getText()).contains("李卫国").contains("王建设");
		Browser.screenshot(browser, "assessment-round");
		click(browser.findElement(By.id("cadre-link-" + star)));

		wait.until(d -> d.findElements(By.id("score-form")).size() > 0);
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("入户排查");
		// issue 14: no place before the cadre is scored
		assertThat(browser.findElement(By.id("cadre-unscored")).getText()).contains("尚未评分");
		String[] scores = { "9", "10", "9", "10", "9" };
		for (int i = 0; i < scores.length; i++) {
			new Select(browser.findElement(By.id("score-" + i))).selectByValue(scores[i]);
		}
		new Select(browser.findElement(By.id("conclusion"))).selectByValue("EXCELLENT");
		new Select(browser.findElement(By.id("recommendation"))).selectByValue("PROMOTE");
		browser.findElement(By.id("comment")).sendKeys("疫情防控中冲锋在前，入户排查和督导成效突出，群众认可度高。".repeat(12));
		click(browser.findElement(By.id("score-submit")));

		wait.until(d -> d.findElements(By.id("cadre-total")).size() > 0);
		assertThat(browser.findElement(By.id("cadre-total")).getText()).isEqualTo("47");
		assertThat(browser.findElement(By.id("cadre-place")).getText()).isEqualTo("1");
		click(browser.findElement(By.id("print-link")));

		wait.until(d -> d.findElements(By.id("print-sheet")).size() > 0);
		assertThat(Browser.none(browser, By.id("nav"))).isTrue();
		assertThat(browser.findElement(By.id("print-name")).getText()).isEqualTo("李卫国");
		assertThat(browser.findElement(By.id("print-scores")).getText()).contains("47").contains("优秀").contains("提拔使用");
		assertThat(browser.findElement(By.id("print-figures")).getText()).contains("入户排查");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 1250));
		Path shot = Browser.screenshot(browser, "assessment-print");
		System.out.println("Printable profile screenshot: " + shot.toAbsolutePath());
		// one A4 page: the sheet is no taller than 297 mm at 96 dpi
		Number height = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.getElementById('print-sheet').getBoundingClientRect().height");
		assertThat(height.doubleValue()).isLessThanOrEqualTo(297 / 25.4 * 96 + 1);
		// the browser's print on A4: exactly one page
		PrintOptions a4 = new PrintOptions();
		a4.setPageSize(new PageSize(29.7, 21.0));
		a4.setBackground(true);
		byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
		Path file = shot.resolveSibling("assessment-print.pdf");
		Files.write(file, pdf);
		System.out.println("Printable profile as printed (PDF): " + file.toAbsolutePath());
		Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
		int count = 0;
		while (pages.find()) {
			count++;
		}
		assertThat(count).isEqualTo(1);
	}

	private RegionView township(CurrentUser admin) {
		for (int attempt = 0; attempt < 50; attempt++) {
			String code = "130902" + (500 + RANDOM.nextInt(500)) + "000";
			try {
				return regions.create(new RegionForm(code, "考察示范镇" + code.substring(6, 9), "130902"), admin);
			}
			catch (RuntimeException taken) {
				// try another code
			}
		}
		throw new IllegalStateException("no free township code");
	}

	private long cadre(String name, String region, CurrentUser admin) {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		PersonRoleView role = new PersonRoleView(RoleKind.CADRE, CadreRank.COUNTY, "副区长", null, null, null, null, null,
				null, null, null);
		return people.create(new PersonForm(name, idNumber, null, null, region, List.of(role)), admin).id();
	}

	private void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

}
