package cn.huoxian.deployment.web;

import java.util.List;

import cn.huoxian.deployment.DeploymentForm;
import cn.huoxian.deployment.DeploymentView;
import cn.huoxian.deployment.Deployments;
import cn.huoxian.deployment.EndForm;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deployments under /api/v1/deployment: one cadre, one position. */
@RestController
@RequestMapping("/api/v1/deployment")
class DeploymentApi {

	private final Deployments deployments;

	private final Regions regions;

	private final CurrentUserProvider users;

	DeploymentApi(Deployments deployments, Regions regions, CurrentUserProvider users) {
		this.deployments = deployments;
		this.regions = regions;
		this.users = users;
	}

	@Operation(summary = "Deploy a cadre to a front-line position (one cadre, one position)")
	@PostMapping("/deployments")
	@ResponseStatus(HttpStatus.CREATED)
	DeploymentView deploy(@Valid @RequestBody DeploymentForm form) {
		return deployments.deploy(form, users.current());
	}

	@Operation(summary = "End a deployment")
	@PostMapping("/deployments/{id}/end")
	DeploymentView end(@PathVariable long id, @Valid @RequestBody EndForm form) {
		return deployments.end(id, form.endDate(), form.reason(), users.current());
	}

	@Operation(summary = "List deployments under a region")
	@GetMapping("/deployments")
	PageResult<DeploymentView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean leading, @RequestParam(defaultValue = "true") boolean current,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return deployments.list(path(region, me), leading, current, page, size, me.scope());
	}

	@Operation(summary = "One deployment")
	@GetMapping("/deployments/{id}")
	DeploymentView one(@PathVariable long id) {
		return deployments.find(id, users.current().scope());
	}

	@Operation(summary = "A cadre's deployments, newest first")
	@GetMapping("/persons/{personId}/deployments")
	List<DeploymentView> history(@PathVariable long personId) {
		return deployments.history(personId, users.current().scope());
	}

	private RegionPath path(String region, CurrentUser me) {
		if (region == null || region.isBlank()) {
			return null;
		}
		return regions.find(region, me.scope()).path();
	}

}
