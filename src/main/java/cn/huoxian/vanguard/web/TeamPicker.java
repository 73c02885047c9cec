package cn.huoxian.vanguard.web;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.NotFoundException;
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
		String words = q.strip().length() > 50 ? q.strip().substring(0, 50) : q.strip();
		model.addAttribute("options", options(teams.matching(words, users.current().scope(), PickOption.LIMIT)));
		model.addAttribute("empty", "picker.none");
		return "picker :: options";
	}

	@GetMapping("/pick/teams/chosen")
	String chosen(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		List<TeamView> chosen = new ArrayList<>();
		for (String value : values.split(",")) {
			try {
				chosen.add(teams.find(Long.parseLong(value.strip()), scope));
			}
			catch (NumberFormatException | NotFoundException ex) {
				// not a team the caller may read: not named
			}
			if (chosen.size() == PickOption.LIMIT) {
				break;
			}
		}
		model.addAttribute("options", options(chosen));
		return "picker :: chosen";
	}

	private static List<PickOption> options(List<TeamView> found) {
		return found.stream().map(t -> {
			String detail = (t.partyOrganisationName() == null ? "" : t.partyOrganisationName())
					+ (t.leaderName() == null ? "" : " · " + t.leaderName());
			return new PickOption(String.valueOf(t.id()), t.name(), detail, null);
		}).toList();
	}

}
