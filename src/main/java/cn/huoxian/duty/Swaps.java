package cn.huoxian.duty;

import static cn.huoxian.db.Tables.DUTY_ASSIGNMENT;
import static cn.huoxian.db.Tables.DUTY_SHIFT;
import static cn.huoxian.db.Tables.DUTY_SWAP;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.db.tables.records.DutyShiftRecord;
import cn.huoxian.db.tables.records.DutySwapRecord;
import cn.huoxian.people.People;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shift swaps asked and accepted by phone: someone on a shift offers it to a colleague on
 * another shift of the same checkpoint, taking theirs; the colleague accepts (both
 * changes are checked against the rules then, both made or neither) or declines; the
 * asker may withdraw while it is open.
 */
@Service
public class Swaps {

	private final DSLContext db;

	private final Rosters rosters;

	private final People people;

	private final Clock clock;

	Swaps(DSLContext db, Rosters rosters, People people, Clock clock) {
		this.db = db;
		this.rosters = rosters;
		this.people = people;
		this.clock = clock;
	}

	public record SwapView(long id, Rosters.ShiftView shift, Rosters.Person person, Rosters.ShiftView otherShift,
			Rosters.Person otherPerson, String status, @Nullable String note, OffsetDateTime askedAt, boolean mine) {
	}

	/**
	 * A colleague's shift one could swap with: the shift and who would take one's own.
	 */
	public record Candidate(Rosters.ShiftView shift, Rosters.Person person) {
	}

	/**
	 * The shifts of the same checkpoint in the next two weeks one could ask to swap one's
	 * own shift with, with the colleagues on them.
	 */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(@Nullable Long shiftId, CurrentUser user) {
		long me = self(user);
		DutyShiftRecord own = ownShift(shiftId, "shiftId", me, user);
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<DutyShiftRecord> others = db.selectFrom(DUTY_SHIFT)
			.where(DUTY_SHIFT.CHECKPOINT_ID.eq(own.getCheckpointId()), DUTY_SHIFT.ID.ne(own.getId()),
					DUTY_SHIFT.STARTS_AT.gt(now), DUTY_SHIFT.STARTS_AT.lt(now.plusDays(14)))
			.orderBy(DUTY_SHIFT.STARTS_AT)
			.fetch();
		List<Candidate> candidates = new ArrayList<>();
		for (Rosters.ShiftView other : rosters.views(others)) {
			if (other.staff().stream().anyMatch(p -> p.id() == me)) {
				continue;
			}
			other.staff().forEach(p -> candidates.add(new Candidate(other, p)));
		}
		return candidates;
	}

	/**
	 * Asks a colleague to swap: checked against the rules now, and again on acceptance.
	 */
	@Transactional
	public SwapView ask(@Nullable Long shiftId, @Nullable Long otherShiftId, @Nullable Long otherPersonId,
			@Nullable String note, CurrentUser user) {
		long me = self(user);
		DutyShiftRecord own = ownShift(shiftId, "shiftId", me, user);
		DutyShiftRecord other = otherShiftId == null ? null : db.fetchOne(DUTY_SHIFT,
				DUTY_SHIFT.ID.eq(otherShiftId).and(DUTY_SHIFT.CHECKPOINT_ID.eq(own.getCheckpointId())));
		if (other == null) {
			throw new ReferenceNotFoundException("otherShiftId");
		}
		if (otherPersonId == null || !rosters.staffOf(other.getId()).contains(otherPersonId)) {
			throw new ReferenceNotFoundException("otherPersonId");
		}
		if (note != null && note.strip().length() > 500) {
			throw new InvalidInputException(
					List.of(new FieldProblem("note", Messages.text("problem.field.too-long", 500))));
		}
		check(own, me, other, otherPersonId);
		long id = db
			.insertInto(DUTY_SWAP, DUTY_SWAP.SHIFT_ID, DUTY_SWAP.PERSON_ID, DUTY_SWAP.OTHER_SHIFT_ID,
					DUTY_SWAP.OTHER_PERSON_ID, DUTY_SWAP.STATUS, DUTY_SWAP.NOTE, DUTY_SWAP.ASKED_BY, DUTY_SWAP.ASKED_AT)
			.values(own.getId(), me, other.getId(), otherPersonId, "ASKED",
					note == null || note.isBlank() ? null : note.strip(), user.username(), OffsetDateTime.now(clock))
			.returning(DUTY_SWAP.ID)
			.fetchOne(DUTY_SWAP.ID);
		return view(db.fetchOne(DUTY_SWAP, DUTY_SWAP.ID.eq(id)), me);
	}

	/**
	 * The colleague accepts: both shifts change hands, or neither (422 with the rules).
	 */
	@Transactional
	public SwapView accept(@Nullable Long swapId, CurrentUser user) {
		long me = self(user);
		DutySwapRecord swap = open(swapId, me, false);
		DutyShiftRecord own = db.fetchOne(DUTY_SHIFT, DUTY_SHIFT.ID.eq(swap.getShiftId()));
		DutyShiftRecord other = db.fetchOne(DUTY_SHIFT, DUTY_SHIFT.ID.eq(swap.getOtherShiftId()));
		rosters.lock(own.getCheckpointId());
		rosters.lockPeople(List.of(swap.getPersonId(), me));
		if (!rosters.staffOf(own.getId()).contains(swap.getPersonId())
				|| !rosters.staffOf(other.getId()).contains(me)) {
			throw new RuleViolationException(Messages.text("duty.problem.swap-stale"));
		}
		check(own, swap.getPersonId(), other, me);
		OffsetDateTime now = OffsetDateTime.now(clock);
		move(own.getId(), swap.getPersonId(), me, user, now);
		move(other.getId(), me, swap.getPersonId(), user, now);
		swap.setStatus("ACCEPTED");
		swap.setAnsweredBy(user.username());
		swap.setAnsweredAt(now);
		swap.store();
		return view(swap, me);
	}

	/** The colleague declines. */
	@Transactional
	public SwapView decline(@Nullable Long swapId, CurrentUser user) {
		return close(swapId, user, false, "DECLINED");
	}

	/** The asker withdraws. */
	@Transactional
	public SwapView withdraw(@Nullable Long swapId, CurrentUser user) {
		return close(swapId, user, true, "WITHDRAWN");
	}

	/** Open swaps asked by or of the account's person, newest first. */
	@Transactional(readOnly = true)
	public List<SwapView> mine(CurrentUser user) {
		Long me = user.scope().selfPersonId();
		if (me == null) {
			return List.of();
		}
		return db.selectFrom(DUTY_SWAP)
			.where(DUTY_SWAP.STATUS.eq("ASKED"))
			.and(DUTY_SWAP.PERSON_ID.eq(me).or(DUTY_SWAP.OTHER_PERSON_ID.eq(me)))
			.orderBy(DUTY_SWAP.ASKED_AT.desc())
			.limit(50)
			.fetch()
			.map(s -> view(s, me));
	}

	private SwapView close(@Nullable Long swapId, CurrentUser user, boolean asker, String status) {
		long me = self(user);
		DutySwapRecord swap = open(swapId, me, asker);
		swap.setStatus(status);
		swap.setAnsweredBy(user.username());
		swap.setAnsweredAt(OffsetDateTime.now(clock));
		swap.store();
		return view(swap, me);
	}

	private DutySwapRecord open(@Nullable Long swapId, long me, boolean asker) {
		DutySwapRecord swap = swapId == null ? null
				: db.selectFrom(DUTY_SWAP)
					.where(DUTY_SWAP.ID.eq(swapId))
					.and(asker ? DUTY_SWAP.PERSON_ID.eq(me) : DUTY_SWAP.OTHER_PERSON_ID.eq(me))
					.forUpdate()
					.fetchOne();
		if (swap == null) {
			throw new ReferenceNotFoundException("swapId");
		}
		if (!"ASKED".equals(swap.getStatus())) {
			throw new RuleViolationException(
					Messages.text("duty.problem.swap-closed", Messages.text("duty.swap.status." + swap.getStatus())));
		}
		return swap;
	}

	/** Both shifts not started, and the exchange breaking no rule. */
	private void check(DutyShiftRecord own, long a, DutyShiftRecord other, long b) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (DutyShiftRecord s : List.of(own, other)) {
			if (!s.getStartsAt().isAfter(now)) {
				throw new RuleViolationException(Messages.text("duty.problem.started", rosters.label(s)));
			}
		}
		Roster roster = rosters.context(List.of(own, other), List.of(a, b), Map.of());
		rosters.refuseIfBroken(roster.swap(own.getId(), a, other.getId(), b), roster);
	}

	private void move(long shiftId, long out, long in, CurrentUser user, OffsetDateTime now) {
		db.deleteFrom(DUTY_ASSIGNMENT)
			.where(DUTY_ASSIGNMENT.SHIFT_ID.eq(shiftId), DUTY_ASSIGNMENT.PERSON_ID.eq(out))
			.execute();
		db.insertInto(DUTY_ASSIGNMENT, DUTY_ASSIGNMENT.SHIFT_ID, DUTY_ASSIGNMENT.PERSON_ID, DUTY_ASSIGNMENT.ASSIGNED_BY,
				DUTY_ASSIGNMENT.ASSIGNED_AT)
			.values(shiftId, in, user.username(), now)
			.execute();
	}

	private DutyShiftRecord ownShift(@Nullable Long shiftId, String field, long me, CurrentUser user) {
		DutyShiftRecord shift = shiftId == null ? null : db.fetchOne(DUTY_SHIFT, DUTY_SHIFT.ID.eq(shiftId));
		if (shift == null || !rosters.staffOf(shift.getId()).contains(me)) {
			throw new ReferenceNotFoundException(field);
		}
		return shift;
	}

	private static long self(CurrentUser user) {
		Long me = user.scope().selfPersonId();
		if (me == null) {
			throw new ForbiddenException(Messages.text("duty.problem.no-person"));
		}
		return me;
	}

	private SwapView view(DutySwapRecord s, long me) {
		var shifts = rosters.views(db.fetch(DUTY_SHIFT, DUTY_SHIFT.ID.in(s.getShiftId(), s.getOtherShiftId())));
		Map<Long, String> names = people.names(Set.of(s.getPersonId(), s.getOtherPersonId()));
		Rosters.ShiftView own = shifts.stream().filter(v -> v.id() == s.getShiftId()).findFirst().orElseThrow();
		Rosters.ShiftView other = shifts.stream().filter(v -> v.id() == s.getOtherShiftId()).findFirst().orElseThrow();
		return new SwapView(s.getId(), own, new Rosters.Person(s.getPersonId(), names.get(s.getPersonId())), other,
				new Rosters.Person(s.getOtherPersonId(), names.get(s.getOtherPersonId())), s.getStatus(), s.getNote(),
				s.getAskedAt(), s.getPersonId() == me);
	}

}
