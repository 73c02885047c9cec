package cn.huoxian.browser;

import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.UNIT;
import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import cn.huoxian.support.Browser;
import cn.huoxian.support.TestClock;
import cn.huoxian.volunteer.Needs;
import cn.huoxian.volunteer.Registrations;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * 双报到 end to end in a browser: an in-service party member registered with their community
 * claims the community's need on a phone; once it has started, the community's staff
 * confirm the hours on their screen, and the member's phone shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Import(TestClock.Config.class)
@Tag("browser")
class VolunteerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext db;

	@Autowired
	Accounts accounts;

	@Autowired
	Registrations registrations;

	@Autowired
	Needs needs;

	@Autowired
	TestClock clock;

	ChromeDriver phone;

	ChromeDriver desk;

	@AfterEach
	void close() {
		clock.reset();
		for (ChromeDriver browser : new ChromeDriver[] { phone, desk }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void aPartyMemberClaimsANeedOnAPhoneAndTheCommunityConfirmsTheHours() throws Exception {
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		// a party member of a 新华区 unit living in one of its communities, not yet
		// registered
		long person = db.select(PERSON.ID)
			.from(PERSON)
			.join(PERSON_ROLE)
			.on(PERSON_ROLE.PERSON_ID.eq(PERSON.ID))
			.where(PERSON.PATH.like("/130900/130902/%/%/%/"), PERSON_ROLE.ROLE.eq("PARTY_MEMBER"),
					PERSON_ROLE.PARTY_ORGANISATION_ID.in(DSL.select(UNIT.PARTY_ORGANISATION_ID)
						.from(UNIT)
						.where(UNIT.PATH.like("/130900/130902/%"))),
					PERSON.ID.notIn(DSL.select(VOLUNTEER_REGISTRATION.PERSON_ID).from(VOLUNTEER_REGISTRATION)))
			.orderBy(PERSON.ID)
			.limit(1)
			.fetchOne(PERSON.ID);
		String username = "pmphone" + java.util.UUID.randomUUID().toString().substring(0, 6);
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, person, List.of()));
		var registration = registrations.register(person, admin);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(2);
		var need = needs.publish(new Needs.ServiceNeedForm(registration.communityCode(), "DISINFECTION", "楼道消杀（手机认领）",
				"5 号楼", start, start.plusHours(2), 2), admin);

		phone = Browser.phone();
		Browser.signIn(phone, port, username);
		WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(10));
		phone.get("http://localhost:" + port + "/volunteer");
		WebElement card = phone.findElement(By.id("need-" + need.id()));
		assertThat(card.getText()).contains("楼道消杀（手机认领）").contains("卫生消杀").contains("已认领 0/2");
		Browser.screenshot(phone, "volunteer-needs-phone");
		WebElement claim = card.findElement(By.cssSelector("button.claim"));
		phone.executeScript("arguments[0].scrollIntoView({block: 'center'})", claim);
		claim.click();
		wait.until(d -> !d.findElements(By.id("volunteer-done")).isEmpty());
		assertThat(phone.findElement(By.id("volunteer-done")).getText()).isEqualTo("已认领");
		assertThat(phone.findElement(By.id("claims-mine")).getText()).contains("楼道消杀（手机认领）").contains("已认领");
		Browser.screenshot(phone, "volunteer-claimed-phone");
		long claimId = db.select(VOLUNTEER_CLAIM.ID)
			.from(VOLUNTEER_CLAIM)
			.where(VOLUNTEER_CLAIM.NEED_ID.eq(need.id()), VOLUNTEER_CLAIM.PERSON_ID.eq(person))
			.fetchOne(VOLUNTEER_CLAIM.ID);

		// the need has started: the community's staff confirm the hours
		clock.set(Instant.now().plus(Duration.ofHours(3)));
		desk = Browser.desktop();
		Browser.signIn(desk, port, "xinhua");
		desk.get("http://localhost:" + port + "/volunteer/needs/" + need.id());
		WebElement hours = desk.findElement(By.id("hours-" + claimId));
		hours.clear();
		hours.sendKeys("1.5");
		Browser.screenshot(desk, "volunteer-confirm-desk");
		desk.findElement(By.cssSelector("#claim-" + claimId + " button.confirm")).click();
		new WebDriverWait(desk, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("volunteer-done")).isEmpty());
		assertThat(desk.findElement(By.id("claim-" + claimId)).getText()).contains("已确认");
		assertThat(db.select(VOLUNTEER_CLAIM.MINUTES)
			.from(VOLUNTEER_CLAIM)
			.where(VOLUNTEER_CLAIM.ID.eq(claimId))
			.fetchOne(VOLUNTEER_CLAIM.MINUTES)).isEqualTo(90);

		phone.get("http://localhost:" + port + "/volunteer");
		wait.until(d -> !d.findElements(By.id("claim-" + claimId)).isEmpty());
		assertThat(phone.findElement(By.id("claim-" + claimId)).getText()).contains("已确认").contains("1.5");
		Browser.screenshot(phone, "volunteer-confirmed-phone");
	}

}
