package cn.huoxian.firstsecretary.web;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.firstsecretary.FirstSecretaries;
import cn.huoxian.firstsecretary.FirstSecretaryLogEntry;
import cn.huoxian.firstsecretary.FirstSecretaryView;
import cn.huoxian.firstsecretary.SupportKind;
import cn.huoxian.firstsecretary.SupportRequestView;
import cn.huoxian.firstsecretary.SupportRequests;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * First secretaries under /api/v1/deployment: the list, return to post and leave, the
 * work log, and support requests to the dispatching unit.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class FirstSecretaryApi {

	private final FirstSecretaries secretaries;

	private final SupportRequests requests;

	private final Regions regions;

	private final CurrentUserProvider users;

	FirstSecretaryApi(FirstSecretaries secretaries, SupportRequests requests, Regions regions,
			CurrentUserProvider users) {
		this.secretaries = secretaries;
		this.requests = requests;
		this.regions = regions;
		this.users = users;
	}

	@Operation(summary = "List first secretaries under a region")
	@GetMapping("/first-secretaries")
	PageResult<FirstSecretaryView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean atPost, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return secretaries.list(path(region, me), atPost, page, size, me.scope());
	}

	@Operation(summary = "One first secretary with their village and dispatching unit")
	@GetMapping("/first-secretaries/{personId}")
	FirstSecretaryView one(@PathVariable long personId) {
		return secretaries.find(personId, users.current().scope());
	}

	/** The body of a return: {@code {"returnedOn"}} (default today). */
	record ReturnForm(@PlausibleDate LocalDate returnedOn) {
	}

	@Operation(summary = "Record a first secretary's return to their village")
	@PostMapping("/first-secretaries/{personId}/return")
	FirstSecretaryView returnToPost(@PathVariable long personId,
			@Valid @RequestBody(required = false) ReturnForm form) {
		return secretaries.returnToPost(personId, form == null ? null : form.returnedOn(), users.current());
	}

	/** The body of a leave: {@code {"leftOn"}} (default today). */
	record LeaveForm(@PlausibleDate LocalDate leftOn) {
	}

	@Operation(summary = "Record that a first secretary left their village")
	@PostMapping("/first-secretaries/{personId}/leave")
	FirstSecretaryView leave(@PathVariable long personId, @Valid @RequestBody(required = false) LeaveForm form) {
		return secretaries.leave(personId, form == null ? null : form.leftOn(), users.current());
	}

	/** The body of a log entry: {@code {"day","entry"}}. */
	record LogForm(@PlausibleDate LocalDate day,
			@NotBlank(message = "{frontline.secretary.log-entry}") @Size(max = 1000,
					message = "{frontline.secretary.log-entry}") String entry) {
	}

	@Operation(summary = "Add a day to a first secretary's work log")
	@PostMapping("/first-secretaries/{personId}/log")
	@ResponseStatus(HttpStatus.CREATED)
	FirstSecretaryLogEntry log(@PathVariable long personId, @Valid @RequestBody LogForm form) {
		return secretaries.log(personId, form.day(), form.entry(), users.current());
	}

	@Operation(summary = "A first secretary's work log")
	@GetMapping("/first-secretaries/{personId}/log")
	List<FirstSecretaryLogEntry> logOf(@PathVariable long personId) {
		return secretaries.logOf(personId, users.current().scope());
	}

	/** The body of a support request: {@code {"kind","description"}}. */
	record SupportForm(@NotNull(message = "{frontline.support.kind}") SupportKind kind,
			@NotBlank(message = "{frontline.support.description}") @Size(max = 500,
					message = "{frontline.support.description}") String description) {
	}

	@Operation(summary = "Raise a support request to the dispatching unit")
	@PostMapping("/first-secretaries/{personId}/support-requests")
	@ResponseStatus(HttpStatus.CREATED)
	SupportRequestView raise(@PathVariable long personId, @Valid @RequestBody SupportForm form) {
		return requests.raise(personId, form.kind(), form.description(), users.current());
	}

	@Operation(summary = "A first secretary's support requests")
	@GetMapping("/first-secretaries/{personId}/support-requests")
	List<SupportRequestView> requestsOf(@PathVariable long personId) {
		return requests.of(personId, users.current().scope());
	}

	/** The body of a resolution: {@code {"resolution"}}. */
	record ResolveForm(@NotBlank(message = "{frontline.support.resolution}") @Size(max = 500,
			message = "{frontline.support.resolution}") String resolution) {
	}

	@Operation(summary = "Resolve a support request")
	@PostMapping("/support-requests/{id}/resolve")
	SupportRequestView resolve(@PathVariable long id, @Valid @RequestBody ResolveForm form) {
		return requests.resolve(id, form.resolution(), users.current());
	}

	@Operation(summary = "List support requests (open first)")
	@GetMapping("/support-requests")
	PageResult<SupportRequestView> supportRequests(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return requests.list(path(region, me), status, unit, page, size, me.scope());
	}

	@Operation(summary = "One support request")
	@GetMapping("/support-requests/{id}")
	SupportRequestView supportRequest(@PathVariable long id) {
		return requests.find(id, users.current().scope());
	}

	/** The region asked for (404 outside scope), or null for everything visible. */
	private RegionPath path(String region, CurrentUser me) {
		return region == null || region.isBlank() ? null : regions.find(region, me.scope()).path();
	}

}
