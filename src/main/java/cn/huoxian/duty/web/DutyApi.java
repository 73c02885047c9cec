package cn.huoxian.duty.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.duty.Checkpoints;
import cn.huoxian.duty.DutyLedgers;
import cn.huoxian.duty.DutyLogs;
import cn.huoxian.duty.Rosters;
import cn.huoxian.duty.Swaps;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.web.LedgerDownloads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkpoints and duty rosters: checkpoints, a week's roster (made, read, changed), the
 * shifts short of staff, my shifts, swaps, duty logs and the .xlsx ledgers.
 */
@RestController
@RequestMapping("/api/v1/duty")
class DutyApi {

	private final Checkpoints checkpoints;

	private final Rosters rosters;

	private final Swaps swaps;

	private final DutyLogs logs;

	private final LedgerDownloads downloads;

	private final DutyLedgers.RosterLedger rosterLedger;

	private final DutyLedgers.LogLedger logLedger;

	private final CurrentUserProvider users;

	private final Clock clock;

	DutyApi(Checkpoints checkpoints, Rosters rosters, Swaps swaps, DutyLogs logs, LedgerDownloads downloads,
			DutyLedgers.RosterLedger rosterLedger, DutyLedgers.LogLedger logLedger, CurrentUserProvider users,
			Clock clock) {
		this.checkpoints = checkpoints;
		this.rosters = rosters;
		this.swaps = swaps;
		this.logs = logs;
		this.downloads = downloads;
		this.rosterLedger = rosterLedger;
		this.logLedger = logLedger;
		this.users = users;
		this.clock = clock;
	}

	record CheckpointBody(@Size(max = 100) String name, @Size(max = 16) String kind, @Size(max = 20) String regionCode,
			@Min(1) Long partyOrganisationId, @Size(max = 20) List<@Min(1) Long> unitIds,
			@Min(1) @Max(50) Integer minStaff, @Size(max = 16) String pattern) {
	}

	record StaffBody(@Min(1) Long personId, @Min(1) Long replacesId) {
	}

	record SwapBody(@Min(1) Long shiftId, @Min(1) Long otherShiftId, @Min(1) Long otherPersonId,
			@Size(max = 500) String note) {
	}

	record LogBody(OffsetDateTime onDutyAt, OffsetDateTime offDutyAt, @Min(0) @Max(1_000_000) Integer vehicles,
			@Min(0) @Max(1_000_000) Integer people, @Min(0) @Max(1_000_000) Integer turnedBack,
			@Min(0) @Max(1_000_000) Integer temperatureReferred, @Size(max = 1000) String handover) {
	}

	private LocalDate dayOr(LocalDate week) {
		return week == null ? BusinessDay.today(clock) : week;
	}

	@Operation(summary = "Set up a checkpoint: kind, region, serving temporary party organisation, staffing units")
	@PostMapping("/checkpoints")
	@ResponseStatus(HttpStatus.CREATED)
	Checkpoints.CheckpointView create(@RequestBody CheckpointBody body) {
		return checkpoints.create(new Checkpoints.CheckpointForm(body.name(), body.kind(), body.regionCode(),
				body.partyOrganisationId(), body.unitIds(), body.minStaff(), body.pattern()), users.current());
	}

	@Operation(summary = "The checkpoints at and below a region")
	@GetMapping("/checkpoints")
	PageResult<Checkpoints.CheckpointView> list(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return checkpoints.list(region, page, size, users.current());
	}

	@Operation(summary = "One checkpoint")
	@GetMapping("/checkpoints/{checkpointId}")
	Checkpoints.CheckpointView checkpoint(@PathVariable long checkpointId) {
		return checkpoints.visible(checkpointId, "checkpointId", users.current());
	}

	@Operation(summary = "A checkpoint's roster for the week of a day (Monday to Sunday): days × shifts")
	@GetMapping("/checkpoints/{checkpointId}/roster")
	Rosters.WeekView week(@PathVariable long checkpointId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		return rosters.week(checkpointId, dayOr(week), users.current());
	}

	@Operation(summary = "Make the week's shifts from the template and fill those not started from the staffing units")
	@PostMapping("/checkpoints/{checkpointId}/roster")
	Rosters.WeekView generate(@PathVariable long checkpointId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		return rosters.generate(checkpointId, dayOr(week), users.current());
	}

	@Operation(summary = "A checkpoint's roster for a week as .xlsx")
	@GetMapping("/checkpoints/{checkpointId}/roster.xlsx")
	void rosterLedger(@PathVariable long checkpointId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			HttpServletResponse response) throws java.io.IOException {
		var me = users.current();
		downloads.send(rosterLedger, rosters.week(checkpointId, dayOr(week), me), me.scope(), response);
	}

	@Operation(summary = "A checkpoint's duty logs for a week as .xlsx")
	@GetMapping("/checkpoints/{checkpointId}/logs.xlsx")
	void logLedger(@PathVariable long checkpointId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			HttpServletResponse response) throws java.io.IOException {
		var me = users.current();
		LocalDate day = dayOr(week);
		downloads.send(logLedger, logs.ledger(checkpointId, day, me), me.scope(), response);
	}

	@Operation(summary = "Shifts short of their minimum staff under a region in the week of a day")
	@GetMapping("/gaps")
	PageResult<Rosters.ShiftView> gaps(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return rosters.gaps(region, dayOr(week), page, size, users.current());
	}

	@Operation(summary = "Put a person on a shift (in place of another with replacesId), checked against the rules")
	@PostMapping("/shifts/{shiftId}/staff")
	Rosters.ShiftView assign(@PathVariable long shiftId, @RequestBody StaffBody body) {
		return rosters.assign(shiftId, body.personId(), body.replacesId(), users.current());
	}

	@Operation(summary = "Take a person off a shift, unless that leaves it below its minimum")
	@DeleteMapping("/shifts/{shiftId}/staff/{personId}")
	Rosters.ShiftView unassign(@PathVariable long shiftId, @PathVariable long personId) {
		return rosters.unassign(shiftId, personId, users.current());
	}

	@Operation(summary = "My shifts to come, and those ended whose duty log is still open")
	@GetMapping("/shifts/mine")
	List<Rosters.ShiftView> mine() {
		return rosters.mine(users.current());
	}

	@Operation(summary = "A shift's duty log")
	@GetMapping("/shifts/{shiftId}/log")
	DutyLogs.LogView log(@PathVariable long shiftId) {
		return logs.find(shiftId, users.current())
			.orElseThrow(() -> new NotFoundException(cn.huoxian.shared.Messages.text("duty.what.log", shiftId)));
	}

	@Operation(summary = "Write or correct a shift's duty log; an off-duty time completes the shift")
	@PutMapping("/shifts/{shiftId}/log")
	DutyLogs.LogView writeLog(@PathVariable long shiftId, @RequestBody LogBody body) {
		return logs.write(shiftId, new DutyLogs.LogForm(body.onDutyAt(), body.offDutyAt(), body.vehicles(),
				body.people(), body.turnedBack(), body.temperatureReferred(), body.handover()), users.current());
	}

	@Operation(summary = "Colleagues' shifts at the same checkpoint one could swap one's shift with")
	@GetMapping("/shifts/{shiftId}/swap-candidates")
	List<Swaps.Candidate> candidates(@PathVariable long shiftId) {
		return swaps.candidates(shiftId, users.current());
	}

	@Operation(summary = "Ask a colleague to swap shifts")
	@PostMapping("/swaps")
	@ResponseStatus(HttpStatus.CREATED)
	Swaps.SwapView ask(@RequestBody SwapBody body) {
		return swaps.ask(body.shiftId(), body.otherShiftId(), body.otherPersonId(), body.note(), users.current());
	}

	@Operation(summary = "Open swaps asked by me or of me")
	@GetMapping("/swaps/mine")
	List<Swaps.SwapView> mySwaps() {
		return swaps.mine(users.current());
	}

	@Operation(summary = "Accept a swap asked of me: both shifts change hands, or neither")
	@PostMapping("/swaps/{swapId}/accept")
	Swaps.SwapView accept(@PathVariable long swapId) {
		return swaps.accept(swapId, users.current());
	}

	@Operation(summary = "Decline a swap asked of me")
	@PostMapping("/swaps/{swapId}/decline")
	Swaps.SwapView decline(@PathVariable long swapId) {
		return swaps.decline(swapId, users.current());
	}

	@Operation(summary = "Withdraw a swap I asked")
	@PostMapping("/swaps/{swapId}/withdraw")
	Swaps.SwapView withdraw(@PathVariable long swapId) {
		return swaps.withdraw(swapId, users.current());
	}

}
