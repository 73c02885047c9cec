package cn.huoxian.inspection.web;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.inspection.CloseForm;
import cn.huoxian.inspection.InspectionLevelException;
import cn.huoxian.inspection.InspectionView;
import cn.huoxian.inspection.Inspections;
import cn.huoxian.inspection.Look;
import cn.huoxian.inspection.RectificationForm;
import cn.huoxian.inspection.RectificationView;
import cn.huoxian.inspection.Rectifications;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
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
 * The inspection pages: inspections under a region with the phone-friendly form (the four
 * looks, each finding optionally a rectification), an inspection with its rectifications
 * and their close forms, and the open or overdue rectifications of a region with a count
 * per child region.
 */
@Controller
class InspectionPages {

	private static final int PAGE_SIZE = 50;

	private static final Pattern INDEXED = Pattern.compile("(looks|rectifications)\\[(\\d+)]\\.(\\w+)");

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final Clock clock;

	InspectionPages(Inspections inspections, Rectifications rectifications, Regions regions, CurrentUserProvider users,
			Clock clock) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@InitBinder({ "form", "fix", "close" })
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/deployment/inspections")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("form", InspectionPageForm.on(BusinessDay.today(clock)));
		return listPage(region(region, users.current()), page, null, model);
	}

	private String listPage(RegionView where, int page, String error, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("region", where);
		model.addAttribute("inspections", inspections.list(where.path(), page, PAGE_SIZE, me.scope()));
		model.addAttribute("looks", Look.values());
		model.addAttribute("error", error);
		model.addAttribute("today", BusinessDay.today(clock));
		return "deployment/inspections/list";
	}

	@PostMapping("/deployment/inspections")
	String record(@Valid @ModelAttribute("form") InspectionPageForm form, BindingResult binding,
			@RequestParam(required = false) String listRegion, RedirectAttributes redirect, Model model) {
		CurrentUser me = users.current();
		String error = null;
		if (!binding.hasErrors()) {
			try {
				InspectionView made = inspections.record(form.toForm(), me);
				redirect.addFlashAttribute("recorded", "inspection");
				return "redirect:/deployment/inspections/" + made.id();
			}
			catch (InvalidInputException ex) {
				List<Look> fixed = form.fixed();
				PageForms.reject(binding,
						new InvalidInputException(ex.problems()
							.stream()
							.map(p -> new FieldProblem(pageField(p.field(), fixed), p.reason()))
							.toList()));
			}
			catch (InspectionLevelException ex) {
				model.addAttribute("refusal", ex);
				error = ex.getMessage();
			}
			catch (RuleViolationException ex) {
				error = ex.getMessage();
			}
		}
		return listPage(region(listRegion, me), 0, error, model);
	}

	/**
	 * The form field for a problem the service names by list index: the looks are listed
	 * in their order, the rectifications in the order of the looks they were found under.
	 */
	private static String pageField(String field, List<Look> fixed) {
		Matcher m = INDEXED.matcher(field);
		if (!m.matches()) {
			return field;
		}
		int index = Integer.parseInt(m.group(2));
		Look look = m.group(1).equals("looks") ? Look.values()[Math.min(index, Look.values().length - 1)]
				: fixed.get(Math.min(index, fixed.size() - 1));
		return "looks[" + look + "]." + m.group(3);
	}

	@GetMapping("/deployment/inspections/{id}")
	String one(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("i", inspections.find(id, me.scope()));
		model.addAttribute("looks", Look.values());
		model.addAttribute("today", BusinessDay.today(clock));
		return "deployment/inspections/detail";
	}

	@PostMapping("/deployment/inspections/{id}/rectifications")
	String add(@PathVariable long id, @Valid @ModelAttribute("fix") RectificationForm form, BindingResult binding,
			RedirectAttributes redirect) {
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(PageForms.problems(binding));
			}
			rectifications.add(id, form, users.current());
			redirect.addFlashAttribute("recorded", "rectification");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/inspections/" + id;
	}

	@PostMapping("/deployment/rectifications/{id}/close")
	String close(@PathVariable long id, @Valid @ModelAttribute("close") CloseForm form, BindingResult binding,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		RectificationView fix;
		try {
			fix = rectifications.find(id, me.scope());
		}
		catch (NotFoundException ex) {
			// the owner closing their own from outside their region scope
			fix = null;
		}
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(PageForms.problems(binding));
			}
			fix = rectifications.close(id, form.evidence(), form.closedOn(), me);
			redirect.addFlashAttribute("recorded", "closed");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		if (fix == null) {
			throw new NotFoundException(Messages.text("rectification.what.rectification", id));
		}
		return "redirect:/deployment/inspections/" + fix.inspectionId();
	}

	@GetMapping("/deployment/rectifications")
	String rectifications(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = region(region, me);
		String shown = status == null ? (overdue ? null : "OPEN") : status.isBlank() ? null : status;
		model.addAttribute("region", where);
		model.addAttribute("status", shown);
		model.addAttribute("overdue", overdue);
		model.addAttribute("rectifications",
				rectifications.list(where.path(), shown, overdue, page, PAGE_SIZE, me.scope()));
		model.addAttribute("children", rectifications.overdueByRegion(where.code(), me.scope()));
		model.addAttribute("overdueTotal", rectifications.list(where.path(), null, true, 0, 1, me.scope()).total());
		return "deployment/inspections/rectifications";
	}

	private RegionView region(String region, CurrentUser me) {
		return regions.findOrFirstRoot(region, me.scope());
	}

}
