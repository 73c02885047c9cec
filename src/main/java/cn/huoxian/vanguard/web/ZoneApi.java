package cn.huoxian.vanguard.web;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.vanguard.ZoneForm;
import cn.huoxian.vanguard.ZoneView;
import cn.huoxian.vanguard.Zones;
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

/**
 * Responsibility zones under /api/v1/deployment/zones.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class ZoneApi {

	private final Zones zones;

	private final CurrentUserProvider users;

	ZoneApi(Zones zones, CurrentUserProvider users) {
		this.zones = zones;
		this.users = users;
	}

	@Operation(summary = "Assign a party member a responsibility zone")
	@PostMapping("/zones")
	@ResponseStatus(HttpStatus.CREATED)
	ZoneView createZone(@Valid @RequestBody ZoneForm form) {
		return zones.create(form, users.current());
	}

	@Operation(summary = "List responsibility zones under a region")
	@GetMapping("/zones")
	PageResult<ZoneView> zones(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return zones.list(region, all, page, size, users.current().scope());
	}

	@Operation(summary = "One responsibility zone")
	@GetMapping("/zones/{id}")
	ZoneView zone(@PathVariable long id) {
		return zones.find(id, users.current().scope());
	}

	@Operation(summary = "End a responsibility zone")
	@PostMapping("/zones/{id}/end")
	ZoneView endZone(@PathVariable long id, @Valid @RequestBody(required = false) EndBody form) {
		return zones.end(id, form == null ? null : form.endedOn(), users.current());
	}

}
