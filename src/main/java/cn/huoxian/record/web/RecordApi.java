package cn.huoxian.record.web;

import java.util.List;

import cn.huoxian.org.Regions;
import cn.huoxian.record.Accountabilities;
import cn.huoxian.record.AccountabilityForm;
import cn.huoxian.record.AccountabilityView;
import cn.huoxian.record.EntryKind;
import cn.huoxian.record.ProfileView;
import cn.huoxian.record.Records;
import cn.huoxian.record.WorkLogForm;
import cn.huoxian.record.WorkLogView;
import cn.huoxian.record.WorkLogs;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The performance record under /api/v1/record: a person's profile, accountability, and
 * the daily work log with witnesses and review.
 */
@RestController
@RequestMapping("/api/v1/record")
class RecordApi {

	private final Records records;

	private final Accountabilities accountabilities;

	private final WorkLogs workLogs;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final cn.huoxian.record.QuietCadres quietCadres;

	private final java.time.Clock clock;

	RecordApi(Records records, Accountabilities accountabilities, WorkLogs workLogs, Regions regions,
			CurrentUserProvider users, cn.huoxian.record.QuietCadres quietCadres, java.time.Clock clock) {
		this.quietCadres = quietCadres;
		this.clock = clock;
		this.records = records;
		this.accountabilities = accountabilities;
		this.workLogs = workLogs;
		this.regions = regions;
		this.users = users;
	}

	@Operation(summary = "A person's performance record (audited)")
	@GetMapping("/persons/{id}")
	ProfileView profile(@PathVariable long id, @RequestParam(required = false) EntryKind kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			HttpServletRequest request) {
		return records.profile(id, kind, page, size, users.current(), request.getRemoteAddr());
	}

	@Operation(summary = "The cadres under a region without any record entry this week (or the week of date)")
	@GetMapping("/quiet-cadres")
	cn.huoxian.shared.PageResult<cn.huoxian.record.QuietCadres.QuietCadre> quietCadres(
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate date,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		var me = users.current();
		return quietCadres.page(regions.findOrFirstRoot(region, me.scope()),
				date == null ? cn.huoxian.shared.BusinessDay.today(clock) : date, page, size, me);
	}

	@Operation(summary = "Enter an accountability decision for a person")
	@PostMapping("/persons/{id}/accountability")
	@ResponseStatus(HttpStatus.CREATED)
	AccountabilityView accountability(@PathVariable long id, @Valid @RequestBody AccountabilityForm form) {
		return accountabilities.enter(id, form, users.current());
	}

	@Operation(summary = "Write the day's work log")
	@PostMapping("/worklog")
	@ResponseStatus(HttpStatus.CREATED)
	WorkLogView write(@Valid @RequestBody WorkLogForm form) {
		return workLogs.write(form, users.current());
	}

	/** The body of a witness's answer: {@code {"confirmed":true|false,"note"}}. */
	record WitnessForm(Boolean confirmed, @Size(max = 500) String note) {
	}

	@Operation(summary = "Confirm or dispute a work log as its witness")
	@PostMapping("/worklog/{id}/witness")
	WorkLogView witness(@PathVariable long id, @Valid @RequestBody WitnessForm form) {
		if (form.confirmed() == null) {
			throw new cn.huoxian.shared.InvalidInputException("confirmed", Messages.text("problem.required"));
		}
		return workLogs.witness(id, form.confirmed(), form.note(), users.current());
	}

	/** The body of a review: {@code {"comment"}}. */
	record ReviewForm(@Size(max = 1000) String comment) {
	}

	@Operation(summary = "Review a work log as supervisor")
	@PostMapping("/worklog/{id}/review")
	WorkLogView review(@PathVariable long id, @Valid @RequestBody ReviewForm form) {
		return workLogs.review(id, form.comment(), users.current());
	}

	@Operation(summary = "List work logs under a region")
	@GetMapping("/worklog")
	PageResult<WorkLogView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		RegionPath path = region == null || region.isBlank() ? null : regions.find(region, me.scope()).path();
		return workLogs.list(path, status, page, size, me);
	}

	@Operation(summary = "My work logs")
	@GetMapping("/worklog/mine")
	PageResult<WorkLogView> mine(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return workLogs.mine(page, size, users.current());
	}

	@Operation(summary = "Work logs waiting for my word as witness")
	@GetMapping("/worklog/witnessing")
	List<WorkLogView> witnessing() {
		return workLogs.witnessing(users.current());
	}

}
