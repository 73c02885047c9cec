package cn.huoxian.org.web;

import cn.huoxian.org.UnitForm;
import cn.huoxian.org.UnitKind;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
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

/** Units (organs, SOEs, two-new organisations) under /api/v1/units. */
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

	private final Units units;

	private final CurrentUserProvider users;

	UnitApi(Units units, CurrentUserProvider users) {
		this.units = units;
		this.users = users;
	}

	@Operation(summary = "List units in scope")
	@GetMapping
	PageResult<UnitView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) UnitKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return units.list(region, kind, page, size, users.current().scope());
	}

	@Operation(summary = "One unit")
	@GetMapping("/{id}")
	UnitView one(@PathVariable long id) {
		return units.find(id, users.current().scope());
	}

	@Operation(summary = "Create a unit")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UnitView create(@Valid @RequestBody UnitForm form) {
		return units.create(form, users.current());
	}

	@Operation(summary = "Change a unit")
	@PutMapping("/{id}")
	UnitView update(@PathVariable long id, @Valid @RequestBody UnitForm form) {
		return units.update(id, form, users.current());
	}

}
