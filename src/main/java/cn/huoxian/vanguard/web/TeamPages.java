package cn.huoxian.vanguard.web;

import java.io.IOException;
import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.web.LedgerDownloads;
import cn.huoxian.vanguard.CommandoTeams;
import cn.huoxian.vanguard.TeamLedger;
import cn.huoxian.vanguard.TeamView;
import cn.huoxian.vanguard.TemporaryOrganisations;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for temporary party organisations (members, secretary) and commando teams
 * (members, tasks, dissolution, ledger), usable on a phone.
 */
@Controller
class TeamPages {

	private static final int PAGE_SIZE = 50;

	private final TemporaryOrganisations organisations;

	private final CommandoTeams teams;

	private final TeamLedger ledger;

	private final LedgerDownloads downloads;

	private final Regions regions;

	private final CurrentUserProvider users;

	TeamPages(TemporaryOrganisations organisations, CommandoTeams teams, TeamLedger ledger, LedgerDownloads downloads,
			Regions regions, CurrentUserProvider users) {
		this.organisations = organisations;
		this.teams = teams;
		this.ledger = ledger;
		this.downloads = downloads;
		this.regions = regions;
		this.users = users;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		// a value not of its field's type is worded and kept as typed, as on every page
		cn.huoxian.shared.web.PageForms.wordMismatches(binder);
	}

	static RegionView region(Regions regions, String region, CurrentUser me) {
		if (region == null || region.isBlank()) {
			return regions.roots(me.scope()).stream().findFirst().orElse(null);
		}
		return regions.find(region.strip(), me.scope());
	}

	// temporary party organisations

	@GetMapping("/deployment/temporary-organisations")
	String organisations(@RequestParam(required = false) String region, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region(regions, region, me);
		model.addAttribute("region", where);
		model.addAttribute("active", active);
		model.addAttribute("organisations",
				organisations.list(where == null ? null : where.code(), active, page, PAGE_SIZE, me.scope()));
		return "deployment/front/temporary-organisations";
	}

	@GetMapping("/deployment/temporary-organisations/{id}")
	String organisation(@PathVariable long id, Model model) {
		model.addAttribute("o", organisations.find(id, users.current().scope()));
		return "deployment/front/temporary-organisation";
	}

	@PostMapping("/deployment/temporary-organisations/{id}/members")
	String addMember(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.TemporaryMember form,
			BindingResult binding, RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> organisations.addMember(id, form.toForm(), me), "member",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/temporary-organisations/" + id;
	}

	@PostMapping("/deployment/temporary-organisations/{id}/members/{personId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		PageForms.run(() -> organisations.removeMember(id, personId, users.current()), "removed", Map.of(), redirect);
		return "redirect:/deployment/temporary-organisations/" + id;
	}

	// commando teams

	@GetMapping("/deployment/teams")
	String teams(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = region(regions, region, me);
		model.addAttribute("region", where);
		model.addAttribute("teams", teams.list(where == null ? null : where.code(), null, page, PAGE_SIZE, me.scope()));
		return "deployment/front/teams";
	}

	@PostMapping("/deployment/teams")
	String formTeam(@Valid @ModelAttribute VanguardPageForms.Team form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		TeamView team = PageForms.run(binding, () -> teams.create(form.toForm(), me), "team",
				VanguardPageForms.typed(form, binding), redirect);
		return team == null ? "redirect:/deployment/teams" + PageForms.region(form.region())
				: "redirect:/deployment/teams/" + team.id();
	}

	@GetMapping("/deployment/teams/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		// resolved first (an argument), so that a region outside the scope answers 404
		// before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.region(region, scope), scope, response);
	}

	@GetMapping("/deployment/teams/{id}")
	String team(@PathVariable long id, Model model) {
		model.addAttribute("t", teams.find(id, users.current().scope()));
		return "deployment/front/team";
	}

	@PostMapping("/deployment/teams/{id}/members")
	String join(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.Join form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> teams.join(id, form.personId(), form.joinedOn(), me), "member",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/teams/" + id;
	}

	@PostMapping("/deployment/teams/{id}/members/{personId}/leave")
	String leave(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		PageForms.run(() -> teams.leave(id, personId, null, users.current()), "left", Map.of(), redirect);
		return "redirect:/deployment/teams/" + id;
	}

	@PostMapping("/deployment/teams/{id}/tasks")
	String addTask(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.Task form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> teams.addTask(id, form.description(), form.dueOn(), me), "task",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/teams/" + id;
	}

	@PostMapping("/deployment/teams/{id}/tasks/{taskId}/done")
	String taskDone(@PathVariable long id, @PathVariable long taskId, RedirectAttributes redirect) {
		PageForms.run(() -> teams.taskDone(taskId, null, users.current()), "done", Map.of(), redirect);
		return "redirect:/deployment/teams/" + id;
	}

	@PostMapping("/deployment/teams/{id}/dissolve")
	String dissolve(@PathVariable long id, @Valid @ModelAttribute VanguardPageForms.Dissolve form,
			BindingResult binding, RedirectAttributes redirect) {
		CurrentUser me = users.current();
		PageForms.run(binding, () -> teams.dissolve(id, form.dissolvedOn(), me), "dissolved",
				VanguardPageForms.typed(form, binding), redirect);
		return "redirect:/deployment/teams/" + id;
	}

}
