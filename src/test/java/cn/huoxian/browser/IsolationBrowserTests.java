package cn.huoxian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.huoxian.isolation.CaseForm;
import cn.huoxian.isolation.CaseReason;
import cn.huoxian.isolation.CaseType;
import cn.huoxian.isolation.CaseView;
import cn.huoxian.isolation.Cases;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A responsible grid worker records the daily contact of an isolated resident on a phone;
 * the case leaves today's overdue list at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Tag("browser")
class IsolationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	People people;

	@Autowired
	Regions regions;

	ChromeDriver phone;

	@AfterEach
	void close() {
		if (phone != null) {
			phone.quit();
		}
	}

	@Test
	void gridWorkerRecordsTheDailyContactOnAPhoneAndTheCaseLeavesTheOverdueList() throws Exception {
		phone = Browser.phone();
		Browser.signIn(phone, port, "grid01");
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(10));
		// grid01's scope root, as the layout links it: /regions/{grid}
		String href = phone.findElement(By.cssSelector(".scope a")).getAttribute("href");
		String grid = href.substring(href.lastIndexOf('/') + 1);

		DataScope city = DataScope.ofRegions(RegionPath.root("130900"));
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN, city);
		List<PersonView> residents = people.search(grid, null, 0, 50, city).items();
		PersonView resident = residents.get(Math.min(9, residents.size() - 1));
		CaseView opened = cases.open(new CaseForm(resident.id(), CaseType.HOME_ISOLATION,
				CaseReason.RETURNED_FROM_HIGH_RISK_AREA, null, null, null, "家中", "09:00", List.of(resident.id())),
				admin);
		LocalDate today = BusinessDay.today(Clock.systemUTC());
		assertThat(overdueIds(grid, today, city)).contains(opened.id());

		phone.get("http://localhost:" + port + "/isolation/overdue");
		assertThat(phone.findElements(By.id("overdue-" + opened.id()))).hasSize(1);
		Browser.screenshot(phone, "isolation-overdue");
		phone.findElement(By.cssSelector("#overdue-" + opened.id() + " a.case-link")).click();
		wait.until(d -> d.findElements(By.id("contact-form")).size() > 0);
		phone.findElement(By.id("channel-PHONE")).click();
		phone.findElement(By.id("reached-yes")).click();
		phone.findElement(By.id("temperature")).sendKeys("36.7");
		phone.findElement(By.id("mood")).sendKeys("平稳");
		phone.findElement(By.id("note")).sendKeys("电话联系，无不适");
		Browser.screenshot(phone, "isolation-case-contact");
		phone.findElement(By.id("contact-submit")).click();
		wait.until(d -> d.findElements(By.id("recorded")).size() > 0);
		assertThat(phone.findElement(By.id("contacts")).getText()).contains("电话联系，无不适").contains("36.7");
		assertThat(Browser.none(phone, By.id("due-today"))).isTrue();
		Browser.screenshot(phone, "isolation-case-recorded");

		phone.get("http://localhost:" + port + "/isolation/overdue");
		wait.until(d -> d.findElements(By.id("overdue")).size() > 0);
		assertThat(Browser.none(phone, By.id("overdue-" + opened.id()))).isTrue();
		assertThat(overdueIds(grid, today, city)).doesNotContain(opened.id());
		Browser.screenshot(phone, "isolation-overdue-after");
	}

	private List<Long> overdueIds(String grid, LocalDate day, DataScope scope) {
		return cases.overdue(regions.find(grid, scope).path(), day, 0, 500, scope)
			.items()
			.stream()
			.map(CaseView::id)
			.toList();
	}

}
