package cn.huoxian.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.isolation.CaseForm;
import cn.huoxian.isolation.CaseReason;
import cn.huoxian.isolation.CaseType;
import cn.huoxian.isolation.CaseView;
import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.Channel;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.screening.Flags;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.support.ModuleFixtures;
import cn.huoxian.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The performance record with the modules it depends on and one source module (isolation,
 * whose contacts it records): an event another module publishes becomes an entry through
 * the inbox and its drainer. Deployment's postings and screening's flags are mocked.
 */
@ModuleTest(extraIncludes = "isolation")
@MockitoBean(types = { Postings.class, Flags.class })
class RecordModuleTests {

	@Autowired
	Records records;

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
	void anotherModulesContactBecomesTheCadresEntry(Scenario scenario) {
		HouseholdView household = fixtures.household(fixtures.grid("130902"));
		PersonView person = fixtures.resident(household, "隔离人");
		PersonView cadre = fixtures.resident(household, "干部");
		CaseView opened = cases.open(
				new CaseForm(person.id(), CaseType.HOME_ISOLATION, CaseReason.CLOSE_CONTACT, null,
						BusinessDay.today(clock).minusDays(1), null, null, null, List.of(cadre.id())),
				ModuleFixtures.ADMIN);
		OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(10).withNano(0);
		long[] contact = new long[1];

		scenario.stimulate(() -> {
			contact[0] = cases.contact(opened.id(), new ContactForm(at, Channel.VIDEO, false, null, false, null, null),
					ModuleFixtures.adminAs(cadre));
		})
			.andWaitForStateChange(() -> records.entries(cadre.id(), EntryKind.ISOLATION_CONTACT, 0, 10).items())
			.andVerify(entries -> assertThat(entries).singleElement().satisfies(entry -> {
				assertThat(entry.summary()).isEqualTo("隔离人员每日联系（视频，未联系上）");
				assertThat(entry.sourceType()).isEqualTo("ISOLATION_CONTACT");
				assertThat(entry.sourceId()).isEqualTo(String.valueOf(contact[0]));
				assertThat(entry.path()).isEqualTo(person.path());
				assertThat(entry.occurredAt().toInstant()).isEqualTo(at.toInstant());
			}));
		assertThat(records.entries(person.id(), EntryKind.ISOLATION_CONTACT, 0, 10).items()).isEmpty();
	}

}
