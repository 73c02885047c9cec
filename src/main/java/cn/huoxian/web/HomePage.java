package cn.huoxian.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.WorkbenchTile;
import cn.huoxian.shared.WorkbenchTiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, a workbench per role (工作台, issue 14): what is due today, how far the
 * work is and what a department watches, each tile from the module that owns it and
 * linking to where the work is done; then the user's regions with their counts.
 */
@Controller
class HomePage {

	private static final List<String> GROUPS = List.of(WorkbenchTile.TODAY, WorkbenchTile.PROGRESS,
			WorkbenchTile.OVERSIGHT);

	private final CurrentUserProvider users;

	private final Regions regions;

	private final List<WorkbenchTiles> sources;

	HomePage(CurrentUserProvider users, Regions regions, List<WorkbenchTiles> sources) {
		this.users = users;
		this.regions = regions;
		this.sources = sources;
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser me = users.current();
		List<RegionView> roots = regions.roots(me.scope());
		model.addAttribute("roots", roots);
		Map<String, List<WorkbenchTile>> tiles = new LinkedHashMap<>();
		List<WorkbenchTile> all = sources.stream().flatMap(s -> s.tiles(me).stream()).toList();
		for (String group : GROUPS) {
			tiles.put(group,
					all.stream()
						.filter(t -> t.group().equals(group))
						.sorted(Comparator.comparingInt(WorkbenchTile::order))
						.toList());
		}
		model.addAttribute("tiles", tiles);
		return "home";
	}

}
