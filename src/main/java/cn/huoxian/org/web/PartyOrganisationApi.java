package cn.huoxian.org.web;

import cn.huoxian.org.PartyOrganisationForm;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Party organisations, including temporary ones, under /api/v1/party-organisations. */
@RestController
@RequestMapping("/api/v1/party-organisations")
class PartyOrganisationApi {

	private final PartyOrganisations organisations;

	private final CurrentUserProvider users;

	PartyOrganisationApi(PartyOrganisations organisations, CurrentUserProvider users) {
		this.organisations = organisations;
		this.users = users;
	}

	@Operation(summary = "List party organisations in scope")
	@GetMapping
	PageResult<PartyOrganisationView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean temporary, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return organisations.list(region, temporary, page, size, users.current().scope());
	}

	@Operation(summary = "One party organisation")
	@GetMapping("/{id}")
	PartyOrganisationView one(@PathVariable long id) {
		return organisations.find(id, users.current().scope());
	}

	@Operation(summary = "Create a party organisation")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PartyOrganisationView create(@Valid @RequestBody PartyOrganisationForm form) {
		return organisations.create(form, users.current());
	}

	@Operation(summary = "Change a party organisation")
	@PutMapping("/{id}")
	PartyOrganisationView update(@PathVariable long id, @Valid @RequestBody PartyOrganisationForm form) {
		return organisations.update(id, form, users.current());
	}

}
