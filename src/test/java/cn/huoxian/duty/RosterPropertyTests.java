package cn.huoxian.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a generated roster breaks no rule but the gaps it could not fill, and no
 * random sequence of assignments, removals, replacements and swaps ever breaks a rule or
 * deepens a gap — checked after every step against a recount of the whole roster.
 */
class RosterPropertyTests {

	/**
	 * A week of three 8-hour shifts at a few checkpoints, staffed from overlapping pools.
	 */
	static Fixture fixture(SplittableRandom random, int checkpoints, int staff) {
		long monday = 29_541_600L; // 2026-03-01 16:00 UTC = Monday 2026-03-02 00:00
									// Shanghai
		List<Shift> shifts = new ArrayList<>();
		long id = 1;
		for (long c = 1; c <= checkpoints; c++) {
			for (int day = 0; day < 7; day++) {
				for (int s = 0; s < 3; s++) {
					long start = monday + (day * 24L + s * 8L) * 60;
					shifts.add(new Shift(id++, c, start, start + 8 * 60, 1 + random.nextInt(3)));
				}
			}
		}
		Map<Long, List<Long>> pools = new HashMap<>();
		for (long c = 1; c <= checkpoints; c++) {
			List<Long> pool = new ArrayList<>();
			for (long p = 1; p <= staff; p++) {
				if (random.nextInt(checkpoints) < 2) {
					pool.add(p);
				}
			}
			pools.put(c, pool);
		}
		return new Fixture(shifts, pools);
	}

	record Fixture(List<Shift> shifts, Map<Long, List<Long>> pools) {
	}

	@ParameterizedTest
	@ValueSource(longs = { 3, 17, 29, 41, 53 })
	void randomEditsNeverBreakARule(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		RosterRules rules = new RosterRules(Duration.ofHours(8), Duration.ofHours(8 * (3 + random.nextInt(4))));
		Fixture f = fixture(random, 4, 40);
		Roster roster = RosterGenerator.generate(rules, f.shifts(), f.pools());
		Map<Long, Integer> floor = new HashMap<>();
		for (Shift shift : f.shifts()) {
			floor.put(shift.id(), Math.min(shift.minStaff(), roster.staffOf(shift.id()).size()));
		}
		assertThat(roster.violations()).as("generated").allMatch(v -> v.rule() == Violation.Rule.BELOW_MINIMUM);

		int accepted = 0;
		for (int step = 0; step < 600; step++) {
			Shift shift = f.shifts().get(random.nextInt(f.shifts().size()));
			long person = 1 + random.nextInt(45); // a few outside every pool
			List<Long> on = new ArrayList<>(roster.staffOf(shift.id()));
			List<Violation> refused = switch (random.nextInt(4)) {
				case 0 -> roster.assign(shift.id(), person);
				case 1 -> on.isEmpty() ? List.of() : roster.unassign(shift.id(), on.get(random.nextInt(on.size())));
				case 2 ->
					on.isEmpty() ? List.of() : roster.replace(shift.id(), on.get(random.nextInt(on.size())), person);
				default -> {
					Shift other = f.shifts().get(random.nextInt(f.shifts().size()));
					List<Long> there = new ArrayList<>(roster.staffOf(other.id()));
					yield on.isEmpty() || there.isEmpty() ? List.of() : roster.swap(shift.id(),
							on.get(random.nextInt(on.size())), other.id(), there.get(random.nextInt(there.size())));
				}
			};
			accepted += refused.isEmpty() ? 1 : 0;
			for (Violation v : roster.violations()) {
				assertThat(v.rule()).as("step " + step + ": " + v).isEqualTo(Violation.Rule.BELOW_MINIMUM);
			}
			for (Shift s : f.shifts()) {
				assertThat(roster.staffOf(s.id()).size()).as("step " + step + ", shift " + s.id())
					.isGreaterThanOrEqualTo(floor.get(s.id()));
			}
		}
		assertThat(accepted).as("some edits go through").isGreaterThan(50);
	}

	@ParameterizedTest
	@ValueSource(longs = { 7, 19 })
	void enoughStaffFillEveryShift(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Fixture f = fixture(random, 3, 60);
		Roster roster = RosterGenerator.generate(RosterRules.DEFAULT, f.shifts(), f.pools());
		assertThat(roster.violations()).isEmpty();
		// each person's week stays within the cap and every shift has its minimum
		for (Shift shift : f.shifts()) {
			assertThat(roster.staffOf(shift.id())).hasSizeGreaterThanOrEqualTo(shift.minStaff());
		}
	}

}
