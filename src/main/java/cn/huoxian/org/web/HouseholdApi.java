package cn.huoxian.org.web;

import cn.huoxian.org.HouseholdForm;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
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

/** Households under /api/v1/households, scoped like every endpoint. */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdApi {

	private final Households households;

	private final CurrentUserProvider users;

	HouseholdApi(Households households, CurrentUserProvider users) {
		this.households = households;
		this.users = users;
	}

	@Operation(summary = "List households under a region")
	@GetMapping
	PageResult<HouseholdView> list(@RequestParam String region, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return households.list(region, page, size, users.current().scope());
	}

	@Operation(summary = "One household")
	@GetMapping("/{id}")
	HouseholdView one(@PathVariable long id) {
		return households.find(id, users.current().scope());
	}

	@Operation(summary = "Register a household")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdView create(@Valid @RequestBody HouseholdForm form) {
		return households.create(form, users.current());
	}

	@Operation(summary = "Change a household's address or door")
	@PutMapping("/{id}")
	HouseholdView update(@PathVariable long id, @Valid @RequestBody HouseholdForm form) {
		return households.update(id, form, users.current());
	}

}
