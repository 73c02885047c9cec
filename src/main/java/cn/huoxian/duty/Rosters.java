package cn.huoxian.duty;

import static cn.huoxian.db.Tables.CHECKPOINT;
import static cn.huoxian.db.Tables.CHECKPOINT_UNIT;
import static cn.huoxian.db.Tables.DUTY_ASSIGNMENT;
import static cn.huoxian.db.Tables.DUTY_SHIFT;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.DutyShiftRecord;
import cn.huoxian.duty.Checkpoints.CheckpointView;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored rosters (ADR 46): a checkpoint's shifts for a week made from its template and
 * filled from its pool, and every change — a person put on or taken off a shift, one in
 * place of another — checked by {@link Roster} against the person's neighbouring shifts
 * at every checkpoint, loaded for the change alone. A refused change answers 422 with the
 * rules it breaks, in words, and writes nothing. Changes to one checkpoint are serialised
 * by a lock on its row.
 */
@Service
public class Rosters {

	/** The shifts around a changed one that the rules can reach: rest and the week. */
	private static final Duration WINDOW = Duration.ofDays(8);

	private final DSLContext db;

	private final Checkpoints checkpoints;

	private final People people;

	private final Clock clock;

	private final RosterRules rules;

	Rosters(DSLContext db, Checkpoints checkpoints, People people, Clock clock,
			@Value("${huoxian.duty.min-rest:PT8H}") Duration minRest,
			@Value("${huoxian.duty.weekly-cap:PT48H}") Duration weeklyCap) {
		this.db = db;
		this.checkpoints = checkpoints;
		this.people = people;
		this.clock = clock;
		this.rules = new RosterRules(minRest, weeklyCap);
	}

	public RosterRules rules() {
		return rules;
	}

	public record Person(long id, String name) {
	}

	/** A shift as read: when, who is on it, whether it is short of its minimum, done. */
	public record ShiftView(long id, long checkpointId, String checkpointName, OffsetDateTime startsAt,
			OffsetDateTime endsAt, LocalDate day, String slot, int minStaff, List<Person> staff, boolean gap,
			boolean completed) {
	}

	/**
	 * A checkpoint's week: days × the template's shifts (null where none was made yet).
	 */
	public record WeekView(CheckpointView checkpoint, LocalDate monday, List<LocalDate> days, List<String> slots,
			List<List<ShiftView>> grid, int shifts, int gaps) {
	}

	/** The Monday of a day's week. */
	public static LocalDate monday(LocalDate day) {
		return day.with(DayOfWeek.MONDAY);
	}

	@Transactional(readOnly = true)
	public WeekView week(@Nullable Long checkpointId, LocalDate anyDay, CurrentUser user) {
		return week(checkpoints.visible(checkpointId, "checkpointId", user), monday(anyDay));
	}

	private WeekView week(CheckpointView checkpoint, LocalDate monday) {
		List<ShiftView> shifts = views(db.selectFrom(DUTY_SHIFT)
			.where(DUTY_SHIFT.CHECKPOINT_ID.eq(checkpoint.id()), DUTY_SHIFT.SHIFT_DAY.ge(monday),
					DUTY_SHIFT.SHIFT_DAY.lt(monday.plusDays(7)))
			.orderBy(DUTY_SHIFT.STARTS_AT)
			.fetch());
		List<ShiftPattern.Slot> slots = checkpoint.pattern().slots();
		List<LocalDate> days = new ArrayList<>();
		List<List<ShiftView>> grid = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			LocalDate day = monday.plusDays(d);
			days.add(day);
			List<ShiftView> row = new ArrayList<>();
			for (ShiftPattern.Slot slot : slots) {
				OffsetDateTime start = startOf(day, slot);
				row.add(shifts.stream().filter(s -> s.startsAt().isEqual(start)).findFirst().orElse(null));
			}
			grid.add(row);
		}
		int gaps = (int) shifts.stream().filter(ShiftView::gap).count();
		return new WeekView(checkpoint, monday, days, slots.stream().map(ShiftPattern.Slot::label).toList(), grid,
				shifts.size(), gaps);
	}

	static OffsetDateTime startOf(LocalDate day, ShiftPattern.Slot slot) {
		return BusinessDay.startOf(day).plusHours(slot.startHour());
	}

	/**
	 * Makes a week's shifts from the checkpoint's template (those not made yet) and fills
	 * the shifts not yet started up to their minimum from its pool, in turn, skipping
	 * whoever a rule forbids (on duty or resting elsewhere, at the week's cap). What
	 * cannot be filled stays a gap.
	 */
	@Transactional
	public WeekView generate(@Nullable Long checkpointId, LocalDate anyDay, CurrentUser user) {
		return generateAsOf(checkpointId, anyDay, OffsetDateTime.now(clock), user);
	}

	/**
	 * {@link #generate} as if made at {@code now}: the demo makes this week's roster as
	 * of its Monday, so that the days already past have their shifts, staff and logs.
	 */
	@Transactional
	public WeekView generateAsOf(@Nullable Long checkpointId, LocalDate anyDay, OffsetDateTime now, CurrentUser user) {
		CheckpointView checkpoint = checkpoints.visible(checkpointId, "checkpointId", user);
		Checkpoints.requireManager(user);
		lock(checkpoint.id());
		LocalDate monday = monday(anyDay);
		if (!BusinessDay.startOf(monday.plusDays(7)).isAfter(now)) {
			throw new RuleViolationException(Messages.text("duty.problem.week-past", monday));
		}
		makeShifts(checkpoint, monday);
		List<DutyShiftRecord> own = db.selectFrom(DUTY_SHIFT)
			.where(DUTY_SHIFT.CHECKPOINT_ID.eq(checkpoint.id()), DUTY_SHIFT.SHIFT_DAY.ge(monday),
					DUTY_SHIFT.SHIFT_DAY.lt(monday.plusDays(7)))
			.orderBy(DUTY_SHIFT.STARTS_AT)
			.fetch();
		List<Long> pool = people.cadresOfUnits(checkpoint.unitIds());
		Roster roster = context(own, pool, Map.of(checkpoint.id(), new HashSet<>(pool)));
		List<long[]> added = new ArrayList<>();
		int at = 0;
		for (DutyShiftRecord shift : own) {
			if (!shift.getStartsAt().isAfter(now) || pool.isEmpty()) {
				continue;
			}
			for (int tried = 0; tried < pool.size()
					&& roster.staffOf(shift.getId()).size() < shift.getMinStaff(); tried++) {
				long person = pool.get((at + tried) % pool.size());
				if (roster.assign(shift.getId(), person).isEmpty()) {
					added.add(new long[] { shift.getId(), person });
					at = (at + tried + 1) % pool.size();
					tried = -1;
				}
			}
		}
		var insert = db
			.batch(db
				.insertInto(DUTY_ASSIGNMENT, DUTY_ASSIGNMENT.SHIFT_ID, DUTY_ASSIGNMENT.PERSON_ID,
						DUTY_ASSIGNMENT.ASSIGNED_BY, DUTY_ASSIGNMENT.ASSIGNED_AT)
				.values((Long) null, null, null, null));
		added.forEach(a -> insert.bind(a[0], a[1], user.username(), now));
		if (!added.isEmpty()) {
			insert.execute();
		}
		return week(checkpoint, monday);
	}

	private void makeShifts(CheckpointView checkpoint, LocalDate monday) {
		Set<OffsetDateTime> made = db.select(DUTY_SHIFT.STARTS_AT)
			.from(DUTY_SHIFT)
			.where(DUTY_SHIFT.CHECKPOINT_ID.eq(checkpoint.id()), DUTY_SHIFT.SHIFT_DAY.ge(monday),
					DUTY_SHIFT.SHIFT_DAY.lt(monday.plusDays(7)))
			.fetchSet(DUTY_SHIFT.STARTS_AT)
			.stream()
			.map(t -> t.toInstant().atOffset(java.time.ZoneOffset.UTC))
			.collect(Collectors.toSet());
		for (int d = 0; d < 7; d++) {
			LocalDate day = monday.plusDays(d);
			for (ShiftPattern.Slot slot : checkpoint.pattern().slots()) {
				OffsetDateTime start = startOf(day, slot);
				if (made.contains(start.toInstant().atOffset(java.time.ZoneOffset.UTC))) {
					continue;
				}
				db.insertInto(DUTY_SHIFT, DUTY_SHIFT.CHECKPOINT_ID, DUTY_SHIFT.PATH, DUTY_SHIFT.STARTS_AT,
						DUTY_SHIFT.ENDS_AT, DUTY_SHIFT.MIN_STAFF, DUTY_SHIFT.SHIFT_DAY)
					.values(checkpoint.id(), checkpoint.path().value(), start, start.plusHours(slot.hours()),
							checkpoint.minStaff(), day)
					.execute();
			}
		}
	}

	/**
	 * Puts a person on a shift (in place of {@code replacesId} when given): someone of
	 * the checkpoint's staffing units, with no rule broken.
	 */
	@Transactional
	public ShiftView assign(@Nullable Long shiftId, @Nullable Long personId, @Nullable Long replacesId,
			CurrentUser user) {
		DutyShiftRecord shift = visibleShift(shiftId, "shiftId", user);
		Checkpoints.requireManager(user);
		long checkpointId = shift.getCheckpointId();
		lock(checkpointId);
		lockPeople(java.util.Collections.singletonList(personId));
		boolean inPool = personId != null && people.isCadreOfAny(personId, unitsOf(checkpointId));
		if (personId == null || !inPool && !people.readable(personId, user.scope())) {
			throw new ReferenceNotFoundException("personId");
		}
		Set<Long> staff = staffOf(shift.getId());
		if (replacesId != null && !staff.contains(replacesId)) {
			throw new ReferenceNotFoundException("replacesId");
		}
		if (staff.contains(personId)) {
			throw new RuleViolationException(Messages.text("duty.problem.already-on", name(personId), label(shift)));
		}
		requireNotStarted(shift);
		Roster roster = context(List.of(shift), List.of(personId),
				Map.of(checkpointId, inPool ? Set.of(personId) : Set.of()));
		List<Violation> broken = replacesId == null ? roster.assign(shift.getId(), personId)
				: roster.replace(shift.getId(), replacesId, personId);
		refuseIfBroken(broken, roster);
		if (replacesId != null) {
			db.deleteFrom(DUTY_ASSIGNMENT)
				.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(shift.getId()), DUTY_ASSIGNMENT.PERSON_ID.eq(replacesId))
				.execute();
		}
		db.insertInto(DUTY_ASSIGNMENT, DUTY_ASSIGNMENT.SHIFT_ID, DUTY_ASSIGNMENT.PERSON_ID, DUTY_ASSIGNMENT.ASSIGNED_BY,
				DUTY_ASSIGNMENT.ASSIGNED_AT)
			.values(shift.getId(), personId, user.username(), OffsetDateTime.now(clock))
			.execute();
		return shift(shift.getId());
	}

	/** Takes a person off a shift, unless that leaves it below its minimum. */
	@Transactional
	public ShiftView unassign(@Nullable Long shiftId, @Nullable Long personId, CurrentUser user) {
		DutyShiftRecord shift = visibleShift(shiftId, "shiftId", user);
		Checkpoints.requireManager(user);
		lock(shift.getCheckpointId());
		if (personId == null || !staffOf(shift.getId()).contains(personId)) {
			throw new ReferenceNotFoundException("personId");
		}
		requireNotStarted(shift);
		Roster roster = context(List.of(shift), List.of(), Map.of());
		refuseIfBroken(roster.unassign(shift.getId(), personId), roster);
		db.deleteFrom(DUTY_ASSIGNMENT)
			.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(shift.getId()), DUTY_ASSIGNMENT.PERSON_ID.eq(personId))
			.execute();
		return shift(shift.getId());
	}

	/**
	 * The shifts of the person the account stands for: those to come, and those ended in
	 * the last two days whose log is not closed yet; by start.
	 */
	@Transactional(readOnly = true)
	public List<ShiftView> mine(CurrentUser user) {
		Long person = user.scope().selfPersonId();
		if (person == null) {
			return List.of();
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		return views(db.select(DUTY_SHIFT.fields())
			.from(DUTY_SHIFT)
			.join(DUTY_ASSIGNMENT)
			.on(DUTY_ASSIGNMENT.SHIFT_ID.eq(DUTY_SHIFT.ID))
			.where(DUTY_ASSIGNMENT.PERSON_ID.eq(person))
			.and(DUTY_SHIFT.ENDS_AT.gt(now)
				.or(DUTY_SHIFT.COMPLETED_AT.isNull().and(DUTY_SHIFT.ENDS_AT.gt(now.minusDays(2)))))
			.orderBy(DUTY_SHIFT.STARTS_AT)
			.limit(30)
			.fetchInto(DUTY_SHIFT));
	}

	/**
	 * The shifts under a region in scope in a day's week that are short of their minimum.
	 */
	@Transactional(readOnly = true)
	public PageResult<ShiftView> gaps(@Nullable String regionCode, LocalDate anyDay, int page, int size,
			CurrentUser user) {
		PageResult.check(page, size);
		RegionPath region = checkpoints.region(regionCode, user);
		LocalDate monday = monday(anyDay);
		Condition where = DataScope.under(DUTY_SHIFT.PATH, region)
			.and(user.scope().regionCondition(DUTY_SHIFT.PATH))
			.and(DUTY_SHIFT.SHIFT_DAY.ge(monday))
			.and(DUTY_SHIFT.SHIFT_DAY.lt(monday.plusDays(7)))
			.and(DSL.selectCount()
				.from(DUTY_ASSIGNMENT)
				.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(DUTY_SHIFT.ID))
				.asField()
				.lt(DUTY_SHIFT.MIN_STAFF));
		long total = db.fetchCount(DUTY_SHIFT, where);
		List<ShiftView> items = views(db.selectFrom(DUTY_SHIFT)
			.where(where)
			.orderBy(DUTY_SHIFT.STARTS_AT, DUTY_SHIFT.ID)
			.limit(size)
			.offset(page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/** A shift the user may read: by scope, or the user is on it. */
	DutyShiftRecord visibleShift(@Nullable Long shiftId, String field, CurrentUser user) {
		DutyShiftRecord shift = shiftId == null ? null : db.fetchOne(DUTY_SHIFT, DUTY_SHIFT.ID.eq(shiftId));
		if (shift == null
				|| !(user.scope().coversRegion(RegionPath.of(shift.getPath())) || user.scope().selfPersonId() != null
						&& staffOf(shift.getId()).contains(user.scope().selfPersonId()))) {
			throw new ReferenceNotFoundException(field);
		}
		return shift;
	}

	/** A shift the user may read (by scope, or on it), or 404. */
	@Transactional(readOnly = true)
	public ShiftView visibleShift(@Nullable Long shiftId, CurrentUser user) {
		return views(List.of(visibleShift(shiftId, "shiftId", user))).get(0);
	}

	/** The user sets rosters up and the shift's checkpoint lies in their scope. */
	public boolean mayManage(long shiftId, CurrentUser user) {
		String path = db.select(DUTY_SHIFT.PATH)
			.from(DUTY_SHIFT)
			.where(DUTY_SHIFT.ID.eq(shiftId))
			.fetchOne(DUTY_SHIFT.PATH);
		return path != null && user.mayReportDaily() && user.scope().coversRegion(RegionPath.of(path));
	}

	Set<Long> staffOf(long shiftId) {
		return db.select(DUTY_ASSIGNMENT.PERSON_ID)
			.from(DUTY_ASSIGNMENT)
			.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(shiftId))
			.fetchSet(DUTY_ASSIGNMENT.PERSON_ID);
	}

	/** One shift as read (the caller checked it may). */
	public ShiftView shift(long shiftId) {
		return views(db.fetch(DUTY_SHIFT, DUTY_SHIFT.ID.eq(shiftId))).get(0);
	}

	private void requireNotStarted(DutyShiftRecord shift) {
		if (!shift.getStartsAt().isAfter(OffsetDateTime.now(clock))) {
			throw new RuleViolationException(Messages.text("duty.problem.started", label(shift)));
		}
	}

	/** Serialises the changes to a checkpoint's roster. */
	void lock(long checkpointId) {
		db.select(CHECKPOINT.ID).from(CHECKPOINT).where(CHECKPOINT.ID.eq(checkpointId)).forUpdate().fetch();
	}

	/**
	 * Serialises the changes that move these people, whatever the checkpoint: their
	 * person rows are locked in id order (after the checkpoint's, always in that order,
	 * so two changes never wait for each other in a circle).
	 */
	void lockPeople(java.util.Collection<Long> personIds) {
		people.lockAll(personIds.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList());
	}

	/**
	 * The staffing units of a checkpoint, in one query (a change needs no more of it).
	 */
	private List<Long> unitsOf(long checkpointId) {
		return db.select(CHECKPOINT_UNIT.UNIT_ID)
			.from(CHECKPOINT_UNIT)
			.where(CHECKPOINT_UNIT.CHECKPOINT_ID.eq(checkpointId))
			.fetch(CHECKPOINT_UNIT.UNIT_ID);
	}

	/**
	 * A roster holding these shifts with everyone on them, and every shift within the
	 * rules' reach (eight days either side) of these people, with them on it: all a
	 * change to these shifts by these people can break.
	 */
	Roster context(Collection<DutyShiftRecord> shifts, Collection<Long> persons, Map<Long, Set<Long>> pools) {
		Map<Long, DutyShiftRecord> all = new HashMap<>();
		shifts.forEach(s -> all.put(s.getId(), s));
		Set<Long> ids = new HashSet<>(all.keySet());
		List<long[]> loads = new ArrayList<>();
		if (!ids.isEmpty()) {
			db.select(DUTY_ASSIGNMENT.SHIFT_ID, DUTY_ASSIGNMENT.PERSON_ID)
				.from(DUTY_ASSIGNMENT)
				.where(DUTY_ASSIGNMENT.SHIFT_ID.in(ids))
				.forEach(r -> loads.add(new long[] { r.value1(), r.value2() }));
		}
		if (!persons.isEmpty() && !shifts.isEmpty()) {
			OffsetDateTime from = shifts.stream()
				.map(DutyShiftRecord::getStartsAt)
				.min(OffsetDateTime::compareTo)
				.orElseThrow()
				.minus(WINDOW);
			OffsetDateTime to = shifts.stream()
				.map(DutyShiftRecord::getStartsAt)
				.max(OffsetDateTime::compareTo)
				.orElseThrow()
				.plus(WINDOW);
			Condition near = DUTY_SHIFT.STARTS_AT.between(from, to).and(DUTY_SHIFT.ID.notIn(ids));
			// by person in slices: a pool of thousands stays within the drivers'
			// parameter
			// limits
			List<Long> list = new ArrayList<>(persons);
			for (int i = 0; i < list.size(); i += 1000) {
				List<Long> slice = list.subList(i, Math.min(list.size(), i + 1000));
				db.select(DUTY_SHIFT.fields())
					.select(DUTY_ASSIGNMENT.PERSON_ID)
					.from(DUTY_SHIFT)
					.join(DUTY_ASSIGNMENT)
					.on(DUTY_ASSIGNMENT.SHIFT_ID.eq(DUTY_SHIFT.ID))
					.where(near.and(DUTY_ASSIGNMENT.PERSON_ID.in(slice)))
					.forEach(r -> {
						DutyShiftRecord s = r.into(DUTY_SHIFT);
						all.putIfAbsent(s.getId(), s);
						loads.add(new long[] { s.getId(), r.get(DUTY_ASSIGNMENT.PERSON_ID) });
					});
			}
		}
		Roster roster = new Roster(rules, all.values().stream().map(Rosters::shift).toList(), pools);
		loads.forEach(l -> roster.load(l[0], l[1]));
		return roster;
	}

	static Shift shift(DutyShiftRecord r) {
		return new Shift(r.getId(), r.getCheckpointId(), minutes(r.getStartsAt()), minutes(r.getEndsAt()),
				r.getMinStaff());
	}

	private static long minutes(OffsetDateTime at) {
		return at.toEpochSecond() / 60;
	}

	/** Refuses a change with the rules it breaks, in words. */
	void refuseIfBroken(List<Violation> broken, Roster roster) {
		if (broken.isEmpty()) {
			return;
		}
		Set<Long> persons = broken.stream().map(Violation::personId).filter(p -> p != 0).collect(Collectors.toSet());
		Map<Long, String> names = people.names(persons);
		Set<Long> shiftIds = new HashSet<>();
		broken.forEach(v -> {
			shiftIds.add(v.shiftId());
			shiftIds.add(v.otherShiftId());
		});
		Map<Long, String> labels = new HashMap<>();
		db.selectFrom(DUTY_SHIFT).where(DUTY_SHIFT.ID.in(shiftIds)).forEach(s -> labels.put(s.getId(), label(s)));
		String text = broken.stream()
			.map(v -> Messages.text("duty.rule." + v.rule().name(), names.getOrDefault(v.personId(), ""),
					labels.getOrDefault(v.shiftId(), ""), labels.getOrDefault(v.otherShiftId(), ""),
					rules.minRest().toHours(), rules.weeklyCap().toHours(),
					v.shiftId() == 0 ? "" : String.valueOf(roster.shift(v.shiftId()).minStaff())))
			.distinct()
			.collect(Collectors.joining("；"));
		throw new RuleViolationException(text);
	}

	/** "沧州西收费站卡口 2026-03-10 08:00–16:00". */
	String label(DutyShiftRecord shift) {
		String name = db.select(CHECKPOINT.NAME)
			.from(CHECKPOINT)
			.where(CHECKPOINT.ID.eq(shift.getCheckpointId()))
			.fetchOne(CHECKPOINT.NAME);
		return name + " " + when(shift.getStartsAt(), shift.getEndsAt());
	}

	static String when(OffsetDateTime start, OffsetDateTime end) {
		var s = start.atZoneSameInstant(BusinessDay.ZONE);
		var e = end.atZoneSameInstant(BusinessDay.ZONE);
		return String.format("%s %02d:%02d–%02d:%02d", s.toLocalDate(), s.getHour(), s.getMinute(), e.getHour(),
				e.getMinute());
	}

	/** "2026-03-10 08:05" in Shanghai. */
	public static String clock(OffsetDateTime at) {
		var t = at.atZoneSameInstant(BusinessDay.ZONE);
		return String.format("%s %02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute());
	}

	private String name(long personId) {
		return people.names(List.of(personId)).getOrDefault(personId, "");
	}

	List<ShiftView> views(List<DutyShiftRecord> shifts) {
		if (shifts.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = shifts.stream().map(DutyShiftRecord::getId).collect(Collectors.toSet());
		Map<Long, List<Long>> staff = new HashMap<>();
		db.select(DUTY_ASSIGNMENT.SHIFT_ID, DUTY_ASSIGNMENT.PERSON_ID)
			.from(DUTY_ASSIGNMENT)
			.where(DUTY_ASSIGNMENT.SHIFT_ID.in(ids))
			.orderBy(DUTY_ASSIGNMENT.ASSIGNED_AT, DUTY_ASSIGNMENT.PERSON_ID)
			.forEach(r -> staff.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
		Map<Long, String> names = people
			.names(staff.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		Map<Long, String> checkpointNames = db.select(CHECKPOINT.ID, CHECKPOINT.NAME)
			.from(CHECKPOINT)
			.where(CHECKPOINT.ID.in(shifts.stream().map(DutyShiftRecord::getCheckpointId).collect(Collectors.toSet())))
			.fetchMap(CHECKPOINT.ID, CHECKPOINT.NAME);
		List<ShiftView> views = new ArrayList<>();
		for (DutyShiftRecord s : shifts) {
			List<Person> on = staff.getOrDefault(s.getId(), List.of())
				.stream()
				.map(p -> new Person(p, names.getOrDefault(p, "")))
				.toList();
			var start = s.getStartsAt().atZoneSameInstant(BusinessDay.ZONE);
			var end = s.getEndsAt().atZoneSameInstant(BusinessDay.ZONE);
			String slot = String.format("%02d:%02d–%02d:%02d", start.getHour(), start.getMinute(), end.getHour(),
					end.getMinute());
			views.add(new ShiftView(s.getId(), s.getCheckpointId(), checkpointNames.get(s.getCheckpointId()),
					start.toOffsetDateTime(), end.toOffsetDateTime(), s.getShiftDay(), slot, s.getMinStaff(), on,
					on.size() < s.getMinStaff(), s.getCompletedAt() != null));
		}
		return views;
	}

}
