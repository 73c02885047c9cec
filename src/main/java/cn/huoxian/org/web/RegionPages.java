package cn.huoxian.org.web;

import java.util.List;

import cn.huoxian.org.HouseholdForm;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionForm;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tree browser: from the user's scope roots down to a grid's households, with the
 * maintained counts at every node; forms to add child regions, rename, and register
 * households.
 */
@Controller
class RegionPages {

	private final Regions regions;

	private final Households households;

	private final CurrentUserProvider users;

	private final List<cn.huoxian.shared.RegionFigure> figures;

	RegionPages(Regions regions, Households households, CurrentUserProvider users,
			List<cn.huoxian.shared.RegionFigure> figures) {
		this.regions = regions;
		this.households = households;
		this.users = users;
		this.figures = figures;
	}

	/** A figure another module contributes to the region page. */
	record Figure(String labelKey, long value) {
	}

	@GetMapping("/regions")
	String roots() {
		List<RegionView> roots = regions.roots(users.current().scope());
		if (roots.isEmpty()) {
			throw new NotFoundException(Messages.text("org.what.scope-region"));
		}
		return "redirect:/regions/" + roots.get(0).code();
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView region = regions.find(code, me.scope());
		model.addAttribute("region", region);
		model.addAttribute("breadcrumbs", regions.breadcrumbs(code, me.scope()));
		model.addAttribute("figures",
				figures.stream().map(f -> new Figure(f.labelKey(), f.value(region.path(), me.scope()))).toList());
		if (region.level() == RegionLevel.GRID) {
			model.addAttribute("households", households.list(code, page, 50, me.scope()));
		}
		else {
			model.addAttribute("children", regions.children(code, me.scope()));
		}
		return "org/region";
	}

	@GetMapping("/regions/{code}/new")
	String newChild(@PathVariable String code, Model model) {
		RegionView parent = regions.find(code, users.current().scope());
		model.addAttribute("parent", parent);
		model.addAttribute("form", new RegionForm("", "", code));
		return "org/region-form";
	}

	@PostMapping("/regions/{code}/new")
	String createChild(@PathVariable String code, @Valid @ModelAttribute("form") RegionForm form, BindingResult binding,
			Model model) {
		RegionView parent = regions.find(code, users.current().scope());
		// the parent comes from the path, so only the code and name fields can be wrong
		// here
		if (!binding.hasFieldErrors("code") && !binding.hasFieldErrors("name")) {
			try {
				RegionView created = regions.create(new RegionForm(form.code(), form.name(), code), users.current());
				return "redirect:/regions/" + created.code();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		model.addAttribute("parent", parent);
		return "org/region-form";
	}

	@GetMapping("/regions/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		RegionView region = regions.find(code, users.current().scope());
		model.addAttribute("region", region);
		model.addAttribute("name", region.name());
		return "org/region-edit";
	}

	@PostMapping("/regions/{code}/edit")
	String rename(@PathVariable String code, @RequestParam String name, Model model) {
		try {
			regions.rename(code, name, users.current());
			return "redirect:/regions/" + code;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("region", regions.find(code, users.current().scope()));
			model.addAttribute("name", name);
			model.addAttribute("nameError", ex.problems().get(0).reason());
			return "org/region-edit";
		}
	}

	@GetMapping("/regions/{code}/households/new")
	String newHousehold(@PathVariable String code, Model model) {
		model.addAttribute("grid", regions.find(code, users.current().scope()));
		model.addAttribute("form", new HouseholdForm(code, "", "", ""));
		return "org/household-form";
	}

	@GetMapping("/households/{id}/edit")
	String editHousehold(@PathVariable long id, Model model) {
		var household = households.writable(id, users.current());
		model.addAttribute("grid", regions.find(household.regionCode(), users.current().scope()));
		model.addAttribute("form", new HouseholdForm(household.regionCode(), household.buildingName(),
				household.address(), household.door()));
		model.addAttribute("householdId", id);
		return "org/household-form";
	}

	@PostMapping("/households/{id}/edit")
	String updateHousehold(@PathVariable long id, @Valid @ModelAttribute("form") HouseholdForm form,
			BindingResult binding, Model model) {
		var household = households.writable(id, users.current());
		if (!binding.hasFieldErrors("address")) {
			try {
				households.update(id,
						new HouseholdForm(household.regionCode(), form.building(), form.address(), form.door()),
						users.current());
				return "redirect:/households/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		model.addAttribute("grid", regions.find(household.regionCode(), users.current().scope()));
		model.addAttribute("householdId", id);
		return "org/household-form";
	}

	@PostMapping("/regions/{code}/households/new")
	String createHousehold(@PathVariable String code, @Valid @ModelAttribute("form") HouseholdForm form,
			BindingResult binding, Model model) {
		RegionView grid = regions.find(code, users.current().scope());
		if (!binding.hasFieldErrors("address")) {
			try {
				var created = households.create(new HouseholdForm(code, form.building(), form.address(), form.door()),
						users.current());
				return "redirect:/households/" + created.id();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		model.addAttribute("grid", grid);
		return "org/household-form";
	}

}
