package cn.huoxian.web;

import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the user's scope roots with their counts, and where to go next. */
@Controller
class HomePage {

	private final CurrentUserProvider users;

	private final Regions regions;

	HomePage(CurrentUserProvider users, Regions regions) {
		this.users = users;
		this.regions = regions;
	}

	@GetMapping("/")
	String home(Model model) {
		List<RegionView> roots = regions.roots(users.current().scope());
		model.addAttribute("roots", roots);
		return "home";
	}

}
