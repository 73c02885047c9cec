package cn.huoxian.volunteer.web;

import java.util.List;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.web.PickOption;
import cn.huoxian.volunteer.Communities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report-in picker's htmx answers: the communities in the area of the caller's unit
 * (a municipal unit's is the city, a district's the district), by name; the chosen one's
 * name when the form is shown again.
 */
@Controller
class CommunityPicker {

	private final Communities communities;

	private final Units units;

	private final CurrentUserProvider users;

	CommunityPicker(Communities communities, Units units, CurrentUserProvider users) {
		this.communities = communities;
		this.units = units;
		this.users = users;
	}

	@GetMapping("/pick/report-communities")
	String communities(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long unit,
			Model model) {
		List<RegionView> found = area(unit) == null ? List.of()
				: communities.matchingInAreaOf(PickOption.words(q), area(unit).path(), PickOption.LIMIT);
		return PickOption.offer(model, options(found), "picker.none");
	}

	@GetMapping("/pick/report-communities/chosen")
	String chosen(@RequestParam(defaultValue = "") String values, @RequestParam(required = false) Long unit,
			Model model) {
		UnitView area = area(unit);
		return PickOption.name(model, options(PickOption.found(values, v -> {
			if (area == null) {
				throw new NotFoundException(v);
			}
			return communities.matchingInAreaOf(v, area.path(), 1)
				.stream()
				.filter(r -> r.code().equals(v))
				.findFirst()
				.orElseThrow(() -> new NotFoundException(v));
		})));
	}

	/** The caller's unit (in their scope), or null. */
	private UnitView area(Long unit) {
		if (unit == null) {
			return null;
		}
		try {
			return units.find(unit, users.current().scope());
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static List<PickOption> options(List<RegionView> found) {
		return found.stream().map(r -> new PickOption(r.code(), r.name(), r.code(), null)).toList();
	}

}
