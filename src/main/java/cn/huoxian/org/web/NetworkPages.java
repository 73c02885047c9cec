package cn.huoxian.org.web;

import cn.huoxian.org.PartyOrganisationForm;
import cn.huoxian.org.PartyOrganisationKind;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.UnitForm;
import cn.huoxian.org.UnitKind;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Units and party organisations: scoped lists and registration forms. */
@Controller
class NetworkPages {

	private final Units units;

	private final PartyOrganisations organisations;

	private final CurrentUserProvider users;

	NetworkPages(Units units, PartyOrganisations organisations, CurrentUserProvider users) {
		this.units = units;
		this.organisations = organisations;
		this.users = users;
	}

	@GetMapping("/units")
	String units(@RequestParam(required = false) String region, @RequestParam(required = false) UnitKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("units", units.list(region, kind, page, 50, users.current().scope()));
		model.addAttribute("region", region);
		model.addAttribute("kind", kind);
		return "org/units";
	}

	@GetMapping("/units/new")
	String newUnit(Model model) {
		model.addAttribute("form", new UnitForm("", "", UnitKind.GOVERNMENT_ORGAN, "", null));
		return "org/unit-form";
	}

	@PostMapping("/units/new")
	String createUnit(@Valid @ModelAttribute("form") UnitForm form, BindingResult binding) {
		if (!binding.hasErrors()) {
			try {
				units.create(form, users.current());
				return "redirect:/units?region=" + form.regionCode();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return "org/unit-form";
	}

	@GetMapping("/party-organisations")
	String organisations(@RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean temporary, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("organisations", organisations.list(region, temporary, page, 50, users.current().scope()));
		model.addAttribute("region", region);
		model.addAttribute("temporary", temporary);
		return "org/party-organisations";
	}

	@GetMapping("/party-organisations/new")
	String newOrganisation(Model model) {
		model.addAttribute("form", new PartyOrganisationForm("", "", PartyOrganisationKind.BRANCH, null, "", null,
				false, null, "", null, null));
		return "org/party-organisation-form";
	}

	@PostMapping("/party-organisations/new")
	String createOrganisation(@Valid @ModelAttribute("form") PartyOrganisationForm form, BindingResult binding) {
		if (!binding.hasErrors()) {
			try {
				var created = organisations.create(form, users.current());
				return "redirect:/party-organisations?region=" + created.regionCode();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return "org/party-organisation-form";
	}

}
