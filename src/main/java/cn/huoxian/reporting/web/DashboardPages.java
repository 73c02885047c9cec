package cn.huoxian.reporting.web;

import cn.huoxian.reporting.Dashboard;
import cn.huoxian.shared.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command dashboard page (wall display and desktop): every figure with its 30-day
 * trend, the regions below as a bar chart to drill into; it refreshes itself every 5 s.
 */
@Controller
class DashboardPages {

	private final Dashboard dashboard;

	private final CurrentUserProvider users;

	DashboardPages(Dashboard dashboard, CurrentUserProvider users) {
		this.dashboard = dashboard;
		this.users = users;
	}

	@GetMapping("/dashboard")
	String page(@RequestParam(required = false) String region, Model model) {
		model.addAttribute("view", dashboard.of(region, 30, users.current()));
		return "reporting/dashboard";
	}

	@GetMapping("/dashboard/live")
	String live(@RequestParam(required = false) String region, Model model) {
		model.addAttribute("view", dashboard.of(region, 30, users.current()));
		return "reporting/dashboard :: live";
	}

}
