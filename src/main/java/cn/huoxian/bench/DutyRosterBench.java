package cn.huoxian.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.huoxian.duty.Roster;
import cn.huoxian.duty.RosterGenerator;
import cn.huoxian.duty.RosterRules;
import cn.huoxian.duty.Shift;

/**
 * Issue 16's roster figures, in memory: a week of three 8-hour shifts at 1,187 posts (the
 * article's count of temporary party organisations at posts), two or three on each,
 * staffed from 20,000 people of 60 units, each post drawing on two units.
 */
final class DutyRosterBench {

	static final int POSTS = 1_187, STAFF = 20_000, UNITS = 60;

	final List<Shift> shifts = new ArrayList<>();

	final Map<Long, List<Long>> pools = new HashMap<>();

	DutyRosterBench(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		// Monday 2026-03-02 00:00 in Shanghai, in minutes since the epoch
		long monday = 29_541_600L;
		long id = 1;
		for (long post = 1; post <= POSTS; post++) {
			int min = 2 + random.nextInt(2);
			for (int day = 0; day < 7; day++) {
				for (int s = 0; s < 3; s++) {
					long start = monday + (day * 24L + s * 8L) * 60;
					shifts.add(new Shift(id++, post, start, start + 8 * 60, min));
				}
			}
			List<Long> pool = new ArrayList<>();
			int first = random.nextInt(UNITS);
			int second = (first + 1 + random.nextInt(UNITS - 1)) % UNITS;
			for (int unit : new int[] { first, second }) {
				for (long person = unit; person < STAFF; person += UNITS) {
					pool.add(person + 1);
				}
			}
			pools.put(post, pool);
		}
	}

	Roster generate() {
		return RosterGenerator.generate(RosterRules.DEFAULT, shifts, pools);
	}

	/**
	 * One change checked (and, when allowed, made and undone): someone of the post's
	 * units put on a shift of it.
	 */
	static int change(Roster roster, DutyRosterBench week, int i) {
		Shift shift = week.shifts.get((int) ((i * 7_919L) % week.shifts.size()));
		List<Long> pool = week.pools.get(shift.checkpointId());
		long person = pool.get((i * 104_729) % pool.size());
		int refused = roster.assign(shift.id(), person).size();
		if (refused == 0) {
			roster.unassign(shift.id(), person);
		}
		return refused;
	}

}
