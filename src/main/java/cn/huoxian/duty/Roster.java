package cn.huoxian.duty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A duty roster held in memory: shifts, who is on each, and each person's shifts in time
 * order, so that a change is checked against the rules by looking only at the shifts next
 * to it (microseconds, however large the roster). A change that breaks a rule is refused
 * with its violations and changes nothing; {@link #violations()} recounts the whole
 * roster, for the tests and after a load.
 */
public final class Roster {

	private static final Comparator<Shift> BY_START = Comparator.comparingLong(Shift::start)
		.thenComparingLong(Shift::id);

	private final RosterRules rules;

	private final Map<Long, Shift> shifts = new HashMap<>();

	private final Map<Long, Set<Long>> staff = new HashMap<>();

	private final Map<Long, TreeSet<Shift>> byPerson = new HashMap<>();

	/** Minutes on duty per person and week (a shift counts in the week it starts). */
	private final Map<Long, Map<Long, Long>> weekMinutes = new HashMap<>();

	/** Who may serve at each checkpoint (the staff of its units); none means anyone. */
	private final Map<Long, Set<Long>> pools;

	public Roster(RosterRules rules, Collection<Shift> shifts, Map<Long, Set<Long>> pools) {
		this.rules = rules;
		this.pools = pools;
		for (Shift shift : shifts) {
			this.shifts.put(shift.id(), shift);
			this.staff.put(shift.id(), new LinkedHashSet<>());
		}
	}

	public RosterRules rules() {
		return rules;
	}

	public Collection<Shift> shifts() {
		return shifts.values();
	}

	public Shift shift(long id) {
		Shift shift = shifts.get(id);
		if (shift == null) {
			throw new IllegalArgumentException("no shift " + id);
		}
		return shift;
	}

	/** Who is on a shift, in the order they were put on it. */
	public Set<Long> staffOf(long shiftId) {
		return java.util.Collections.unmodifiableSet(staff.get(shift(shiftId).id()));
	}

	/** A person's shifts in time order. */
	public List<Shift> shiftsOf(long personId) {
		return List.copyOf(byPerson.getOrDefault(personId, new TreeSet<>(BY_START)));
	}

	/** Puts a person on a shift if no rule forbids it; the violations otherwise. */
	public List<Violation> assign(long shiftId, long personId) {
		Shift shift = shift(shiftId);
		List<Violation> found = checkAssign(shift, personId);
		if (found.isEmpty()) {
			put(shift, personId);
		}
		return found;
	}

	/** Takes a person off a shift unless that leaves it below its minimum. */
	public List<Violation> unassign(long shiftId, long personId) {
		Shift shift = shift(shiftId);
		if (!staff.get(shiftId).contains(personId)) {
			return List.of(new Violation(Violation.Rule.NOT_ON_SHIFT, shiftId, personId, 0));
		}
		if (staff.get(shiftId).size() - 1 < shift.minStaff()) {
			return List.of(new Violation(Violation.Rule.BELOW_MINIMUM, shiftId, 0, 0));
		}
		remove(shift, personId);
		return List.of();
	}

	/** Puts {@code in} on a shift in place of {@code out}, both or neither. */
	public List<Violation> replace(long shiftId, long out, long in) {
		Shift shift = shift(shiftId);
		if (!staff.get(shiftId).contains(out)) {
			return List.of(new Violation(Violation.Rule.NOT_ON_SHIFT, shiftId, out, 0));
		}
		remove(shift, out);
		List<Violation> found = checkAssign(shift, in);
		if (found.isEmpty()) {
			put(shift, in);
		}
		else {
			put(shift, out);
		}
		return found;
	}

	/**
	 * A swap asked by one person and accepted by another: {@code a} takes {@code b}'s
	 * shift and {@code b} takes {@code a}'s, both or neither.
	 */
	public List<Violation> swap(long shiftOfA, long a, long shiftOfB, long b) {
		Shift first = shift(shiftOfA);
		Shift second = shift(shiftOfB);
		if (!staff.get(shiftOfA).contains(a)) {
			return List.of(new Violation(Violation.Rule.NOT_ON_SHIFT, shiftOfA, a, 0));
		}
		if (!staff.get(shiftOfB).contains(b)) {
			return List.of(new Violation(Violation.Rule.NOT_ON_SHIFT, shiftOfB, b, 0));
		}
		remove(first, a);
		remove(second, b);
		List<Violation> found = new ArrayList<>(checkAssign(second, a));
		if (found.isEmpty()) {
			put(second, a);
			found.addAll(checkAssign(first, b));
			if (!found.isEmpty()) {
				remove(second, a);
			}
		}
		if (found.isEmpty()) {
			put(first, b);
		}
		else {
			put(first, a);
			put(second, b);
		}
		return found;
	}

	/** Puts a person on a shift without checking: loading a stored roster. */
	void load(long shiftId, long personId) {
		put(shift(shiftId), personId);
	}

	private List<Violation> checkAssign(Shift shift, long personId) {
		List<Violation> found = new ArrayList<>(2);
		if (staff.get(shift.id()).contains(personId)) {
			found.add(new Violation(Violation.Rule.NOT_ON_SHIFT, shift.id(), personId, 0));
			return found;
		}
		Set<Long> pool = pools.get(shift.checkpointId());
		if (pool != null && !pool.contains(personId)) {
			found.add(new Violation(Violation.Rule.NOT_STAFF, shift.id(), personId, 0));
		}
		TreeSet<Shift> own = byPerson.get(personId);
		if (own != null) {
			// only the shifts next to this one in time can clash with it; an earlier one
			// that
			// ends after a later one's start would clash with its neighbour first
			for (Shift before = own.lower(shift); before != null
					&& before.end() + rules.restMinutes() > shift.start(); before = own.lower(before)) {
				found.add(clash(shift, before, personId));
			}
			for (Shift after = own.higher(shift); after != null
					&& shift.end() + rules.restMinutes() > after.start(); after = own.higher(after)) {
				found.add(clash(shift, after, personId));
			}
		}
		long week = RosterRules.week(shift.start());
		long minutes = weekMinutes.getOrDefault(personId, Map.of()).getOrDefault(week, 0L);
		if (minutes + shift.minutes() > rules.capMinutes()) {
			found.add(new Violation(Violation.Rule.OVER_WEEKLY_CAP, shift.id(), personId, 0));
		}
		return found;
	}

	private static Violation clash(Shift shift, Shift other, long personId) {
		return new Violation(shift.overlaps(other) ? Violation.Rule.TWO_PLACES : Violation.Rule.SHORT_REST, shift.id(),
				personId, other.id());
	}

	private void put(Shift shift, long personId) {
		staff.get(shift.id()).add(personId);
		byPerson.computeIfAbsent(personId, p -> new TreeSet<>(BY_START)).add(shift);
		weekMinutes.computeIfAbsent(personId, p -> new HashMap<>())
			.merge(RosterRules.week(shift.start()), shift.minutes(), Long::sum);
	}

	private void remove(Shift shift, long personId) {
		staff.get(shift.id()).remove(personId);
		byPerson.get(personId).remove(shift);
		weekMinutes.get(personId).merge(RosterRules.week(shift.start()), -shift.minutes(), Long::sum);
	}

	/**
	 * Every rule the roster breaks, recounted from its shifts and staff alone (not from
	 * the indexes the changes keep): shifts below their minimum, and each person's
	 * clashes, short rests and weeks over the cap.
	 */
	public List<Violation> violations() {
		List<Violation> found = new ArrayList<>();
		Map<Long, List<Shift>> people = new HashMap<>();
		for (Shift shift : shifts.values()) {
			Set<Long> on = staff.get(shift.id());
			if (on.size() < shift.minStaff()) {
				found.add(new Violation(Violation.Rule.BELOW_MINIMUM, shift.id(), 0, 0));
			}
			for (long person : on) {
				people.computeIfAbsent(person, p -> new ArrayList<>()).add(shift);
				Set<Long> pool = pools.get(shift.checkpointId());
				if (pool != null && !pool.contains(person)) {
					found.add(new Violation(Violation.Rule.NOT_STAFF, shift.id(), person, 0));
				}
			}
		}
		people.forEach((person, list) -> {
			list.sort(BY_START);
			Map<Long, Long> weeks = new HashMap<>();
			for (int i = 0; i < list.size(); i++) {
				Shift shift = list.get(i);
				weeks.merge(RosterRules.week(shift.start()), shift.minutes(), Long::sum);
				for (int j = i + 1; j < list.size() && shift.end() + rules.restMinutes() > list.get(j).start(); j++) {
					found.add(clash(shift, list.get(j), person));
				}
			}
			weeks.forEach((week, minutes) -> {
				if (minutes > rules.capMinutes()) {
					found.add(new Violation(Violation.Rule.OVER_WEEKLY_CAP, 0, person, 0));
				}
			});
		});
		return found;
	}

}
