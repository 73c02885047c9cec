package cn.huoxian.vanguard.web;

import java.util.List;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.web.PickOption;
import cn.huoxian.vanguard.CommandoTeams;
import cn.huoxian.vanguard.TeamView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The commando team picker's htmx answers: teams the caller's scope covers, not
 * dissolved, by name, each with its party organisation and leader; the chosen team's name
 * when a form is shown again.
 */
@Controller
class TeamPicker {

	private final CommandoTeams teams;

	private final CurrentUserProvider users;

	TeamPicker(CommandoTeams teams, CurrentUserProvider users) {
		this.teams = teams;
		this.users = users;
	}

	@GetMapping("/pick/teams")
	String teams(@RequestParam(defaultValue = "") String q, Model model) {
		return PickOption.offer(model,
				options(teams.matching(PickOption.words(q), users.current().scope(), PickOption.LIMIT)), "picker.none");
	}

	@GetMapping("/pick/teams/chosen")
	String chosen(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		return PickOption.name(model, options(PickOption.found(values, v -> teams.find(Long.parseLong(v), scope))));
	}

	private static List<PickOption> options(List<TeamView> found) {
		return found.stream().map(t -> {
			String detail = (t.partyOrganisationName() == null ? "" : t.partyOrganisationName())
					+ (t.leaderName() == null ? "" : " · " + t.leaderName());
			return new PickOption(String.valueOf(t.id()), t.name(), detail, null);
		}).toList();
	}

}
