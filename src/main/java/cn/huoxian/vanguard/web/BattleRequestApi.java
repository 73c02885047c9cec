package cn.huoxian.vanguard.web;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.vanguard.BattleRequestForm;
import cn.huoxian.vanguard.BattleRequestStatus;
import cn.huoxian.vanguard.BattleRequestView;
import cn.huoxian.vanguard.BattleRequests;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * Battle requests under /api/v1/deployment/battle-requests.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class BattleRequestApi {

	private final BattleRequests requests;

	private final CurrentUserProvider users;

	BattleRequestApi(BattleRequests requests, CurrentUserProvider users) {
		this.requests = requests;
		this.users = users;
	}

	@Operation(summary = "Submit a battle request")
	@PostMapping("/battle-requests")
	@ResponseStatus(HttpStatus.CREATED)
	BattleRequestView submit(@Valid @RequestBody BattleRequestForm form) {
		return requests.submit(form, users.current());
	}

	@Operation(summary = "List battle requests under a region")
	@GetMapping("/battle-requests")
	PageResult<BattleRequestView> requests(@RequestParam(required = false) String region,
			@RequestParam(required = false) BattleRequestStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return requests.list(region, status, page, size, users.current().scope());
	}

	@Operation(summary = "One battle request")
	@GetMapping("/battle-requests/{id}")
	BattleRequestView request(@PathVariable long id) {
		return requests.find(id, users.current().scope());
	}

	/** The body of an acceptance: {@code {"teamId"}} or {@code {"post"}}. */
	record BattleAcceptBody(@Min(1) Long teamId, @Size(max = 200) String post) {
	}

	@Operation(summary = "Accept a battle request (deploys the member)")
	@PostMapping("/battle-requests/{id}/accept")
	BattleRequestView accept(@PathVariable long id, @Valid @RequestBody BattleAcceptBody form) {
		return requests.accept(id, form.teamId(), form.post(), users.current());
	}

	/** The body of a decline: {@code {"note"}}. */
	record BattleDeclineBody(@Size(max = 500) String note) {
	}

	@Operation(summary = "Decline a battle request")
	@PostMapping("/battle-requests/{id}/decline")
	BattleRequestView decline(@PathVariable long id, @Valid @RequestBody(required = false) BattleDeclineBody form) {
		return requests.decline(id, form == null ? null : form.note(), users.current());
	}

}
