package cn.huoxian.duty;

import static cn.huoxian.db.Tables.DUTY_LOG;
import static cn.huoxian.db.Tables.DUTY_SHIFT;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.db.tables.records.DutyLogRecord;
import cn.huoxian.db.tables.records.DutyShiftRecord;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shift's duty log (值勤日志): on- and off-duty times, passages (vehicles, people), people
 * persuaded to turn back, abnormal temperatures referred, handover notes. Written by
 * someone on the shift, or by region staff over the checkpoint; correctable. The first
 * time it is written with an off-duty time the shift is completed
 * ({@link ShiftCompleted}).
 */
@Service
public class DutyLogs {

	static final int MAX_COUNT = 1_000_000;

	/** How far on- and off-duty times may lie outside the shift. */
	private static final Duration SLACK = Duration.ofHours(4);

	private final DSLContext db;

	private final Rosters rosters;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DutyLogs(DSLContext db, Rosters rosters, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.rosters = rosters;
		this.events = events;
		this.clock = clock;
	}

	public record LogForm(@Nullable OffsetDateTime onDutyAt, @Nullable OffsetDateTime offDutyAt,
			@Nullable Integer vehicles, @Nullable Integer people, @Nullable Integer turnedBack,
			@Nullable Integer temperatureReferred, @Nullable String handover) {
	}

	public record LogView(long shiftId, String checkpointName, String shift, OffsetDateTime onDutyAt,
			@Nullable OffsetDateTime offDutyAt, int vehicles, int people, int turnedBack, int temperatureReferred,
			@Nullable String handover, String loggedBy, OffsetDateTime loggedAt, List<Rosters.Person> staff) {
	}

	/** The log of a shift the user may read, if written. */
	@Transactional(readOnly = true)
	public java.util.Optional<LogView> find(@Nullable Long shiftId, CurrentUser user) {
		DutyShiftRecord shift = rosters.visibleShift(shiftId, "shiftId", user);
		return java.util.Optional.ofNullable(db.fetchOne(DUTY_LOG, DUTY_LOG.SHIFT_ID.eq(shift.getId())))
			.map(l -> view(shift, l));
	}

	/** Writes (or corrects) a shift's log; an off-duty time completes the shift. */
	@Transactional
	public LogView write(@Nullable Long shiftId, LogForm form, CurrentUser user) {
		DutyShiftRecord shift = rosters.visibleShift(shiftId, "shiftId", user);
		Long me = user.scope().selfPersonId();
		boolean onIt = me != null && rosters.staffOf(shift.getId()).contains(me) && user.actsAs(me);
		if (!onIt && !(user.mayReportDaily() && user.scope().coversRegion(RegionPath.of(shift.getPath())))) {
			throw new ForbiddenException(Messages.text("duty.problem.log-who"));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		check(form, shift, now);
		DutyLogRecord log = db.fetchOne(DUTY_LOG, DUTY_LOG.SHIFT_ID.eq(shift.getId()));
		if (log == null) {
			log = db.newRecord(DUTY_LOG);
			log.setShiftId(shift.getId());
		}
		log.setOnDutyAt(form.onDutyAt());
		log.setOffDutyAt(form.offDutyAt());
		log.setVehicles(orZero(form.vehicles()));
		log.setPeople(orZero(form.people()));
		log.setTurnedBack(orZero(form.turnedBack()));
		log.setTemperatureReferred(orZero(form.temperatureReferred()));
		log.setHandover(form.handover() == null || form.handover().isBlank() ? null : form.handover().strip());
		log.setLoggedBy(user.username());
		log.setLoggedAt(now);
		log.store();
		if (form.offDutyAt() != null && shift.getCompletedAt() == null) {
			int done = db.update(DUTY_SHIFT)
				.set(DUTY_SHIFT.COMPLETED_AT, now)
				.where(DUTY_SHIFT.ID.eq(shift.getId()), DUTY_SHIFT.COMPLETED_AT.isNull())
				.execute();
			if (done == 1) {
				events.publishEvent(
						new ShiftCompleted(shift.getId(), shift.getCheckpointId(), RegionPath.of(shift.getPath()),
								shift.getShiftDay(), List.copyOf(rosters.staffOf(shift.getId())), now));
			}
		}
		return view(shift, log);
	}

	private void check(LogForm form, DutyShiftRecord shift, OffsetDateTime now) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.onDutyAt() == null) {
			problems.add(new FieldProblem("onDutyAt", Messages.text("problem.required")));
		}
		else if (form.onDutyAt().isBefore(shift.getStartsAt().minus(SLACK))
				|| form.onDutyAt().isAfter(shift.getEndsAt())) {
			problems.add(new FieldProblem("onDutyAt", Messages.text("duty.problem.time-outside")));
		}
		else if (form.onDutyAt().isAfter(now)) {
			problems.add(new FieldProblem("onDutyAt", Messages.text("duty.problem.future")));
		}
		if (form.offDutyAt() != null) {
			if (form.onDutyAt() != null && !form.offDutyAt().isAfter(form.onDutyAt())) {
				problems.add(new FieldProblem("offDutyAt", Messages.text("duty.problem.off-before-on")));
			}
			else if (form.offDutyAt().isAfter(shift.getEndsAt().plus(SLACK))) {
				problems.add(new FieldProblem("offDutyAt", Messages.text("duty.problem.time-outside")));
			}
			else if (form.offDutyAt().isAfter(now)) {
				problems.add(new FieldProblem("offDutyAt", Messages.text("duty.problem.future")));
			}
		}
		count(problems, "vehicles", form.vehicles());
		count(problems, "people", form.people());
		count(problems, "turnedBack", form.turnedBack());
		count(problems, "temperatureReferred", form.temperatureReferred());
		if (form.handover() != null && form.handover().strip().length() > 1000) {
			problems.add(new FieldProblem("handover", Messages.text("problem.field.too-long", 1000)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void count(List<FieldProblem> problems, String field, @Nullable Integer value) {
		if (value != null && (value < 0 || value > MAX_COUNT)) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.between", 0, MAX_COUNT)));
		}
	}

	private static int orZero(@Nullable Integer value) {
		return value == null ? 0 : value;
	}

	/**
	 * A checkpoint's week with the logs of its shifts (its ledger), by shift: the week
	 * read once, the logs in one query.
	 */
	@Transactional(readOnly = true)
	public DutyLedgers.LogCover ledger(@Nullable Long checkpointId, LocalDate anyDay, CurrentUser user) {
		Rosters.WeekView week = rosters.week(checkpointId, anyDay, user);
		java.util.Map<Long, Rosters.ShiftView> shifts = new java.util.LinkedHashMap<>();
		week.grid().forEach(day -> day.stream().filter(java.util.Objects::nonNull).forEach(s -> shifts.put(s.id(), s)));
		java.util.Map<Long, DutyLogRecord> logs = shifts.isEmpty() ? java.util.Map.of()
				: db.selectFrom(DUTY_LOG).where(DUTY_LOG.SHIFT_ID.in(shifts.keySet())).fetchMap(DUTY_LOG.SHIFT_ID);
		List<LogView> views = new ArrayList<>();
		shifts.values().stream().sorted(java.util.Comparator.comparing(Rosters.ShiftView::startsAt)).forEach(s -> {
			DutyLogRecord log = logs.get(s.id());
			if (log != null) {
				views.add(view(s.checkpointName(), s.day() + " " + s.slot(), s.staff(), log));
			}
		});
		return new DutyLedgers.LogCover(week, views);
	}

	private LogView view(DutyShiftRecord shift, DutyLogRecord log) {
		Rosters.ShiftView view = rosters.shift(shift.getId());
		return view(view.checkpointName(), view.day() + " " + view.slot(), view.staff(), log);
	}

	private static LogView view(String checkpointName, String when, List<Rosters.Person> staff, DutyLogRecord log) {
		return new LogView(log.getShiftId(), checkpointName, when, log.getOnDutyAt(), log.getOffDutyAt(),
				log.getVehicles(), log.getPeople(), log.getTurnedBack(), log.getTemperatureReferred(),
				log.getHandover(), log.getLoggedBy(), log.getLoggedAt(), staff);
	}

}
