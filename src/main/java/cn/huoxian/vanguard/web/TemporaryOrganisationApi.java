package cn.huoxian.vanguard.web;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.vanguard.TemporaryMemberForm;
import cn.huoxian.vanguard.TemporaryOrganisationView;
import cn.huoxian.vanguard.TemporaryOrganisations;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporary party organisations' members under
 * /api/v1/deployment/temporary-organisations.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class TemporaryOrganisationApi {

	private final TemporaryOrganisations organisations;

	private final CurrentUserProvider users;

	TemporaryOrganisationApi(TemporaryOrganisations organisations, CurrentUserProvider users) {
		this.organisations = organisations;
		this.users = users;
	}

	@Operation(summary = "List temporary party organisations under a region")
	@GetMapping("/temporary-organisations")
	PageResult<TemporaryOrganisationView> organisations(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organisations.list(region, active, page, size, users.current().scope());
	}

	@Operation(summary = "One temporary party organisation with its members")
	@GetMapping("/temporary-organisations/{id}")
	TemporaryOrganisationView organisation(@PathVariable long id) {
		return organisations.find(id, users.current().scope());
	}

	@Operation(summary = "Add a member to a temporary party organisation")
	@PostMapping("/temporary-organisations/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	TemporaryOrganisationView addMember(@PathVariable long id, @Valid @RequestBody TemporaryMemberForm form) {
		return organisations.addMember(id, form, users.current());
	}

	@Operation(summary = "Remove a member from a temporary party organisation")
	@DeleteMapping("/temporary-organisations/{id}/members/{personId}")
	TemporaryOrganisationView removeMember(@PathVariable long id, @PathVariable long personId) {
		return organisations.removeMember(id, personId, users.current());
	}

}
