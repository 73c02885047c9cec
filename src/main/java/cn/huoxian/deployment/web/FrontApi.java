package cn.huoxian.deployment.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.huoxian.deployment.BattleRequestForm;
import cn.huoxian.deployment.BattleRequestStatus;
import cn.huoxian.deployment.BattleRequestView;
import cn.huoxian.deployment.BattleRequests;
import cn.huoxian.deployment.ClaimedPostForm;
import cn.huoxian.deployment.ClaimedPostView;
import cn.huoxian.deployment.ClaimedPosts;
import cn.huoxian.deployment.CommandoTeams;
import cn.huoxian.deployment.ModelPostForm;
import cn.huoxian.deployment.ModelPostView;
import cn.huoxian.deployment.ModelPosts;
import cn.huoxian.deployment.TeamForm;
import cn.huoxian.deployment.TeamLedger;
import cn.huoxian.deployment.TeamView;
import cn.huoxian.deployment.TemporaryMemberForm;
import cn.huoxian.deployment.TemporaryOrganisationView;
import cn.huoxian.deployment.TemporaryOrganisations;
import cn.huoxian.deployment.ZoneForm;
import cn.huoxian.deployment.ZoneView;
import cn.huoxian.deployment.Zones;
import cn.huoxian.org.RegionView;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Party members at the front under /api/v1/deployment: temporary organisations' members,
 * commando teams (members, tasks, ledger), responsibility zones, model posts, claimed
 * posts and battle requests.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class FrontApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final TemporaryOrganisations organisations;

	private final CommandoTeams teams;

	private final TeamLedger ledger;

	private final Zones zones;

	private final ModelPosts modelPosts;

	private final ClaimedPosts claimedPosts;

	private final BattleRequests requests;

	private final CurrentUserProvider users;

	FrontApi(TemporaryOrganisations organisations, CommandoTeams teams, TeamLedger ledger, Zones zones,
			ModelPosts modelPosts, ClaimedPosts claimedPosts, BattleRequests requests, CurrentUserProvider users) {
		this.organisations = organisations;
		this.teams = teams;
		this.ledger = ledger;
		this.zones = zones;
		this.modelPosts = modelPosts;
		this.claimedPosts = claimedPosts;
		this.requests = requests;
		this.users = users;
	}

	// temporary party organisations

	@Operation(summary = "List temporary party organisations under a region")
	@GetMapping("/temporary-organisations")
	PageResult<TemporaryOrganisationView> organisations(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organisations.list(region, active, page, size, users.current().scope());
	}

	@Operation(summary = "One temporary party organisation with its members")
	@GetMapping("/temporary-organisations/{id}")
	TemporaryOrganisationView organisation(@PathVariable long id) {
		return organisations.find(id, users.current().scope());
	}

	@Operation(summary = "Add a member to a temporary party organisation")
	@PostMapping("/temporary-organisations/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	TemporaryOrganisationView addMember(@PathVariable long id, @Valid @RequestBody TemporaryMemberForm form) {
		return organisations.addMember(id, form, users.current());
	}

	@Operation(summary = "Remove a member from a temporary party organisation")
	@DeleteMapping("/temporary-organisations/{id}/members/{personId}")
	TemporaryOrganisationView removeMember(@PathVariable long id, @PathVariable long personId) {
		return organisations.removeMember(id, personId, users.current());
	}

	// commando teams

	@Operation(summary = "Form a commando team")
	@PostMapping("/teams")
	@ResponseStatus(HttpStatus.CREATED)
	TeamView formTeam(@Valid @RequestBody TeamForm form) {
		return teams.create(form, users.current());
	}

	@Operation(summary = "List commando teams under a region")
	@GetMapping("/teams")
	PageResult<TeamView> teams(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean dissolved, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return teams.list(region, dissolved, page, size, users.current().scope());
	}

	@Operation(summary = "The commando team ledger of a region as .xlsx", description = """
			Sheet 1: one row per team (id, name, party organisation, region, leader, task, formed, dissolved, \
			current members, open tasks); sheet 2: one row per member. 404 for a region outside the caller's \
			scope.""")
	@GetMapping("/teams/ledger.xlsx")
	void teamLedger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		// resolved first, so that a region outside the scope answers 404 before the file
		// starts
		RegionView where = ledger.region(region, users.current().scope());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(ledger.filename(where)).build().toString());
		ledger.write(where, LocaleContextHolder.getLocale(), response.getOutputStream());
		response.flushBuffer();
	}

	@Operation(summary = "One commando team with members and tasks")
	@GetMapping("/teams/{id}")
	TeamView team(@PathVariable long id) {
		return teams.find(id, users.current().scope());
	}

	/** The body of a join: {@code {"personId","joinedOn"}}. */
	record TeamJoinBody(@Min(1) Long personId, @PlausibleDate LocalDate joinedOn) {
	}

	@Operation(summary = "Add a party member to a commando team (one member, one team)")
	@PostMapping("/teams/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	TeamView join(@PathVariable long id, @Valid @RequestBody TeamJoinBody form) {
		return teams.join(id, form.personId(), form.joinedOn(), users.current());
	}

	/** The body of a leave: {@code {"leftOn"}}. */
	record TeamLeaveBody(@PlausibleDate LocalDate leftOn) {
	}

	@Operation(summary = "Record that a member left a commando team")
	@PostMapping("/teams/{id}/members/{personId}/leave")
	TeamView leave(@PathVariable long id, @PathVariable long personId,
			@Valid @RequestBody(required = false) TeamLeaveBody form) {
		return teams.leave(id, personId, form == null ? null : form.leftOn(), users.current());
	}

	/** The body of a task: {@code {"description","dueOn"}}. */
	record TeamTaskBody(@Size(max = 500) String description, LocalDate dueOn) {
	}

	@Operation(summary = "Give a commando team a task")
	@PostMapping("/teams/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	TeamView addTask(@PathVariable long id, @Valid @RequestBody TeamTaskBody form) {
		return teams.addTask(id, form.description(), form.dueOn(), users.current());
	}

	/** The body of a finished task: {@code {"doneOn"}}. */
	record TaskDoneBody(@PlausibleDate LocalDate doneOn) {
	}

	@Operation(summary = "Mark a commando team's task done")
	@PostMapping("/tasks/{id}/done")
	TeamView taskDone(@PathVariable long id, @Valid @RequestBody(required = false) TaskDoneBody form) {
		return teams.taskDone(id, form == null ? null : form.doneOn(), users.current());
	}

	/** The body of a dissolution: {@code {"dissolvedOn"}}. */
	record TeamDissolveBody(@PlausibleDate LocalDate dissolvedOn) {
	}

	@Operation(summary = "Dissolve a commando team (ends its members' deployments)")
	@PostMapping("/teams/{id}/dissolve")
	TeamView dissolve(@PathVariable long id, @Valid @RequestBody(required = false) TeamDissolveBody form) {
		return teams.dissolve(id, form == null ? null : form.dissolvedOn(), users.current());
	}

	// responsibility zones

	@Operation(summary = "Assign a party member a responsibility zone")
	@PostMapping("/zones")
	@ResponseStatus(HttpStatus.CREATED)
	ZoneView createZone(@Valid @RequestBody ZoneForm form) {
		return zones.create(form, users.current());
	}

	@Operation(summary = "List responsibility zones under a region")
	@GetMapping("/zones")
	PageResult<ZoneView> zones(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return zones.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One responsibility zone")
	@GetMapping("/zones/{id}")
	ZoneView zone(@PathVariable long id) {
		return zones.find(id, users.current().scope());
	}

	/** The body of an end: {@code {"endedOn"}}. */
	record FrontEndBody(@PlausibleDate LocalDate endedOn) {
	}

	@Operation(summary = "End a responsibility zone")
	@PostMapping("/zones/{id}/end")
	ZoneView endZone(@PathVariable long id, @Valid @RequestBody(required = false) FrontEndBody form) {
		return zones.end(id, form == null ? null : form.endedOn(), users.current());
	}

	// model posts

	@Operation(summary = "Designate a model post")
	@PostMapping("/model-posts")
	@ResponseStatus(HttpStatus.CREATED)
	ModelPostView createModelPost(@Valid @RequestBody ModelPostForm form) {
		return modelPosts.create(form, users.current());
	}

	@Operation(summary = "List model posts under a region")
	@GetMapping("/model-posts")
	PageResult<ModelPostView> modelPosts(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return modelPosts.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One model post")
	@GetMapping("/model-posts/{id}")
	ModelPostView modelPost(@PathVariable long id) {
		return modelPosts.find(id, users.current().scope());
	}

	@Operation(summary = "End a model post")
	@PostMapping("/model-posts/{id}/end")
	ModelPostView endModelPost(@PathVariable long id, @Valid @RequestBody(required = false) FrontEndBody form) {
		return modelPosts.end(id, form == null ? null : form.endedOn(), users.current());
	}

	// claimed key posts

	@Operation(summary = "Record a post claimed by a party member")
	@PostMapping("/claimed-posts")
	@ResponseStatus(HttpStatus.CREATED)
	ClaimedPostView claim(@Valid @RequestBody ClaimedPostForm form) {
		return claimedPosts.claim(form, users.current());
	}

	@Operation(summary = "List claimed posts under a region")
	@GetMapping("/claimed-posts")
	PageResult<ClaimedPostView> claimedPosts(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return claimedPosts.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One claimed post")
	@GetMapping("/claimed-posts/{id}")
	ClaimedPostView claimedPost(@PathVariable long id) {
		return claimedPosts.find(id, users.current().scope());
	}

	/** The body of a release: {@code {"releasedOn"}}. */
	record PostReleaseBody(@PlausibleDate LocalDate releasedOn) {
	}

	@Operation(summary = "Release a claimed post")
	@PostMapping("/claimed-posts/{id}/release")
	ClaimedPostView release(@PathVariable long id, @Valid @RequestBody(required = false) PostReleaseBody form) {
		return claimedPosts.release(id, form == null ? null : form.releasedOn(), users.current());
	}

	// battle requests

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
