package cn.huoxian.people.web;

import java.util.List;

import cn.huoxian.org.Households;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.web.PageForms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Person search, detail (masked, with an audited reveal), registration and correction; a
 * household's page.
 */
@Controller
class PersonPages {

	private final People people;

	private final Households households;

	private final cn.huoxian.org.Regions regions;

	private final CurrentUserProvider users;

	private final Forms forms;

	PersonPages(People people, Households households, cn.huoxian.org.Regions regions, CurrentUserProvider users,
			Forms forms) {
		this.people = people;
		this.regions = regions;
		this.households = households;
		this.users = users;
		this.forms = forms;
	}

	@GetMapping("/persons")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("region", region);
		model.addAttribute("results", people.search(region, q, page, 20, users.current().scope()));
		return "people/search";
	}

	@GetMapping("/persons/{id}")
	String person(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		PersonView person = people.find(id, me.scope());
		model.addAttribute("person", person);
		if (person.householdId() != null) {
			// the household by its address, not its number
			model.addAttribute("householdAddress", households.find(person.householdId(), me.scope()).address());
		}
		return "people/person";
	}

	/** Why the caller asks for a person's unmasked fields (kept in the audit log). */
	record RevealForm(@Size(max = 500, message = "{people.field.too-long}") String reason) {
	}

	/**
	 * The htmx reveal: answers the unmasked fields fragment; the reason goes to the audit
	 * log.
	 */
	@PostMapping("/persons/{id}/reveal")
	String reveal(@PathVariable long id, @Valid @ModelAttribute("reveal") RevealForm form, BindingResult binding,
			Model model) {
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(PageForms.problems(binding));
			}
			model.addAttribute("person", people.reveal(id, form.reason(), users.current()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("person", people.find(id, users.current().scope()));
			model.addAttribute("revealError", ex.problems().get(0).reason());
		}
		return "people/person :: sensitive";
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		var household = households.find(id, me.scope());
		model.addAttribute("household", household);
		// the way down to the household's grid by name (the grid's code alone said
		// nothing)
		model.addAttribute("breadcrumbs", regions.breadcrumbs(household.regionCode(), me.scope()));
		model.addAttribute("residents", people.residents(id, me.scope()));
		return "people/household";
	}

	@GetMapping("/persons/new")
	String newPerson(@RequestParam(required = false) Long household, Model model) {
		PersonPageForm form = new PersonPageForm();
		if (household != null) {
			households.find(household, users.current().scope());
			form.setHouseholdId(household);
		}
		model.addAttribute("form", form);
		showHousehold(model, form);
		return "people/person-form";
	}

	/**
	 * The form's household by its address (the form keeps its id hidden); nothing for one
	 * outside the caller's scope.
	 */
	private void showHousehold(Model model, PersonPageForm form) {
		if (form.getHouseholdId() == null) {
			return;
		}
		try {
			model.addAttribute("householdAddress",
					households.find(form.getHouseholdId(), users.current().scope()).address());
		}
		catch (cn.huoxian.shared.NotFoundException ex) {
			// not named
		}
	}

	@PostMapping("/persons/new")
	String create(@ModelAttribute("form") PersonPageForm form, BindingResult binding, Model model) {
		try {
			PersonView created = people.create(forms.check(form.toPersonForm(List.of())), users.current());
			return "redirect:/persons/" + created.id();
		}
		catch (InvalidInputException ex) {
			reject(binding, ex);
			showHousehold(model, form);
			return "people/person-form";
		}
	}

	@GetMapping("/persons/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		// masked, as everywhere: the whole ID number and phone are a reveal on the
		// person's
		// page (a reason, an audit entry); sent back unchanged they stay as stored
		PersonView person = people.find(id, me.scope());
		PersonPageForm form = PersonPageForm.of(person);
		model.addAttribute("form", form);
		model.addAttribute("personId", id);
		showHousehold(model, form);
		return "people/person-form";
	}

	@PostMapping("/persons/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") PersonPageForm form, BindingResult binding,
			Model model) {
		List<PersonRoleView> kept = people.find(id, users.current().scope())
			.roleDetails()
			.stream()
			.filter(r -> r.role() == cn.huoxian.people.RoleKind.FIRST_SECRETARY)
			.toList();
		try {
			people.update(id, forms.check(form.toPersonForm(kept)), users.current());
			return "redirect:/persons/" + id;
		}
		catch (InvalidInputException ex) {
			reject(binding, ex);
			model.addAttribute("personId", id);
			showHousehold(model, form);
			return "people/person-form";
		}
	}

	private static void reject(BindingResult binding, InvalidInputException ex) {
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			String field = problem.field().replaceFirst("^roles\\[\\d+\\]\\.", "");
			if (binding.getFieldType(field) != null) {
				binding.rejectValue(field, "invalid", problem.reason());
			}
			else {
				binding.reject("invalid", problem.field() + ": " + problem.reason());
			}
		}
	}

}
