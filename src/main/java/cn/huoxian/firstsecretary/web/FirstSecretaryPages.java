package cn.huoxian.firstsecretary.web;

import java.time.Clock;

import cn.huoxian.firstsecretary.FirstSecretaries;
import cn.huoxian.firstsecretary.FirstSecretaryView;
import cn.huoxian.firstsecretary.SupportKind;
import cn.huoxian.firstsecretary.SupportRequests;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
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
 * First secretary pages: the list with at-post marks, one first secretary's phone page
 * (return, leave, work log, support requests), and the dispatching unit's open requests
 * with a resolve form.
 */
@Controller
class FirstSecretaryPages {

	private static final int PAGE_SIZE = 50;

	private final FirstSecretaries secretaries;

	private final SupportRequests requests;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	FirstSecretaryPages(FirstSecretaries secretaries, SupportRequests requests, Regions regions,
			CurrentUserProvider users, Clock clock) {
		this.secretaries = secretaries;
		this.requests = requests;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/deployment/first-secretaries")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) Boolean atPost,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank() ? null : regions.find(region, me.scope());
		model.addAttribute("region", where);
		model.addAttribute("atPost", atPost);
		model.addAttribute("secretaries",
				secretaries.list(where == null ? null : where.path(), atPost, page, PAGE_SIZE, me.scope()));
		model.addAttribute("atPostCount",
				secretaries.list(where == null ? null : where.path(), true, 0, 1, me.scope()).total());
		return "deployment/secretaries/list";
	}

	@GetMapping("/deployment/first-secretaries/{personId}")
	String one(@PathVariable long personId, Model model) {
		CurrentUser me = users.current();
		FirstSecretaryView secretary = secretaries.find(personId, me.scope());
		model.addAttribute("s", secretary);
		model.addAttribute("log", secretaries.logOf(personId, me.scope()));
		model.addAttribute("requests", requests.of(personId, me.scope()));
		model.addAttribute("kinds", SupportKind.values());
		model.addAttribute("today", BusinessDay.today(clock));
		boolean self = me.scope().selfPersonId() != null && me.scope().selfPersonId() == personId;
		model.addAttribute("mayWrite", self || (me.mayEditPeople() && me.scope().coversRegion(secretary.path())));
		model.addAttribute("mayResolve", mayResolve(me, secretary.path(), secretary.dispatchingUnitId()));
		return "deployment/secretaries/detail";
	}

	@InitBinder({ "returned", "left", "logEntry", "supportRequest", "resolution" })
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@PostMapping("/deployment/first-secretaries/{personId}/return")
	String returnToPost(@PathVariable long personId,
			@Valid @ModelAttribute("returned") FirstSecretaryApi.ReturnForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			checked(binding);
			secretaries.returnToPost(personId, form.returnedOn(), users.current());
			redirect.addFlashAttribute("recorded", "returned");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/first-secretaries/" + personId;
	}

	@PostMapping("/deployment/first-secretaries/{personId}/leave")
	String leave(@PathVariable long personId, @Valid @ModelAttribute("left") FirstSecretaryApi.LeaveForm form,
			BindingResult binding, RedirectAttributes redirect) {
		try {
			checked(binding);
			secretaries.leave(personId, form.leftOn(), users.current());
			redirect.addFlashAttribute("recorded", "left");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/first-secretaries/" + personId;
	}

	@PostMapping("/deployment/first-secretaries/{personId}/log")
	String log(@PathVariable long personId, @Valid @ModelAttribute("logEntry") FirstSecretaryApi.LogForm form,
			BindingResult binding, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			checked(binding);
			secretaries.log(personId, form.day(), form.entry(), users.current());
			redirect.addFlashAttribute("recorded", "log");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("entry", typed(request, "entry"));
		}
		return "redirect:/deployment/first-secretaries/" + personId;
	}

	@PostMapping("/deployment/first-secretaries/{personId}/support-requests")
	String raise(@PathVariable long personId,
			@Valid @ModelAttribute("supportRequest") FirstSecretaryApi.SupportForm form, BindingResult binding,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			checked(binding);
			requests.raise(personId, form.kind(), form.description(), users.current());
			redirect.addFlashAttribute("recorded", "request");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("description", typed(request, "description"));
		}
		return "redirect:/deployment/first-secretaries/" + personId;
	}

	@GetMapping("/deployment/support-requests")
	String supportRequests(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		String shown = status == null ? "OPEN" : status.isBlank() ? null : status;
		model.addAttribute("status", shown);
		model.addAttribute("requests", requests.list(null, shown, null, page, PAGE_SIZE, me.scope()));
		model.addAttribute("mayResolve", me.isUnitStaff() || me.mayEditPeople());
		return "deployment/secretaries/requests";
	}

	@PostMapping("/deployment/support-requests/{id}/resolve")
	String resolve(@PathVariable long id, @Valid @ModelAttribute("resolution") FirstSecretaryApi.ResolveForm form,
			BindingResult binding, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			checked(binding);
			requests.resolve(id, form.resolution(), users.current());
			redirect.addFlashAttribute("recorded", "resolved");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		if (back != null && back.matches("/deployment/first-secretaries/\\d+")) {
			return "redirect:" + back;
		}
		return "redirect:/deployment/support-requests";
	}

	private static boolean mayResolve(CurrentUser me, RegionPath path, long unitId) {
		return me.isUnitStaffFor(unitId) || (me.mayEditPeople() && me.scope().coversRegion(path));
	}

	/** The form's own problems, thrown like a service's. */
	private static void checked(BindingResult binding) {
		if (binding.hasErrors()) {
			throw new InvalidInputException(PageForms.problems(binding));
		}
	}

	/**
	 * What was typed into a text field, to put back in the form (from the request: a
	 * record whose binding failed is not built).
	 */
	private static String typed(HttpServletRequest request, String field) {
		return request.getParameter(field);
	}

}
