package cn.huoxian.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.duty.Violation.Rule;
import org.junit.jupiter.api.Test;

/** Each roster rule, refused with its violation, and a refused change changes nothing. */
class RosterRulesTests {

	/** Monday 2026-03-09 00:00 in Shanghai, in minutes since the epoch. */
	private static final long MONDAY = LocalDateTime.of(2026, 3, 9, 0, 0).toEpochSecond(ZoneOffset.ofHours(8)) / 60;

	private static final long HOUR = 60;

	private static Shift shift(long id, long checkpoint, long startHour, long hours, int min) {
		return new Shift(id, checkpoint, MONDAY + startHour * HOUR, MONDAY + (startHour + hours) * HOUR, min);
	}

	private static List<Rule> rules(List<Violation> violations) {
		return violations.stream().map(Violation::rule).toList();
	}

	@Test
	void nobodyIsInTwoPlacesAtOnceOrWithoutEightHoursRest() {
		Shift night = shift(1, 10, 0, 8, 1);
		Shift sameTimeElsewhere = shift(2, 20, 4, 8, 1);
		Shift tooSoon = shift(3, 10, 12, 8, 1);
		Shift rested = shift(4, 10, 16, 8, 1);
		Roster roster = new Roster(RosterRules.DEFAULT, List.of(night, sameTimeElsewhere, tooSoon, rested), Map.of());
		assertThat(roster.assign(1, 7)).isEmpty();
		assertThat(rules(roster.assign(2, 7))).containsExactly(Rule.TWO_PLACES);
		assertThat(rules(roster.assign(3, 7))).containsExactly(Rule.SHORT_REST);
		assertThat(roster.assign(4, 7)).isEmpty();
		assertThat(roster.staffOf(2)).isEmpty();
		assertThat(roster.staffOf(3)).isEmpty();
		// the rest before a shift counts too: a shift ending 4 h before the night's start
		Shift evening = new Shift(5, 10, MONDAY - 8 * HOUR, MONDAY - 4 * HOUR, 0);
		roster = new Roster(RosterRules.DEFAULT, List.of(night, evening), Map.of());
		roster.assign(1, 7);
		assertThat(rules(roster.assign(5, 7))).containsExactly(Rule.SHORT_REST);
		assertThat(roster.violations()).isEmpty();
	}

	@Test
	void theWeeklyCapCountsTheWeekAShiftStartsIn() {
		RosterRules rules = new RosterRules(Duration.ofHours(8), Duration.ofHours(24));
		Shift monday = shift(1, 10, 0, 8, 1);
		Shift tuesday = shift(2, 10, 24, 8, 1);
		Shift wednesday = shift(3, 10, 48, 8, 1);
		Shift thursday = shift(4, 10, 72, 8, 1);
		Shift nextMonday = shift(5, 10, 7 * 24, 8, 1);
		Roster roster = new Roster(rules, List.of(monday, tuesday, wednesday, thursday, nextMonday), Map.of());
		assertThat(roster.assign(1, 7)).isEmpty();
		assertThat(roster.assign(2, 7)).isEmpty();
		assertThat(roster.assign(3, 7)).isEmpty();
		assertThat(rules(roster.assign(4, 7))).containsExactly(Rule.OVER_WEEKLY_CAP);
		assertThat(roster.assign(5, 7)).as("a new week").isEmpty();
		// Sunday 23:00 Shanghai is still the first week
		assertThat(RosterRules.week(MONDAY + (6 * 24 + 23) * HOUR)).isEqualTo(RosterRules.week(MONDAY));
		assertThat(RosterRules.week(MONDAY + 7 * 24 * HOUR)).isEqualTo(RosterRules.week(MONDAY) + 1);
	}

	@Test
	void noShiftIsTakenBelowItsMinimumAndOnlyItsUnitsStaffServe() {
		Shift gate = shift(1, 10, 8, 8, 2);
		Roster roster = new Roster(RosterRules.DEFAULT, List.of(gate), Map.of(10L, Set.of(7L, 8L, 9L)));
		assertThat(rules(roster.assign(1, 99))).containsExactly(Rule.NOT_STAFF);
		roster.assign(1, 7);
		roster.assign(1, 8);
		assertThat(rules(roster.assign(1, 8))).containsExactly(Rule.NOT_ON_SHIFT);
		assertThat(rules(roster.unassign(1, 8))).containsExactly(Rule.BELOW_MINIMUM);
		assertThat(roster.replace(1, 8, 9)).as("a replacement keeps the minimum").isEmpty();
		assertThat(roster.staffOf(1)).containsExactlyInAnyOrder(7L, 9L);
		assertThat(rules(roster.replace(1, 9, 99))).containsExactly(Rule.NOT_STAFF);
		assertThat(roster.staffOf(1)).containsExactlyInAnyOrder(7L, 9L);
		assertThat(roster.violations()).isEmpty();
	}

	@Test
	void aSwapHappensWholeOrNotAtAll() {
		Shift morning = shift(1, 10, 8, 8, 1);
		Shift night = shift(2, 10, 24, 8, 1);
		Shift nextMorning = shift(3, 10, 32, 8, 0);
		Roster roster = new Roster(RosterRules.DEFAULT, List.of(morning, night, nextMorning), Map.of());
		roster.assign(1, 7);
		roster.assign(2, 8);
		roster.assign(3, 7);
		// 7 would take the night right before their next morning: refused, nothing moves
		assertThat(rules(roster.swap(1, 7, 2, 8))).containsExactly(Rule.SHORT_REST);
		assertThat(roster.staffOf(1)).containsExactly(7L);
		assertThat(roster.staffOf(2)).containsExactly(8L);
		roster.unassign(3, 7);
		assertThat(roster.swap(1, 7, 2, 8)).isEmpty();
		assertThat(roster.staffOf(1)).containsExactly(8L);
		assertThat(roster.staffOf(2)).containsExactly(7L);
		assertThat(roster.violations()).isEmpty();
	}

}
