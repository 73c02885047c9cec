package cn.huoxian.inspection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.inspection.InspectionForm;
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
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	static final List<String> FIELDS = List.of("inspectorId", "targetRegion", "targetUnit", "date", "summary",
			"liaisonGroupId");

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

	@GetMapping("/deployment/inspections")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("date", BusinessDay.today(clock).toString());
		return listPage(region(region, users.current()), page, values, Map.of(), null, model);
	}

	private String listPage(RegionView where, int page, Map<String, String> values, Map<String, String> problems,
			String error, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("region", where);
		model.addAttribute("inspections", inspections.list(where.path(), page, PAGE_SIZE, me.scope()));
		model.addAttribute("looks", Look.values());
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("formFields", fieldNames());
		model.addAttribute("error", error);
		model.addAttribute("today", BusinessDay.today(clock));
		return "deployment/inspections/list";
	}

	private static List<String> fieldNames() {
		List<String> names = new ArrayList<>(FIELDS);
		for (Look look : Look.values()) {
			for (String part : List.of("rating", "findings", "item", "ownerId", "deadline")) {
				names.add(part + "-" + look);
			}
		}
		return names;
	}

	@PostMapping("/deployment/inspections")
	String record(@RequestParam Map<String, String> params, RedirectAttributes redirect, Model model) {
		CurrentUser me = users.current();
		Map<String, String> values = new LinkedHashMap<>();
		fieldNames().forEach(f -> values.put(f, params.getOrDefault(f, "")));
		List<FieldProblem> problems = new ArrayList<>();
		Long inspectorId = PageFields.number(values.get("inspectorId"), "inspectorId", problems, true);
		Long groupId = PageFields.number(values.get("liaisonGroupId"), "liaisonGroupId", problems, false);
		LocalDate date = PageFields.date(values.get("date"), "date", problems);
		List<InspectionForm.LookEntry> looks = new ArrayList<>();
		List<RectificationForm> fixes = new ArrayList<>();
		List<Look> fixLooks = new ArrayList<>();
		for (Look look : Look.values()) {
			Long rating = PageFields.number(values.get("rating-" + look), "rating-" + look, problems, true);
			looks.add(new InspectionForm.LookEntry(look, rating == null ? null : rating.intValue(),
					PageFields.blank(values.get("findings-" + look))));
			String item = PageFields.blank(values.get("item-" + look));
			String owner = PageFields.blank(values.get("ownerId-" + look));
			String deadline = PageFields.blank(values.get("deadline-" + look));
			if (item != null || owner != null || deadline != null) {
				fixes
					.add(new RectificationForm(look, item, PageFields.number(owner, "ownerId-" + look, problems, false),
							PageFields.date(deadline, "deadline-" + look, problems)));
				fixLooks.add(look);
			}
		}
		if (problems.isEmpty()) {
			try {
				InspectionView made = inspections.record(Forms.check(new InspectionForm(inspectorId,
						PageFields.blank(values.get("targetRegion")), PageFields.blank(values.get("targetUnit")), date,
						looks, PageFields.blank(values.get("summary")), groupId, fixes)), me);
				redirect.addFlashAttribute("recorded", "inspection");
				return "redirect:/deployment/inspections/" + made.id();
			}
			catch (InvalidInputException ex) {
				for (FieldProblem p : ex.problems()) {
					problems.add(new FieldProblem(pageField(p.field(), fixLooks), p.reason()));
				}
			}
			catch (InspectionLevelException ex) {
				model.addAttribute("refusal", ex);
				return listPage(region(params.get("listRegion"), me), 0, values, Map.of(), ex.getMessage(), model);
			}
			catch (RuleViolationException ex) {
				return listPage(region(params.get("listRegion"), me), 0, values, Map.of(), ex.getMessage(), model);
			}
		}
		return listPage(region(params.get("listRegion"), me), 0, values, PageFields.asMap(problems), null, model);
	}

	/** The form field for a problem the service names by list index. */
	private static String pageField(String field, List<Look> fixLooks) {
		Matcher m = INDEXED.matcher(field);
		if (!m.matches()) {
			return field;
		}
		int index = Integer.parseInt(m.group(2));
		Look look = m.group(1).equals("looks") ? Look.values()[Math.min(index, Look.values().length - 1)]
				: fixLooks.get(Math.min(index, fixLooks.size() - 1));
		return m.group(3) + "-" + look;
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
	String add(@PathVariable long id, @RequestParam(required = false) String look,
			@RequestParam(required = false) String item, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) String deadline, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		Long owner = PageFields.number(ownerId, "ownerId", problems, false);
		LocalDate day = PageFields.date(deadline, "deadline", problems);
		Look which = null;
		try {
			which = look == null || look.isBlank() ? null : Look.valueOf(look.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("look", Messages.text("problem.field.unknown-value", look)));
		}
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			rectifications.add(id, Forms.check(new RectificationForm(which, item, owner, day)), users.current());
			redirect.addFlashAttribute("recorded", "rectification");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/inspections/" + id;
	}

	@PostMapping("/deployment/rectifications/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String evidence,
			@RequestParam(required = false) String closedOn, RedirectAttributes redirect) {
		CurrentUser me = users.current();
		RectificationView fix;
		try {
			fix = rectifications.find(id, me.scope());
		}
		catch (NotFoundException ex) {
			// the owner closing their own from outside their region scope
			fix = null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = PageFields.date(closedOn, "closedOn", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			fix = rectifications.close(id, evidence, day, me);
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
