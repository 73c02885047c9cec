package cn.huoxian.org.web;

import java.util.List;
import java.util.Map;

import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.web.PickOption;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region, unit and party organisation pickers' htmx answers: what the caller's scope
 * holds that matches the words typed (a region also by opening its children), and the
 * chosen values' names when a form is shown again. A value outside the scope is never
 * offered and never named.
 */
@Controller
class OrgPickers {

	private final Regions regions;

	private final Units units;

	private final PartyOrganisations organisations;

	private final CurrentUserProvider users;

	OrgPickers(Regions regions, Units units, PartyOrganisations organisations, CurrentUserProvider users) {
		this.regions = regions;
		this.units = units;
		this.organisations = organisations;
		this.users = users;
	}

	/**
	 * Regions by name or code, or the children of {@code below}; the scope's roots first.
	 */
	@GetMapping("/pick/regions")
	String regions(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String below,
			Model model) {
		DataScope scope = users.current().scope();
		List<RegionView> found;
		if (below != null && !below.isBlank()) {
			// a region outside the scope has no children to offer
			found = PickOption.found(below, code -> regions.children(code, scope))
				.stream()
				.flatMap(List::stream)
				.toList();
		}
		else {
			found = regions.matching(PickOption.words(q), scope, PickOption.LIMIT);
		}
		return PickOption.offer(model, regionOptions(found), "picker.none");
	}

	@GetMapping("/pick/regions/chosen")
	String chosenRegions(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		return PickOption.name(model, regionOptions(PickOption.found(values, code -> regions.find(code, scope))));
	}

	/** Units by name or code; {@code by=code} when the form sends the unit's code. */
	@GetMapping("/pick/units")
	String units(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "id") String by, Model model) {
		return PickOption.offer(model,
				unitOptions(units.matching(PickOption.words(q), users.current().scope(), PickOption.LIMIT), by),
				"picker.none");
	}

	@GetMapping("/pick/units/chosen")
	String chosenUnits(@RequestParam(defaultValue = "") String values, @RequestParam(defaultValue = "id") String by,
			Model model) {
		DataScope scope = users.current().scope();
		return PickOption.name(model, unitOptions(PickOption.found(values,
				v -> "code".equals(by) ? units.resolveCode("unit", v, scope) : units.find(Long.parseLong(v), scope)),
				by));
	}

	@GetMapping("/pick/party-organisations")
	String organisations(@RequestParam(defaultValue = "") String q, Model model) {
		return PickOption.offer(model,
				organisationOptions(
						organisations.matching(PickOption.words(q), users.current().scope(), PickOption.LIMIT)),
				"picker.none");
	}

	@GetMapping("/pick/party-organisations/chosen")
	String chosenOrganisations(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		return PickOption.name(model,
				organisationOptions(PickOption.found(values, v -> organisations.find(Long.parseLong(v), scope))));
	}

	private List<PickOption> regionOptions(List<RegionView> found) {
		Map<RegionPath, RegionView> parents = regions
			.byPaths(found.stream().map(r -> r.path().parent()).filter(p -> p != null).toList());
		return found.stream().map(r -> {
			RegionView parent = r.path().parent() == null ? null : parents.get(r.path().parent());
			String detail = Messages.text("level." + r.level().name()) + (parent == null ? "" : " · " + parent.name())
					+ " · " + r.code();
			return new PickOption(r.code(), r.name(), detail, r.level() == RegionLevel.GRID ? null : r.code());
		}).toList();
	}

	private List<PickOption> unitOptions(List<UnitView> found, String by) {
		Map<RegionPath, RegionView> places = regions.byPaths(found.stream().map(UnitView::path).toList());
		return found.stream()
			.map(u -> new PickOption("code".equals(by) ? u.code() : String.valueOf(u.id()), u.name(),
					Messages.text("unitKind." + u.kind().name()) + place(places.get(u.path())) + " · " + u.code(),
					null))
			.toList();
	}

	private List<PickOption> organisationOptions(List<PartyOrganisationView> found) {
		Map<RegionPath, RegionView> places = regions.byPaths(found.stream().map(PartyOrganisationView::path).toList());
		return found.stream()
			.map(o -> new PickOption(String.valueOf(o.id()), o.name(),
					Messages.text("partyOrganisationKind." + o.kind().name()) + place(places.get(o.path())), null))
			.toList();
	}

	private static String place(RegionView region) {
		return region == null ? "" : " · " + region.name();
	}

}
