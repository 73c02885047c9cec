package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import cn.huoxian.inspection.RectificationView;
import cn.huoxian.inspection.Rectifications;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitForm;
import cn.huoxian.org.UnitKind;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * District staff record a county cadre's inspection of a township on a phone, a finding
 * becomes a rectification, and the rectification is closed with evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class InspectionBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Units units;

	@Autowired
	Regions regions;

	@Autowired
	Rectifications rectifications;

	@Autowired
	org.jooq.DSLContext db;

	ChromeDriver phone;

	@AfterEach
	void close() {
		if (phone != null) {
			phone.quit();
		}
	}

	@Test
	void staffRecordAnInspectionWithAFindingAndCloseItsRectificationOnAPhone() throws Exception {
		phone = Browser.phone();
		DataScope city = DataScope.ofRegions(RegionPath.root("130900"));
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN, city);
		String township = regions.children("130902", city).get(0).code();
		UnitView unit = units.create(new UnitForm("DEPA-B" + Api.unique() + new SplittableRandom().nextInt(100_000),
				"区督导组", UnitKind.GOVERNMENT_ORGAN, "130902", null), admin);
		long inspector = cadre("督导员", CadreRank.COUNTY, unit.id(), admin);
		long owner = cadre("整改人", CadreRank.TOWNSHIP, null, admin);
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());

		Browser.signIn(phone, port, "xinhua");
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(10));
		wait.until(d -> d.findElements(By.id("nav")).size() > 0);
		phone.get("http://localhost:" + port + "/deployment/inspections");
		wait.until(d -> d.findElements(By.id("inspection-form")).size() > 0);
		Browser.pick(phone, "inspectorId", idNumberOf(inspector), String.valueOf(inspector));
		Browser.pick(phone, "targetRegion", township, township);
		new Select(phone.findElement(By.id("rating-TERRITORIAL_RESPONSIBILITY"))).selectByValue("4");
		new Select(phone.findElement(By.id("rating-LIAISON"))).selectByValue("5");
		new Select(phone.findElement(By.id("rating-RESOURCES"))).selectByValue("2");
		new Select(phone.findElement(By.id("rating-PARTY_ROLE"))).selectByValue("4");
		phone.findElement(By.id("findings-RESOURCES")).sendKeys("卡口防护服只够两天");
		WebElement details = phone.findElement(By.cssSelector("#look-RESOURCES details"));
		scroll(details);
		details.findElement(By.tagName("summary")).click();
		phone.findElement(By.id("item-RESOURCES")).sendKeys("补足卡口防护服");
		Browser.pick(phone, "ownerId-RESOURCES", idNumberOf(owner), String.valueOf(owner));
		set(phone.findElement(By.id("deadline-RESOURCES")), today.plusDays(3).toString());
		phone.findElement(By.id("summary")).sendKeys("总体有序，物资需补充");
		Browser.screenshot(phone, "inspection-form");
		WebElement submit = phone.findElement(By.id("inspection-submit"));
		scroll(submit);
		submit.click();

		wait.until(d -> d.findElements(By.id("recorded")).size() > 0);
		assertThat(phone.findElement(By.id("looks")).getText()).contains("卡口防护服只够两天");
		assertThat(phone.findElement(By.id("rectifications")).getText()).contains("补足卡口防护服");
		Browser.screenshot(phone, "inspection-recorded");
		WebElement form = phone.findElement(By.cssSelector("form.close-form"));
		long fix = Long.parseLong(form.getAttribute("id").substring("close-form-".length()));
		WebElement evidence = phone.findElement(By.id("evidence-" + fix));
		scroll(evidence);
		evidence.sendKeys("已调拨防护服200套，附入库单");
		phone.findElement(By.id("close-submit-" + fix)).click();

		wait.until(d -> Browser.none(d, By.cssSelector("form.close-form")));
		String row = phone.findElement(By.id("rectification-" + fix)).getText();
		assertThat(row).contains("已销号").contains("已调拨防护服200套");
		assertThat(phone.findElement(By.id("recorded")).getText()).contains("销号");
		Browser.screenshot(phone, "inspection-rectification-closed");
		RectificationView closed = rectifications.find(fix, city);
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.evidence()).isEqualTo("已调拨防护服200套，附入库单");
	}

	@Test
	void deployingACadreWhoHoldsAPositionWarnsAndEndsItWhenTicked() throws Exception {
		phone = Browser.phone();
		DataScope city = DataScope.ofRegions(RegionPath.root("130900"));
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN, city);
		long cadre = cadre("部署员", CadreRank.COUNTY, null, admin);
		Browser.signIn(phone, port, "xinhua");
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(10));
		wait.until(d -> d.findElements(By.id("nav")).size() > 0);
		for (int round = 0; round < 2; round++) {
			phone.get("http://localhost:" + port + "/deployment/deployments");
			wait.until(d -> d.findElements(By.id("deploy-form")).size() > 0);
			Browser.pick(phone, "personId", idNumberOf(cadre), String.valueOf(cadre));
			new Select(phone.findElement(By.id("postKind"))).selectByValue(round == 0 ? "REGION" : "CHECKPOINT");
			phone.findElement(By.id("post")).sendKeys(round == 0 ? "" : "高速口检查站");
			WebElement submit = phone.findElement(By.id("deploy-submit"));
			scroll(submit);
			submit.click();
			// one look for either: an absent one would hold findElements for its implicit
			// 10 s
			wait.until(d -> d.findElements(By.cssSelector("#recorded, #deploy-conflict")).size() > 0);
		}
		WebElement conflict = phone.findElement(By.id("deploy-conflict"));
		assertThat(conflict.getText()).contains("一个干部一块阵地").contains("部署员");
		assertThat(phone.findElement(By.id("post")).getAttribute("value")).isEqualTo("高速口检查站");
		scroll(conflict);
		Browser.screenshot(phone, "deployment-warning");
		phone.findElement(By.id("endCurrent")).click();
		phone.findElement(By.id("deploy-submit")).click();
		wait.until(d -> d.findElements(By.id("recorded")).size() > 0);
		assertThat(phone.findElement(By.id("deployments")).getText()).contains("高速口检查站");
		Browser.screenshot(phone, "deployment-done");
	}

	private long cadre(String name, CadreRank rank, Long unitId, CurrentUser admin) {
		SplittableRandom random = new SplittableRandom();
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		PersonRoleView role = new PersonRoleView(RoleKind.CADRE, rank, "干部", unitId, null, null, null, null, null, null,
				null);
		return people.create(new PersonForm(name, idNumber, null, null, "130902", List.of(role)), admin).id();
	}

	/** The person's full ID number, which the person picker finds exactly. */
	private String idNumberOf(long person) {
		return db.select(cn.huoxian.db.Tables.PERSON.ID_NUMBER)
			.from(cn.huoxian.db.Tables.PERSON)
			.where(cn.huoxian.db.Tables.PERSON.ID.eq(person))
			.fetchOne(cn.huoxian.db.Tables.PERSON.ID_NUMBER);
	}

	private void scroll(WebElement element) {
		((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	private void set(WebElement input, String value) {
		((JavascriptExecutor) phone).executeScript("arguments[0].value = arguments[1]", input, value);
	}

}
