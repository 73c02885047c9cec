package cn.huoxian.duty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a roster for a period: the shifts in time order, each filled to its minimum
 * from the staff of its checkpoint's units, taking them in turn (a pointer per checkpoint
 * goes round its pool) and skipping whoever would break a rule — still on duty or resting
 * elsewhere, or at the week's cap. Working in time order, a person's last shift is the
 * only one a new shift can clash with, so each candidate is checked in constant time.
 * Shifts that cannot be filled are left below their minimum: the gaps the week's page
 * shows in colour.
 */
public final class RosterGenerator {

	private RosterGenerator() {
	}

	/**
	 * A roster of these shifts from these pools (checkpoint id → the people who may serve
	 * there, in the order to take them).
	 */
	public static Roster generate(RosterRules rules, List<Shift> shifts, Map<Long, List<Long>> pools) {
		Map<Long, Integer> index = new HashMap<>();
		pools.values().forEach(pool -> pool.forEach(p -> index.putIfAbsent(p, index.size())));
		int people = index.size();
		long[] lastEnd = new long[people];
		Arrays.fill(lastEnd, Long.MIN_VALUE / 2);
		long[] week = new long[people];
		Arrays.fill(week, Long.MIN_VALUE);
		long[] weekMinutes = new long[people];
		Map<Long, Integer> next = new HashMap<>();
		Map<Long, int[]> poolIndexes = new HashMap<>();
		Map<Long, Set<Long>> poolSets = new HashMap<>();
		pools.forEach((checkpoint, pool) -> {
			poolIndexes.put(checkpoint, pool.stream().mapToInt(index::get).toArray());
			poolSets.put(checkpoint, new java.util.HashSet<>(pool));
		});
		long[] ids = new long[people];
		index.forEach((person, i) -> ids[i] = person);

		Roster roster = new Roster(rules, shifts, poolSets);
		List<Shift> ordered = new ArrayList<>(shifts);
		ordered.sort(Comparator.comparingLong(Shift::start).thenComparingLong(Shift::id));
		long rest = rules.restMinutes();
		long cap = rules.capMinutes();
		for (Shift shift : ordered) {
			int[] pool = poolIndexes.get(shift.checkpointId());
			if (pool == null || pool.length == 0) {
				continue;
			}
			long shiftWeek = RosterRules.week(shift.start());
			int at = next.getOrDefault(shift.checkpointId(), 0);
			int taken = 0;
			for (int tried = 0; tried < pool.length && taken < shift.minStaff(); tried++) {
				int p = pool[(at + tried) % pool.length];
				long minutes = week[p] == shiftWeek ? weekMinutes[p] : 0;
				if (lastEnd[p] + rest <= shift.start() && minutes + shift.minutes() <= cap) {
					roster.load(shift.id(), ids[p]);
					lastEnd[p] = shift.end();
					week[p] = shiftWeek;
					weekMinutes[p] = minutes + shift.minutes();
					taken++;
					at = (at + tried + 1) % pool.length;
					tried = -1;
				}
			}
			next.put(shift.checkpointId(), at);
		}
		return roster;
	}

}
