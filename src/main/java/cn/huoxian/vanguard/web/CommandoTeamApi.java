package cn.huoxian.vanguard.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.web.LedgerDownloads;
import cn.huoxian.vanguard.CommandoTeams;
import cn.huoxian.vanguard.TeamForm;
import cn.huoxian.vanguard.TeamLedger;
import cn.huoxian.vanguard.TeamView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
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
 * Commando teams under /api/v1/deployment: teams, their members and tasks, and the team
 * ledger.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class CommandoTeamApi {

	private final CommandoTeams teams;

	private final TeamLedger ledger;

	private final LedgerDownloads downloads;

	private final CurrentUserProvider users;

	CommandoTeamApi(CommandoTeams teams, TeamLedger ledger, LedgerDownloads downloads, CurrentUserProvider users) {
		this.teams = teams;
		this.ledger = ledger;
		this.downloads = downloads;
		this.users = users;
	}

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
		// resolved first (an argument), so that a region outside the scope answers 404
		// before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.region(region, scope), scope, response);
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

}
