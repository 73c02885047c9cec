package cn.huoxian.org.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import cn.huoxian.shared.NotFoundException;
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
			found = orEmpty(() -> regions.children(below.strip(), scope));
		}
		else {
			found = regions.matching(limited(q), scope, PickOption.LIMIT);
		}
		return options(model, regionOptions(found));
	}

	@GetMapping("/pick/regions/chosen")
	String chosenRegions(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		List<RegionView> chosen = new ArrayList<>();
		for (String code : split(values)) {
			Optional.ofNullable(orNull(() -> regions.find(code, scope))).ifPresent(chosen::add);
		}
		return chosen(model, regionOptions(chosen));
	}

	/** Units by name or code; {@code by=code} when the form sends the unit's code. */
	@GetMapping("/pick/units")
	String units(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "id") String by, Model model) {
		return options(model, unitOptions(units.matching(limited(q), users.current().scope(), PickOption.LIMIT), by));
	}

	@GetMapping("/pick/units/chosen")
	String chosenUnits(@RequestParam(defaultValue = "") String values, @RequestParam(defaultValue = "id") String by,
			Model model) {
		DataScope scope = users.current().scope();
		List<UnitView> chosen = new ArrayList<>();
		for (String value : split(values)) {
			UnitView unit = "code".equals(by) ? orNull(() -> units.resolveCode("unit", value, scope))
					: idOf(value).map(id -> orNull(() -> units.find(id, scope))).orElse(null);
			Optional.ofNullable(unit).ifPresent(chosen::add);
		}
		return chosen(model, unitOptions(chosen, by));
	}

	@GetMapping("/pick/party-organisations")
	String organisations(@RequestParam(defaultValue = "") String q, Model model) {
		return options(model,
				organisationOptions(organisations.matching(limited(q), users.current().scope(), PickOption.LIMIT)));
	}

	@GetMapping("/pick/party-organisations/chosen")
	String chosenOrganisations(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		List<PartyOrganisationView> chosen = new ArrayList<>();
		for (String value : split(values)) {
			idOf(value).map(id -> orNull(() -> organisations.find(id, scope))).ifPresent(chosen::add);
		}
		return chosen(model, organisationOptions(chosen));
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

	static String options(Model model, List<PickOption> options) {
		model.addAttribute("options", options);
		model.addAttribute("empty", "picker.none");
		return "picker :: options";
	}

	static String chosen(Model model, List<PickOption> options) {
		model.addAttribute("options", options);
		return "picker :: chosen";
	}

	/** The words typed, at most 50 characters: a picker searches names, not texts. */
	static String limited(String q) {
		String words = q.strip();
		return words.length() > 50 ? words.substring(0, 50) : words;
	}

	/** A form's value list: one value, or several separated by commas. */
	static List<String> split(String values) {
		return java.util.Arrays.stream(values.split(","))
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.limit(PickOption.LIMIT)
			.toList();
	}

	static Optional<Long> idOf(String value) {
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What the look-up finds, or null where it answers "not found" (outside the scope).
	 */
	private static <T> T orNull(java.util.function.Supplier<T> lookUp) {
		try {
			return lookUp.get();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static <T> List<T> orEmpty(java.util.function.Supplier<List<T>> lookUp) {
		List<T> found = orNull(lookUp);
		return found == null ? List.of() : found;
	}

}
