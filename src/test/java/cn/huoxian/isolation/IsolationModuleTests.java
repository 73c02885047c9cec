package cn.huoxian.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.access.AuditLog;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.record.Postings;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.ModuleFixtures;
import cn.huoxian.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Isolation with the modules it uses (org, people, screening, record): opening,
 * contacting and ending a case publish the events other modules listen to. What record's
 * beans need from access (the audit log) and deployment (postings) is mocked.
 */
@ModuleTest
@MockitoBean(types = { AuditLog.class, Postings.class })
class IsolationModuleTests {

	@Autowired
	Cases cases;

	@Autowired
	Clock clock;

	ModuleFixtures fixtures;

	@Autowired
	void fixtures(Regions regions, Households households, People people) {
		this.fixtures = new ModuleFixtures(regions, households, people);
	}

	@Test
	void openingACasePublishesIsolationStartedWithItsPeriod(PublishedEvents events) {
		HouseholdView household = fixtures.household(fixtures.grid("130902"));
		PersonView person = fixtures.resident(household, "隔离人");
		PersonView cadre = fixtures.resident(household, "联系人");
		LocalDate start = BusinessDay.today(clock).minusDays(1);

		CaseView opened = cases.open(new CaseForm(person.id(), CaseType.HOME_ISOLATION, CaseReason.CLOSE_CONTACT, null,
				start, 7, null, "08:30", List.of(cadre.id())), ModuleFixtures.ADMIN);

		assertThat(events.ofType(Events.IsolationStarted.class).matching(Events.IsolationStarted::caseId, opened.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.personId()).isEqualTo(person.id());
				assertThat(e.path()).isEqualTo(person.path());
				assertThat(e.startDate()).isEqualTo(start);
				assertThat(e.endDate()).isEqualTo(start.plusDays(6));
			});
		assertThat(events.ofType(Events.IsolationEnded.class).matching(Events.IsolationEnded::caseId, opened.id()))
			.isEmpty();
	}

	@Test
	void aContactAndTheEndOfACaseArePublished(Scenario scenario) {
		HouseholdView household = fixtures.household(fixtures.grid("130903"));
		PersonView person = fixtures.resident(household, "观察人");
		PersonView cadre = fixtures.resident(household, "干部");
		CaseView opened = cases.open(
				new CaseForm(person.id(), CaseType.MEDICAL_OBSERVATION, CaseReason.OTHER, null,
						BusinessDay.today(clock).minusDays(1), null, null, null, List.of(cadre.id())),
				ModuleFixtures.ADMIN);
		OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(10).withNano(0);

		scenario
			.stimulate(() -> cases.contact(opened.id(),
					new ContactForm(at, Channel.PHONE, true, null, false, null, null), ModuleFixtures.adminAs(cadre)))
			.andWaitForEventOfType(Events.ContactMade.class)
			.matching(e -> e.caseId() == opened.id())
			.toArriveAndVerify(e -> {
				assertThat(e.madeBy()).isEqualTo(cadre.id());
				assertThat(e.reached()).isTrue();
				assertThat(e.contactedAt().toInstant()).isEqualTo(at.toInstant());
			});
		scenario.stimulate(() -> cases.end(opened.id(), CaseStatus.RELEASED, "期满解除", ModuleFixtures.ADMIN))
			.andWaitForEventOfType(Events.IsolationEnded.class)
			.matching(e -> e.caseId() == opened.id())
			.toArriveAndVerify(e -> {
				assertThat(e.personId()).isEqualTo(person.id());
				assertThat(e.status()).isEqualTo(CaseStatus.RELEASED);
			});
	}

}
