package cn.huoxian.record.web;

import java.util.Map;

import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.RecordRebuild;
import cn.huoxian.shared.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/record/rebuild}: the city administrator rebuilds every record;
 * {@code GET /api/v1/record/inbox}: what waits to be recorded (a growing queue or failed
 * rows mean the record is not keeping up).
 */
@RestController
class RebuildApi {

	private final RecordRebuild rebuild;

	private final CurrentUserProvider users;

	private final RecordInbox inbox;

	RebuildApi(RecordRebuild rebuild, CurrentUserProvider users, RecordInbox inbox) {
		this.rebuild = rebuild;
		this.users = users;
		this.inbox = inbox;
	}

	/**
	 * Pauses the record on every instance: work keeps being queued, nothing is written.
	 */
	@Operation(summary = "Pause the performance record (work keeps being queued)")
	@PostMapping("/api/v1/record/inbox/pause")
	RecordInbox.Status pause() {
		var user = users.current();
		user.requireAdministrator("record.action.pause");
		return inbox.pause(user.username());
	}

	@Operation(summary = "Resume the performance record")
	@PostMapping("/api/v1/record/inbox/resume")
	RecordInbox.Status resume() {
		users.current().requireAdministrator("record.action.resume");
		return inbox.resume();
	}

	/** Failed rows due again now: {@code {"rows": n}}. */
	@Operation(summary = "Retry the record's failed inbox rows now")
	@PostMapping("/api/v1/record/inbox/retry")
	Map<String, Integer> retry() {
		users.current().requireAdministrator("record.action.retry");
		return Map.of("rows", inbox.retryFailed());
	}

	/** Failed rows dropped (audited): {@code {"rows": n}}; rebuild afterwards. */
	@Operation(summary = "Discard the record's failed inbox rows (audited)")
	@PostMapping("/api/v1/record/inbox/discard-failed")
	Map<String, Integer> discard(jakarta.servlet.http.HttpServletRequest request) {
		var user = users.current();
		user.requireAdministrator("record.action.discard");
		return Map.of("rows", inbox.discardFailed(user.username(), request.getRemoteAddr()));
	}

	@Operation(summary = "The record's inbox: queued and failed rows")
	@GetMapping("/api/v1/record/inbox")
	RecordInbox.Status inbox() {
		users.current().requireAdministrator("record.action.rebuild");
		return inbox.status();
	}

	@Operation(summary = "Rebuild the performance record from its sources")
	@PostMapping("/api/v1/record/rebuild")
	Map<String, RecordRebuild.Difference> rebuild() {
		users.current().requireAdministrator("record.action.rebuild");
		return rebuild.rebuild();
	}

}
