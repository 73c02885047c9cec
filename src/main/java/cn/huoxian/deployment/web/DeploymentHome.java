package cn.huoxian.deployment.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The deployment network's start page: one link per part of the network. */
@Controller
class DeploymentHome {

	@GetMapping("/deployment")
	String home() {
		return "deployment/index";
	}

}
