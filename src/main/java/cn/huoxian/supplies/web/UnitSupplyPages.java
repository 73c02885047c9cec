package cn.huoxian.supplies.web;

import java.util.List;
import java.util.Map;

import cn.huoxian.liaison.ShortageKind;
import cn.huoxian.liaison.Shortages;
import cn.huoxian.org.UnitView;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.PageResult;
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
 * A paired unit's supplies (包联单位物资): its own stocks and what it received, the requests of
 * the communities it is paired with (allocated from its stock), and the open shortages of
 * protective supplies those communities raised to it, answered by an allocation. For the
 * unit's staff (their unit) and region staff (a unit they pick).
 */
@Controller
class UnitSupplyPages {

	private final Supplies supplies;

	private final Units units;

	private final Shortages shortages;

	private final CurrentUserProvider users;

	UnitSupplyPages(Supplies supplies, Units units, Shortages shortages, CurrentUserProvider users) {
		this.supplies = supplies;
		this.units = units;
		this.shortages = shortages;
		this.users = users;
	}

	@GetMapping("/supplies/unit")
	String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Long shortage,
			@RequestParam(defaultValue = "0") int page, Model model) {
		return render(unit, shortage, page, model, null, Map.of(), Map.of());
	}

	@PostMapping("/supplies/unit/{unitId}/receive")
	String receive(@PathVariable long unitId, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return act(unitId, null, model, redirect,
				Map.of("receive.quantity", SupplyFormValues.typed(quantity), "receive.note",
						SupplyFormValues.typed(note)),
				"received", () -> supplies.receiveAtUnit(unitId, itemId, SupplyFormValues.quantity(quantity), note,
						users.current()));
	}

	@PostMapping("/supplies/unit/{unitId}/requests/{id}/allocate")
	String allocate(@PathVariable long unitId, @PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(unitId, null, model, redirect, Map.of(), "allocated",
				() -> supplies.allocateFromUnit(id, users.current()));
	}

	@PostMapping("/supplies/unit/{unitId}/shortages/{shortageId}/allocate")
	String answerShortage(@PathVariable long unitId, @PathVariable long shortageId,
			@RequestParam(required = false) Long itemId, @RequestParam(required = false) String quantity, Model model,
			RedirectAttributes redirect) {
		return act(unitId, shortageId, model, redirect, Map.of("shortage.quantity", SupplyFormValues.typed(quantity)),
				"answered", () -> supplies.answerShortage(shortageId, itemId, SupplyFormValues.quantity(quantity),
						users.current()));
	}

	private String act(long unitId, Long shortage, Model model, RedirectAttributes redirect, Map<String, String> typed,
			String done, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return render(unitId, shortage, 0, model, null, ex.asMap(), typed);
		}
		catch (RuleViolationException ex) {
			return render(unitId, shortage, 0, model, ex.getMessage(), Map.of(), typed);
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:/supplies/unit?unit=" + unitId;
	}

	private String render(Long unitId, Long shortageId, int page, Model model, String error, Map<String, String> errors,
			Map<String, String> typed) {
		CurrentUser me = users.current();
		Long chosen = unitId != null ? unitId : me.scope().unitIds().stream().findFirst().orElse(null);
		model.addAttribute("error", error);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		List<Supplies.Item> items = supplies.items();
		model.addAttribute("items", items);
		if (chosen == null) {
			// region staff pick a unit first
			model.addAttribute("unit", null);
			return "supplies/unit";
		}
		UnitView unit = units.find(chosen, me.scope());
		model.addAttribute("unit", unit);
		model.addAttribute("stocks", supplies.unitStocks(unit.id(), me));
		model.addAttribute("requests", supplies.unitRequests(unit.id(), "OPEN", page, 50, me));
		var open = shortages.list(null, "OPEN", unit.id(), 0, PageResult.MAX_SIZE, me.scope())
			.items()
			.stream()
			.filter(s -> s.kind() == ShortageKind.PROTECTIVE_SUPPLIES)
			.toList();
		model.addAttribute("shortages", open);
		// the item a shortage names (free text) preselected where an item's name matches
		// it
		Map<Long, Long> suggested = new java.util.HashMap<>();
		for (var shortage : open) {
			items.stream()
				.filter(i -> shortage.item().contains(i.name()) || i.name().contains(shortage.item().strip()))
				.findFirst()
				.ifPresent(i -> suggested.put(shortage.id(), i.id()));
		}
		model.addAttribute("suggested", suggested);
		model.addAttribute("focus", shortageId);
		model.addAttribute("mayAct", me.isUnitStaffFor(unit.id()) || me.mayReportDaily());
		return "supplies/unit";
	}

}
