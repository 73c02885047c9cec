package cn.huoxian.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonRoleView;
import cn.huoxian.people.PersonView;
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
 * The person picker's htmx answers: persons the caller's scope covers by name (prefix) or
 * ID number, each with their roles, post or unit, place and masked ID number; and the
 * chosen persons' names when a form is shown again. Never unmasked, never outside the
 * scope.
 */
@Controller
class PersonPicker {

	private final People people;

	private final Regions regions;

	private final Units units;

	private final CurrentUserProvider users;

	PersonPicker(People people, Regions regions, Units units, CurrentUserProvider users) {
		this.people = people;
		this.regions = regions;
		this.units = units;
		this.users = users;
	}

	@GetMapping("/pick/persons")
	String persons(@RequestParam(defaultValue = "") String q, Model model) {
		String words = PickOption.words(q);
		List<PersonView> found = words.isEmpty() ? List.of()
				: people.search(null, words, 0, PickOption.LIMIT, users.current().scope()).items();
		return PickOption.offer(model, options(found), words.isEmpty() ? "picker.type-a-name" : "picker.none");
	}

	@GetMapping("/pick/persons/chosen")
	String chosen(@RequestParam(defaultValue = "") String values, Model model) {
		DataScope scope = users.current().scope();
		return PickOption.name(model, options(PickOption.found(values, v -> people.find(Long.parseLong(v), scope))));
	}

	private List<PickOption> options(List<PersonView> found) {
		// the place as its parent and itself ("永华社区第1网格"): every community has a 第1网格
		List<RegionPath> paths = new ArrayList<>();
		found.forEach(p -> {
			paths.add(p.path());
			if (p.path().parent() != null) {
				paths.add(p.path().parent());
			}
		});
		Map<RegionPath, RegionView> places = regions.byPaths(paths);
		Map<Long, String> unitNames = units.names(found.stream()
			.flatMap(p -> p.roleDetails().stream())
			.map(PersonRoleView::unitId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		return found.stream().map(p -> {
			List<String> parts = new ArrayList<>();
			for (PersonRoleView role : p.roleDetails()) {
				String what = Messages.text("personRole." + role.role().name());
				String where = role.position() != null ? role.position()
						: role.unitId() != null ? unitNames.get(role.unitId()) : null;
				parts.add(where == null ? what : what + "（" + where + "）");
			}
			RegionView place = places.get(p.path());
			RegionView above = p.path().parent() == null ? null : places.get(p.path().parent());
			if (place != null) {
				parts.add(above == null ? place.name() : above.name() + place.name());
			}
			parts.add(p.idNumber());
			return new PickOption(String.valueOf(p.id()), p.name(), String.join(" · ", parts), null);
		}).toList();
	}

}
