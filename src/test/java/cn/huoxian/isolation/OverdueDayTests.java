package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.support.ModuleFixtures;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The overdue list read from the case's {@code last_reached_day} (V23): lists of today
 * and of earlier days, late and unreached contacts, a contact timed into tomorrow,
 * extension and release; and, after seeded random sequences of opening, contacts and
 * ends, the maintained column equals a recount from the contacts and every day's list
 * equals the list computed from the contacts alone. Each test works in a grid of its own.
 */
@SqlTest
@Import(TestClock.Config.class)
class OverdueDayTests {

	private static final CurrentUser ADMIN = ModuleFixtures.ADMIN;

	/** Noon in Shanghai. */
	private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	@Autowired
	Cases cases;

	@Autowired
	DSLContext db;

	@Autowired
	TestClock clock;

	ModuleFixtures fixtures;

	RegionPath grid;

	HouseholdView household;

	@Autowired
	void fixtures(Regions regions, Households households, People people) {
		this.fixtures = new ModuleFixtures(regions, households, people);
	}

	@Autowired
	Regions regions;

	@BeforeEach
	void aGridOfItsOwn() {
		String code = fixtures.grid("130902");
		grid = regions.find(code, ADMIN.scope()).path();
		household = fixtures.household(code);
		at(TODAY, 12, 0);
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	@Test
	void listsOfTodayAndOfEarlierDays() {
		long id = open(TODAY.minusDays(3), 14);
		contact(id, TODAY.minusDays(2), 10, true);
		contact(id, TODAY, 9, true);
		assertThat(overdue(TODAY)).doesNotContain(id);
		assertThat(overdue(TODAY.minusDays(1))).contains(id);
		assertThat(overdue(TODAY.minusDays(2))).doesNotContain(id);
		assertThat(overdue(TODAY.minusDays(3))).contains(id);
		assertThat(overdue(TODAY.minusDays(4))).as("before the start").doesNotContain(id);
		assertThat(lastReachedDay(id)).isEqualTo(TODAY);
		assertLists();
	}

	@Test
	void aLateContactForAnEarlierDayDoesNotMakeALaterDayReached() {
		long id = open(TODAY.minusDays(2), 14);
		contact(id, TODAY.minusDays(1), 20, true);
		assertThat(overdue(TODAY)).as("reached yesterday only").contains(id);
		assertThat(overdue(TODAY.minusDays(1))).doesNotContain(id);
		contact(id, TODAY, 9, true);
		// recorded now for the day before yesterday, after today's
		contact(id, TODAY.minusDays(2), 18, true);
		assertThat(lastReachedDay(id)).isEqualTo(TODAY);
		assertThat(overdue(TODAY)).doesNotContain(id);
		assertThat(overdue(TODAY.minusDays(1))).doesNotContain(id);
		assertThat(overdue(TODAY.minusDays(2))).doesNotContain(id);
		assertLists();
	}

	@Test
	void aContactThatDidNotReachThePersonLeavesTheDayOverdue() {
		long id = open(TODAY.minusDays(1), 14);
		contact(id, TODAY, 9, false);
		assertThat(lastReachedDay(id)).isNull();
		assertThat(overdue(TODAY)).contains(id);
		contact(id, TODAY.minusDays(1), 9, true);
		contact(id, TODAY, 11, false);
		assertThat(lastReachedDay(id)).isEqualTo(TODAY.minusDays(1));
		assertThat(overdue(TODAY)).contains(id);
		assertThat(overdue(TODAY.minusDays(1))).doesNotContain(id);
		assertLists();
	}

	/**
	 * A contact may be timed up to five minutes ahead: shortly before midnight that is
	 * tomorrow's business day, and today stays as reached (or not) as it was.
	 */
	@Test
	void aContactTimedIntoTomorrowLeavesTodayAsItWas() {
		long reachedToday = open(TODAY.minusDays(1), 14);
		long notToday = open(TODAY.minusDays(1), 14);
		contact(reachedToday, TODAY, 9, true);
		at(TODAY, 23, 58);
		for (long id : List.of(reachedToday, notToday)) {
			cases.contact(id, new ContactForm(OffsetDateTime.now(clock).plusMinutes(4), Channel.PHONE, true, null,
					false, null, null), ADMIN);
			assertThat(lastReachedDay(id)).isEqualTo(TODAY.plusDays(1));
		}
		assertThat(overdue(TODAY)).contains(notToday).doesNotContain(reachedToday);
		assertThat(overdue(TODAY.plusDays(1))).doesNotContain(notToday, reachedToday);
		assertLists();
	}

	@Test
	void anExtendedCaseIsDueTheNextDayAndAnEndedOneNever() {
		long extended = open(TODAY.minusDays(2), 3); // last day today
		long released = open(TODAY.minusDays(2), 14);
		contact(extended, TODAY, 10, false);
		assertThat(cases.find(extended, ADMIN.scope()).status()).isEqualTo(CaseStatus.EXTENDED);
		assertThat(overdue(TODAY.plusDays(1))).contains(extended);
		at(TODAY.plusDays(1), 12, 0);
		contact(extended, TODAY.plusDays(1), 9, true);
		assertThat(overdue(TODAY.plusDays(1))).doesNotContain(extended);
		assertThat(overdue(TODAY)).contains(extended, released);
		cases.end(released, CaseStatus.RELEASED, "解除观察", ADMIN);
		assertThat(overdue(TODAY)).doesNotContain(released);
		assertThat(overdue(TODAY.plusDays(1))).doesNotContain(released);
		assertLists();
	}

	/**
	 * The home page's count stops one past its bound, and below it equals the overdue
	 * list's total.
	 */
	@Test
	void theBoundedCountStopsOnePastItsBound() {
		long reached = open(TODAY.minusDays(1), 14);
		open(TODAY.minusDays(1), 14);
		open(TODAY.minusDays(2), 14);
		open(TODAY.minusDays(3), 14);
		contact(reached, TODAY, 9, true);
		long total = cases.overdue(grid, TODAY, 0, 1, ADMIN.scope()).total();
		assertThat(total).isEqualTo(3);
		assertThat(cases.overdueUpTo(grid, TODAY, 10, ADMIN.scope())).isEqualTo(total);
		assertThat(cases.overdueUpTo(grid, TODAY, 3, ADMIN.scope())).isEqualTo(3);
		assertThat(cases.overdueUpTo(grid, TODAY, 1, ADMIN.scope())).isEqualTo(2);
		// scope: a district elsewhere counts none of them
		assertThat(cases.overdueUpTo(grid, TODAY, 10,
				cn.huoxian.shared.DataScope.ofRegions(RegionPath.of("/130900/130903/"))))
			.isZero();
	}

	/**
	 * Random days of work on a handful of cases: opening, contacts for today or late for
	 * the last three days (reached or not, sometimes with symptoms, sometimes timed into
	 * tomorrow), ends. After each day the column equals the recount and every list equals
	 * the one computed from the contacts.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void theMaintainedDayEqualsARecountAfterRandomWork(long seed) {
		Random random = new Random(seed);
		List<PersonView> persons = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			persons.add(fixtures.resident(household, "随机" + i));
		}
		LocalDate first = TODAY.minusDays(4);
		for (int d = 0; d < 8; d++) {
			LocalDate day = first.plusDays(d);
			at(day, 10 + random.nextInt(3), random.nextInt(60));
			for (int op = 0; op < 12; op++) {
				List<Long> open = openCases();
				int kind = random.nextInt(10);
				if (kind == 0 || open.isEmpty()) {
					PersonView person = persons.get(random.nextInt(persons.size()));
					if (!db.fetchExists(ISOLATION_CASE, ISOLATION_CASE.ACTIVE_PERSON_ID.eq(person.id()))) {
						open(person, day.minusDays(random.nextInt(3)), 2 + random.nextInt(6));
					}
				}
				else if (kind == 1) {
					long id = open.get(random.nextInt(open.size()));
					CaseStatus outcome = List.of(CaseStatus.RELEASED, CaseStatus.HOSPITALISED, CaseStatus.LOST)
						.get(random.nextInt(3));
					try {
						cases.end(id, outcome, random.nextBoolean() ? "结束" : null, ADMIN);
					}
					catch (RuntimeException refused) {
						// released without a final contact, or early without a note
					}
				}
				else {
					long id = open.get(random.nextInt(open.size()));
					LocalDate start = cases.find(id, ADMIN.scope()).startDate();
					LocalDate contactDay = day.minusDays(random.nextInt(4));
					OffsetDateTime contactAt = random.nextInt(8) == 0 ? OffsetDateTime.now(clock).plusMinutes(4)
							: contactDay.atTime(7 + random.nextInt(3), random.nextInt(60))
								.atZone(BusinessDay.ZONE)
								.toOffsetDateTime();
					if (contactAt.atZoneSameInstant(BusinessDay.ZONE).toLocalDate().isBefore(start)) {
						continue;
					}
					cases.contact(id, new ContactForm(contactAt, Channel.VIDEO, random.nextInt(4) > 0, null,
							random.nextInt(15) == 0, null, null), ADMIN);
				}
				if (random.nextInt(6) == 0) {
					// shortly before midnight: a contact timed now + 4 minutes is
					// tomorrow's
					at(day, 23, 57);
				}
			}
			assertColumnIsARecount();
			assertLists();
		}
	}

	private List<Long> openCases() {
		return db.select(ISOLATION_CASE.ID)
			.from(ISOLATION_CASE)
			.where(ISOLATION_CASE.PATH.like(grid.subtreePattern()))
			.and(ISOLATION_CASE.STATUS.in(CaseStatus.ACTIVE.name(), CaseStatus.EXTENDED.name()))
			.orderBy(ISOLATION_CASE.ID)
			.fetch(ISOLATION_CASE.ID);
	}

	private void assertColumnIsARecount() {
		Map<Long, LocalDate> recount = new HashMap<>();
		for (Record r : db.select(ISOLATION_CONTACT.CASE_ID, ISOLATION_CONTACT.BUSINESS_DAY)
			.from(ISOLATION_CONTACT)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
			.where(ISOLATION_CASE.PATH.like(grid.subtreePattern()))
			.and(ISOLATION_CONTACT.REACHED.isTrue())
			.fetch()) {
			recount.merge(r.get(ISOLATION_CONTACT.CASE_ID), r.get(ISOLATION_CONTACT.BUSINESS_DAY),
					(a, b) -> a.isAfter(b) ? a : b);
		}
		Map<Long, LocalDate> kept = new HashMap<>();
		db.select(ISOLATION_CASE.ID, ISOLATION_CASE.LAST_REACHED_DAY)
			.from(ISOLATION_CASE)
			.where(ISOLATION_CASE.PATH.like(grid.subtreePattern()))
			.forEach(r -> {
				if (r.value2() != null) {
					kept.put(r.value1(), r.value2());
				}
			});
		assertThat(kept).as("last_reached_day against a recount from the contacts").isEqualTo(recount);
	}

	/**
	 * Every day's list in the grid (page and total) equals the open cases of the day with
	 * no reached contact on it, computed from the contacts alone.
	 */
	private void assertLists() {
		Map<Long, Set<LocalDate>> reached = new HashMap<>();
		db.select(ISOLATION_CONTACT.CASE_ID, ISOLATION_CONTACT.BUSINESS_DAY)
			.from(ISOLATION_CONTACT)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_CONTACT.CASE_ID))
			.where(ISOLATION_CASE.PATH.like(grid.subtreePattern()))
			.and(ISOLATION_CONTACT.REACHED.isTrue())
			.forEach(r -> reached.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
		var all = db.selectFrom(ISOLATION_CASE).where(ISOLATION_CASE.PATH.like(grid.subtreePattern())).fetch();
		for (LocalDate day = TODAY.minusDays(8); !day.isAfter(TODAY.plusDays(8)); day = day.plusDays(1)) {
			Set<Long> expected = new TreeSet<>();
			for (var c : all) {
				if (CaseStatus.valueOf(c.getStatus()).isOpen() && !c.getStartDate().isAfter(day)
						&& !c.getEndDate().isBefore(day) && !reached.getOrDefault(c.getId(), Set.of()).contains(day)) {
					expected.add(c.getId());
				}
			}
			var list = cases.overdue(grid, day, 0, 500, ADMIN.scope());
			assertThat(new TreeSet<>(list.items().stream().map(CaseView::id).toList())).as("overdue on %s", day)
				.isEqualTo(expected);
			assertThat(list.total()).as("overdue total on %s", day).isEqualTo(expected.size());
		}
	}

	private long open(LocalDate start, int days) {
		return open(fixtures.resident(household, "隔离人"), start, days);
	}

	private long open(PersonView person, LocalDate start, int days) {
		return cases
			.open(new CaseForm(person.id(), CaseType.HOME_ISOLATION, CaseReason.CLOSE_CONTACT, null, start, days, null,
					"09:00", List.of(person.id())), ADMIN)
			.id();
	}

	private void contact(long id, LocalDate day, int hour, boolean reached) {
		cases.contact(id, new ContactForm(day.atTime(hour, 0).atZone(BusinessDay.ZONE).toOffsetDateTime(),
				Channel.PHONE, reached, null, false, null, null), ADMIN);
	}

	private List<Long> overdue(LocalDate day) {
		return cases.overdue(grid, day, 0, 500, ADMIN.scope()).items().stream().map(CaseView::id).toList();
	}

	private LocalDate lastReachedDay(long id) {
		return db.select(ISOLATION_CASE.LAST_REACHED_DAY)
			.from(ISOLATION_CASE)
			.where(ISOLATION_CASE.ID.eq(id))
			.fetchOne(ISOLATION_CASE.LAST_REACHED_DAY);
	}

	private void at(LocalDate day, int hour, int minute) {
		Instant instant = day.atTime(LocalTime.of(hour, minute)).atZone(BusinessDay.ZONE).toInstant();
		clock.set(instant);
	}

}
