package cn.huoxian.org.web;

import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regions under /api/v1/regions, scoped: outside the caller's subtree reads answer 404,
 * writes 403.
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

	private final Regions regions;

	private final CurrentUserProvider users;

	RegionApi(Regions regions, CurrentUserProvider users) {
		this.regions = regions;
		this.users = users;
	}

	/** The JSON shape of a region. */
	record RegionJson(String code, String name, String level, String path, @Nullable String parentCode,
			RegionView.Counts counts) {

		static RegionJson of(RegionView r) {
			return new RegionJson(r.code(), r.name(), r.level().name(), r.path().value(), r.parentCode(), r.counts());
		}

	}

	@Operation(summary = "One region with its counts")
	@GetMapping("/{code}")
	RegionJson region(@PathVariable String code) {
		return RegionJson.of(regions.find(code, users.current().scope()));
	}

	@Operation(summary = "A region's children with their counts")
	@GetMapping("/{code}/children")
	List<RegionJson> children(@PathVariable String code) {
		return regions.children(code, users.current().scope()).stream().map(RegionJson::of).toList();
	}

	@Operation(summary = "Create a region under its parent")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RegionJson create(@Valid @RequestBody RegionForm form) {
		return RegionJson.of(regions.create(form, users.current()));
	}

	@Operation(summary = "Rename a region")
	@PutMapping("/{code}")
	RegionJson rename(@PathVariable String code, @RequestBody Map<String, String> body) {
		return RegionJson.of(regions.rename(code, body.get("name"), users.current()));
	}

}
