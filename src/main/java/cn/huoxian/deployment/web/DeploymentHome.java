package cn.huoxian.deployment.web;

import cn.huoxian.reporting.Headline;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deployment network's start page: the headline figures of a region (the user's first
 * scope root by default) and one link per part of the network.
 */
@Controller
class DeploymentHome {

	private final Headline headline;

	private final CurrentUserProvider users;

	DeploymentHome(Headline headline, CurrentUserProvider users) {
		this.headline = headline;
		this.users = users;
	}

	@GetMapping("/deployment")
	String home(@RequestParam(required = false) String region, Model model) {
		try {
			model.addAttribute("headline", headline.of(region, users.current().scope()));
		}
		catch (NotFoundException ex) {
			if (region != null) {
				throw ex;
			}
			// unit staff and self-service accounts have no region to sum up
		}
		return "deployment/index";
	}

}
