package cn.huoxian.deployment.web;

import java.time.Clock;

import cn.huoxian.deployment.DeploymentView;
import cn.huoxian.deployment.Deployments;
import cn.huoxian.deployment.EndForm;
import cn.huoxian.deployment.PostKind;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
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
 * The deployment pages: cadres at their posts under a region, and the phone-friendly form
 * that deploys a cadre, warning when the cadre already holds a position and offering to
 * end it.
 */
@Controller
class DeploymentPages {

	private static final int PAGE_SIZE = 50;

	private final Deployments deployments;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	DeploymentPages(Deployments deployments, Regions regions, CurrentUserProvider users, Clock clock) {
		this.deployments = deployments;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@InitBinder({ "form", "end" })
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/deployment/deployments")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) Boolean leading,
			@RequestParam(defaultValue = "true") boolean current, @RequestParam(defaultValue = "0") int page,
			Model model) {
		RegionView where = region(region, users.current());
		model.addAttribute("form", DeploymentPageForm.startingOn(where.code(), BusinessDay.today(clock)));
		return page(where, leading, current, page, null, model);
	}

	private String page(RegionView where, Boolean leading, boolean current, int page, String conflict, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("region", where);
		model.addAttribute("leading", leading);
		model.addAttribute("current", current);
		model.addAttribute("kinds", PostKind.values());
		model.addAttribute("deployments",
				deployments.list(where.path(), leading, current, page, PAGE_SIZE, me.scope()));
		model.addAttribute("conflict", conflict);
		return "deployment/deployments/list";
	}

	@PostMapping("/deployment/deployments")
	String deploy(@Valid @ModelAttribute("form") DeploymentPageForm form, BindingResult binding,
			@RequestParam(required = false) String listRegion, RedirectAttributes redirect, Model model) {
		CurrentUser me = users.current();
		String conflict = null;
		if (!binding.hasErrors()) {
			try {
				DeploymentView made = deployments.deploy(form.toForm(), me);
				redirect.addFlashAttribute("recorded", made.personName() + " · " + made.position());
				return "redirect:/deployment/deployments?region=" + made.regionCode();
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, ex);
			}
			catch (RuleViolationException ex) {
				conflict = ex.getMessage();
				deployments.holding(form.getPersonId())
					.filter(held -> me.scope().coversRegion(held.path()))
					.ifPresent(held -> model.addAttribute("held", held));
			}
		}
		return page(region(listRegion, me), null, true, 0, conflict, model);
	}

	@PostMapping("/deployment/deployments/{id}/end")
	String end(@PathVariable long id, @Valid @ModelAttribute("end") EndForm form, BindingResult binding,
			RedirectAttributes redirect) {
		DeploymentView view = deployments.find(id, users.current().scope());
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(PageForms.problems(binding));
			}
			deployments.end(id, form.endDate(), form.reason(), users.current());
			redirect.addFlashAttribute("recorded", view.personName() + " · " + view.position());
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/deployments?region=" + view.regionCode();
	}

	private RegionView region(String region, CurrentUser me) {
		return regions.findOrFirstRoot(region, me.scope());
	}

}
