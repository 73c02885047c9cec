package cn.huoxian.supplies.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.supplies.Supplies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplies page of a region: its stocks and those below, the requests with what can
 * be done with each (allocate from a warehouse above, refuse, confirm delivery), a
 * community's request form, a warehouse's receipt form, and the latest movements.
 */
@Controller
class SupplyPages {

	private final Supplies supplies;

	private final Regions regions;

	private final CurrentUserProvider users;

	SupplyPages(Supplies supplies, Regions regions, CurrentUserProvider users) {
		this.supplies = supplies;
		this.regions = regions;
		this.users = users;
	}

	@GetMapping("/supplies")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		return render(region, status, page, model, null, Map.of(), Map.of());
	}

	@PostMapping("/supplies/receive")
	String receive(@RequestParam String region, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return act(region, model, redirect,
				Map.of("receive.quantity", SupplyFormValues.typed(quantity), "receive.note",
						SupplyFormValues.typed(note)),
				"received",
				() -> supplies.receive(region, itemId, SupplyFormValues.quantity(quantity), note, users.current()));
	}

	@PostMapping("/supplies/requests")
	String request(@RequestParam String region, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String urgency,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return act(region, model, redirect, Map
			.of("request.quantity", SupplyFormValues.typed(quantity), "request.note", SupplyFormValues.typed(note)),
				"requested",
				() -> supplies.request(
						new Supplies.RequestForm(region, itemId, SupplyFormValues.quantity(quantity), urgency, note),
						users.current()));
	}

	@PostMapping("/supplies/requests/{id}/allocate")
	String allocate(@PathVariable long id, @RequestParam String region,
			@RequestParam(required = false) String fromRegionCode, Model model, RedirectAttributes redirect) {
		return act(region, model, redirect, Map.of(), "allocated",
				() -> supplies.allocate(id, fromRegionCode, users.current()));
	}

	@PostMapping("/supplies/requests/{id}/allocate-from-unit")
	String allocateFromUnit(@PathVariable long id, @RequestParam String region, Model model,
			RedirectAttributes redirect) {
		return act(region, model, redirect, Map.of(), "allocated",
				() -> supplies.allocateFromUnit(id, users.current()));
	}

	@PostMapping("/supplies/items")
	String addItem(@RequestParam String region, @RequestParam(required = false) String name,
			@RequestParam(required = false) String unitLabel, Model model, RedirectAttributes redirect) {
		return act(region, model, redirect,
				Map.of("item.name", SupplyFormValues.typed(name), "item.unit", SupplyFormValues.typed(unitLabel)),
				"item-added", () -> supplies.addItem(null, name, unitLabel, users.current()));
	}

	@PostMapping("/supplies/requests/{id}/deliver")
	String deliver(@PathVariable long id, @RequestParam String region, Model model, RedirectAttributes redirect) {
		return act(region, model, redirect, Map.of(), "delivered", () -> supplies.deliver(id, users.current()));
	}

	@PostMapping("/supplies/requests/{id}/reject")
	String reject(@PathVariable long id, @RequestParam String region, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect) {
		return act(region, model, redirect, Map.of("reason." + id, SupplyFormValues.typed(reason)), "rejected",
				() -> supplies.reject(id, reason, users.current()));
	}

	private String act(String region, Model model, RedirectAttributes redirect, Map<String, String> typed, String done,
			Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return render(region, null, 0, model, null, ex.asMap(), typed);
		}
		catch (RuleViolationException ex) {
			return render(region, null, 0, model, ex.getMessage(), Map.of(), typed);
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:/supplies?region=" + region;
	}

	private String render(String region, String status, int page, Model model, String error, Map<String, String> errors,
			Map<String, String> typed) {
		CurrentUser me = users.current();
		RegionView where = regions.findOrFirstRoot(region, me.scope());
		model.addAttribute("region", where);
		model.addAttribute("status", status);
		model.addAttribute("items", supplies.items());
		model.addAttribute("stocks", supplies.stocks(where.code(), me));
		model.addAttribute("requests", supplies.requests(where.code(), status, page, 50, me));
		model.addAttribute("movements", supplies.movements(where.code(), 0, 20, me).items());
		model.addAttribute("sources", sources(where, me));
		model.addAttribute("mayAct", me.mayReportDaily());
		model.addAttribute("community", where.level() == RegionLevel.VILLAGE);
		model.addAttribute("error", error);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "supplies/supplies";
	}

	/**
	 * The warehouses a request under this region may be allocated from: the regions above
	 * the communities in the user's scope, down to this one (and this one, when it is not
	 * a community itself).
	 */
	private List<RegionView> sources(RegionView where, CurrentUser me) {
		List<RegionView> sources = new ArrayList<>();
		try {
			for (RegionView r : regions.breadcrumbs(where.code(), me.scope())) {
				if (r.level() != RegionLevel.VILLAGE && r.level() != RegionLevel.GRID) {
					sources.add(r);
				}
			}
		}
		catch (NotFoundException ex) {
			// the region itself is in scope; regions above it may not be
		}
		return sources;
	}

}
