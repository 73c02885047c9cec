package cn.huoxian.deployment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.deployment.DeploymentForm;
import cn.huoxian.deployment.DeploymentView;
import cn.huoxian.deployment.Deployments;
import cn.huoxian.deployment.PostKind;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	static final List<String> FIELDS = List.of("personId", "postKind", "region", "post", "teamId", "duty", "startDate",
			"endDate");

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

	@GetMapping("/deployment/deployments")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) Boolean leading,
			@RequestParam(defaultValue = "true") boolean current, @RequestParam(defaultValue = "0") int page,
			Model model) {
		RegionView where = region(region, users.current());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("postKind", PostKind.REGION.name());
		values.put("region", where.code());
		values.put("startDate", BusinessDay.today(clock).toString());
		return page(where, leading, current, page, values, Map.of(), null, model);
	}

	private String page(RegionView where, Boolean leading, boolean current, int page, Map<String, String> values,
			Map<String, String> problems, String conflict, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("region", where);
		model.addAttribute("leading", leading);
		model.addAttribute("current", current);
		model.addAttribute("kinds", PostKind.values());
		model.addAttribute("deployments",
				deployments.list(where.path(), leading, current, page, PAGE_SIZE, me.scope()));
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("conflict", conflict);
		model.addAttribute("formFields", FIELDS);
		return "deployment/deployments/list";
	}

	@PostMapping("/deployment/deployments")
	String deploy(@RequestParam Map<String, String> params, RedirectAttributes redirect, Model model) {
		CurrentUser me = users.current();
		Map<String, String> values = new LinkedHashMap<>();
		FIELDS.forEach(f -> values.put(f, params.getOrDefault(f, "")));
		List<FieldProblem> problems = new ArrayList<>();
		Long personId = number(values.get("personId"), "personId", problems, true);
		Long teamId = number(values.get("teamId"), "teamId", problems, false);
		PostKind kind = null;
		try {
			kind = blank(values.get("postKind")) == null ? null : PostKind.valueOf(values.get("postKind").strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("postKind",
					Messages.text("problem.field.unknown-value", values.get("postKind").strip())));
		}
		LocalDate start = date(values.get("startDate"), "startDate", problems);
		LocalDate end = date(values.get("endDate"), "endDate", problems);
		boolean endCurrent = "true".equals(params.get("endCurrent"));
		String conflict = null;
		if (problems.isEmpty()) {
			try {
				DeploymentView made = deployments.deploy(
						Forms.check(new DeploymentForm(personId, kind, blank(values.get("region")),
								blank(values.get("post")), teamId, blank(values.get("duty")), start, end, endCurrent)),
						me);
				redirect.addFlashAttribute("recorded", made.personName() + " · " + made.position());
				return "redirect:/deployment/deployments?region=" + made.regionCode();
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
			catch (RuleViolationException ex) {
				conflict = ex.getMessage();
				deployments.holding(personId)
					.filter(held -> me.scope().coversRegion(held.path()))
					.ifPresent(held -> model.addAttribute("held", held));
			}
		}
		RegionView where = region(params.get("listRegion"), me);
		return page(where, null, true, 0, values, asMap(problems), conflict, model);
	}

	@PostMapping("/deployment/deployments/{id}/end")
	String end(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String endDate, RedirectAttributes redirect) {
		DeploymentView view = deployments.find(id, users.current().scope());
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = date(endDate, "endDate", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			deployments.end(id, day, reason, users.current());
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

	private static Map<String, String> asMap(List<FieldProblem> problems) {
		Map<String, String> map = new LinkedHashMap<>();
		problems.forEach(p -> map.merge(p.field(), p.reason(), (a, b) -> a + "; " + b));
		return map;
	}

	private static Long number(String value, String field, List<FieldProblem> problems, boolean required) {
		if (blank(value) == null) {
			if (required) {
				problems.add(new FieldProblem(field, Messages.text("problem.required")));
			}
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, Messages.text("deployment.form.not-a-number", value.strip())));
			return null;
		}
	}

	private static LocalDate date(String value, String field, List<FieldProblem> problems) {
		if (blank(value) == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, Messages.text("deployment.form.not-a-date")));
			return null;
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
