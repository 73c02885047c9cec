package cn.huoxian.liaison.web;

import java.util.ArrayList;
import java.util.List;

import cn.huoxian.liaison.LiaisonGroupView;
import cn.huoxian.liaison.LiaisonGroups;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.PageForms;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Liaison group pages: the groups under a region with a form to form one, and one group
 * with its members, communities and inspections.
 */
@Controller
class LiaisonPages {

	/** Ids separated by commas (also full-width and 、) or spaces, blank allowed. */
	static final String IDS = "[\\s,，、]*(\\d{1,18}([\\s,，、]+\\d{1,18})*)?[\\s,，、]*";

	private static final int PAGE_SIZE = 50;

	private final LiaisonGroups groups;

	private final Regions regions;

	private final CurrentUserProvider users;

	LiaisonPages(LiaisonGroups groups, Regions regions, CurrentUserProvider users) {
		this.groups = groups;
		this.regions = regions;
		this.users = users;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/deployment/liaison-groups")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		LiaisonGroupPageForm form = new LiaisonGroupPageForm();
		form.setRegion(region == null ? "" : region);
		return listPage(region, page, form, model);
	}

	private String listPage(String region, int page, LiaisonGroupPageForm form, Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank() ? null : regions.find(region.strip(), me.scope());
		model.addAttribute("region", where);
		model.addAttribute("groups", groups.list(where == null ? null : where.path(), page, PAGE_SIZE, me.scope()));
		model.addAttribute("form", form);
		return "deployment/liaison/groups";
	}

	@PostMapping("/deployment/liaison-groups")
	String create(@Valid @ModelAttribute("form") LiaisonGroupPageForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				LiaisonGroupView created = groups.create(form.toForm(), users.current());
				return "redirect:/deployment/liaison-groups/" + created.id();
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, ex);
			}
			catch (ReferenceNotFoundException ex) {
				// shown like any bad field: the form keeps what was typed
				model.addAttribute("error", ex.getMessage());
			}
			catch (RuleViolationException | ForbiddenException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		String region = form.getListRegion();
		return listPage(region == null || region.isBlank() ? null : region, 0, form, model);
	}

	@GetMapping("/deployment/liaison-groups/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("group", groups.find(id, users.current().scope()));
		return "deployment/liaison/group";
	}

	@PostMapping("/deployment/liaison-groups/{id}/members")
	String addMember(@PathVariable long id, @Valid @ModelAttribute PairingPages.PersonField form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", new InvalidInputException(PageForms.problems(binding)).getMessage());
			return "redirect:/deployment/liaison-groups/" + id;
		}
		return act(id, redirect, () -> groups.addMember(id, form.personId(), users.current()));
	}

	@PostMapping("/deployment/liaison-groups/{id}/members/{personId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		return act(id, redirect, () -> groups.removeMember(id, personId, users.current()));
	}

	@PostMapping("/deployment/liaison-groups/{id}/communities")
	String addCommunity(@PathVariable long id, @RequestParam(required = false) String communityCode,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> groups.addCommunity(id, communityCode, users.current()));
	}

	@PostMapping("/deployment/liaison-groups/{id}/communities/{code}/remove")
	String removeCommunity(@PathVariable long id, @PathVariable String code, RedirectAttributes redirect) {
		return act(id, redirect, () -> groups.removeCommunity(id, code, users.current()));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("recorded", true);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/liaison-groups/" + id;
	}

	/** The ids of a field that matched {@link #IDS}, each once, in the order typed. */
	static List<Long> ids(String value) {
		List<Long> ids = new ArrayList<>();
		for (String part : split(value)) {
			Long id = Long.valueOf(part);
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	static List<String> split(String value) {
		List<String> parts = new ArrayList<>();
		if (value != null) {
			for (String part : value.split("[,，、\\s]+")) {
				if (!part.isBlank()) {
					parts.add(part.strip());
				}
			}
		}
		return parts;
	}

}
