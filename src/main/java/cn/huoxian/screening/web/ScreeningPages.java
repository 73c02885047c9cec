package cn.huoxian.screening.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.screening.Flags;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Text;
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
 * Screening pages: campaigns, coverage drill-down, blind spots, flags, and the grid
 * worker's phone flow.
 */
@Controller
class ScreeningPages {

	private final Campaigns campaigns;

	private final Visits visits;

	private final Coverage coverage;

	private final Flags flags;

	private final Regions regions;

	private final People people;

	private final Households households;

	private final CurrentUserProvider users;

	private final Clock clock;

	ScreeningPages(Campaigns campaigns, Visits visits, Coverage coverage, Flags flags, Regions regions, People people,
			Households households, CurrentUserProvider users, Clock clock) {
		this.campaigns = campaigns;
		this.visits = visits;
		this.coverage = coverage;
		this.flags = flags;
		this.regions = regions;
		this.people = people;
		this.households = households;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/screening")
	String campaigns(Model model) {
		CurrentUser me = users.current();
		model.addAttribute("campaigns", campaigns.list(me.scope()));
		var today = BusinessDay.today(clock);
		String root = me.scope().regions().isEmpty() ? "" : me.scope().regions().get(0).code();
		model.addAttribute("form", new CampaignForm("", root, today, today.plusDays(6),
				EnumSet.allOf(cn.huoxian.screening.Question.class)));
		return "screening/campaigns";
	}

	@PostMapping("/screening")
	String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				CampaignView created = campaigns.create(form, users.current());
				return "redirect:/screening/campaigns/" + created.id() + "/coverage";
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, ex);
			}
		}
		model.addAttribute("campaigns", campaigns.list(users.current().scope()));
		return "screening/campaigns";
	}

	@GetMapping("/screening/campaigns/{id}/coverage")
	String coverage(@PathVariable long id, @RequestParam(required = false) String region, Model model) {
		CurrentUser me = users.current();
		String code = region == null ? defaultRegion(id, me) : region;
		Coverage.View view = coverage.coverage(id, code, me.scope());
		model.addAttribute("view", view);
		model.addAttribute("breadcrumbs",
				regions.breadcrumbs(view.region().code(), me.scope())
					.stream()
					.filter(r -> r.path().isWithin(view.campaign().rootPath()))
					.toList());
		return "screening/coverage";
	}

	@GetMapping("/screening/campaigns/{id}/blind-spots")
	String blindSpots(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		String code = region == null ? defaultRegion(id, me) : region;
		model.addAttribute("campaign", campaigns.find(id, me.scope()));
		model.addAttribute("region", regions.find(code, me.scope()));
		model.addAttribute("spots", coverage.blindSpots(id, code, page, 50, me.scope()));
		return "screening/blind-spots";
	}

	/**
	 * The grid worker's start page: each open campaign's uncovered households in their
	 * grid.
	 */
	@GetMapping("/screening/my-grid")
	String myGrid(@RequestParam(required = false) String grid, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String building, @RequestParam(defaultValue = "todo") String show,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = users.current();
		RegionView region = grid != null ? regions.find(grid, me.scope()) : firstGrid(me);
		boolean todoOnly = !"all".equals(show);
		String words = q.strip();
		List<MyGridCampaign> open = new java.util.ArrayList<>();
		for (CampaignView campaign : campaigns.openFor(region.path())) {
			List<Coverage.GridHousehold> all = coverage.gridHouseholds(campaign.id(), region.code(), me.scope());
			List<String> buildings = all.stream()
				.map(Coverage.GridHousehold::building)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.sorted()
				.toList();
			List<Coverage.GridHousehold> shown = all.stream()
				.filter(h -> !todoOnly || !h.covered())
				.filter(h -> building.isBlank() || building.equals(h.building()))
				.filter(h -> words.isEmpty() || h.address().contains(words)
						|| (h.door() != null && h.door().contains(words)))
				.toList();
			int pages = Math.max(1, (shown.size() + MY_GRID_PAGE - 1) / MY_GRID_PAGE);
			int at = Math.min(Math.max(page, 0), pages - 1);
			open.add(new MyGridCampaign(campaign, coverage.coverage(campaign.id(), region.code(), me.scope()).region(),
					buildings, shown.subList(at * MY_GRID_PAGE, Math.min(shown.size(), (at + 1) * MY_GRID_PAGE)),
					shown.size(), at, pages));
		}
		model.addAttribute("grid", region);
		model.addAttribute("open", open);
		model.addAttribute("q", words);
		model.addAttribute("building", building);
		model.addAttribute("show", todoOnly ? "todo" : "all");
		return "screening/my-grid";
	}

	/** Households per page of 我的网格: one phone screen and a little more. */
	private static final int MY_GRID_PAGE = 30;

	/**
	 * One open campaign on 我的网格: the grid's coverage (its counter), the buildings to
	 * filter by, and the page of households shown.
	 */
	record MyGridCampaign(CampaignView campaign, Coverage.Figures figures, List<String> buildings,
			List<Coverage.GridHousehold> households, int matching, int page, int pages) {

		public int percent() {
			return figures.households() == 0 ? 0 : (int) (figures.covered() * 100 / figures.households());
		}

	}

	@InitBinder("visit")
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/screening/campaigns/{id}/households/{household}/visit")
	String visitForm(@PathVariable long id, @PathVariable long household, Model model) {
		CurrentUser me = users.current();
		var residents = people.residents(household, me.scope());
		// the visit id is chosen when the form is shown, so submitting it twice records
		// one visit
		model.addAttribute("visit", VisitPageForm.fresh(residents.stream().map(r -> r.id()).toList()));
		return visitPage(id, household, residents, model);
	}

	private String visitPage(long id, long household, List<PersonView> residents, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("campaign", campaigns.find(id, me.scope()));
		model.addAttribute("household", household);
		model.addAttribute("residents", residents);
		model.addAttribute("statuses", ResidentStatus.values());
		model.addAttribute("areas", visits.highRiskAreas());
		return "screening/visit";
	}

	@PostMapping("/screening/campaigns/{id}/households/{household}/visit")
	String recordVisit(@PathVariable long id, @PathVariable long household,
			@Valid @ModelAttribute("visit") VisitPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		List<PersonView> residents = people.residents(household, me.scope());
		if (form.getVisitId() == null) {
			binding.reject("invalid", Messages.text("screening.problem.visit-id"));
		}
		if (form.getOutcome() == null) {
			binding.reject("invalid", Messages.text("screening.problem.outcome"));
		}
		if (!binding.hasErrors()) {
			try {
				visits.record(id, List.of(visitFrom(household, form, residents)), me);
				redirect.addFlashAttribute("recorded", household);
				return "redirect:/screening/my-grid?grid=" + gridOf(household, me);
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, new InvalidInputException(ex.problems()
					.stream()
					.map(p -> new InvalidInputException.FieldProblem(pageField(p.field(), residents), p.reason()))
					.toList()));
			}
		}
		return visitPage(id, household, residents, model);
	}

	private static final Pattern VISIT_FIELD = Pattern
		.compile("visits\\[0]\\.(?:residents\\[(\\d+)]|(unregistered)(?:\\[\\d+])?)(?:\\.(\\w+))?");

	/**
	 * The form field for a problem the service names by its place in the batch: a
	 * resident's row by their person id, the person found as the newcomer.
	 */
	private static String pageField(String field, List<PersonView> residents) {
		Matcher m = VISIT_FIELD.matcher(field);
		if (!m.matches() || m.group(3) == null) {
			return field;
		}
		if (m.group(2) != null) {
			return "newcomer." + m.group(3);
		}
		int index = Integer.parseInt(m.group(1));
		return index < residents.size() ? "residents[" + residents.get(index).id() + "]." + m.group(3) : field;
	}

	private VisitInput visitFrom(long household, VisitPageForm form, List<PersonView> residents) {
		List<VisitInput.ResidentCheck> checks = new ArrayList<>();
		List<VisitInput.NewResident> found = new ArrayList<>();
		if (form.getOutcome() == Outcome.COVERED) {
			for (PersonView resident : residents) {
				VisitPageForm.ResidentRow row = form.row(resident.id());
				checks.add(new VisitInput.ResidentCheck(resident.id(), row.getStatus(), Text.orNull(row.getAwayWhere()),
						row.getTemperature(), row.getFlags(), Text.orNull(row.getTravelFrom())));
			}
			VisitPageForm.Newcomer newcomer = form.getNewcomer();
			if (Text.orNull(newcomer.getName()) != null) {
				found.add(new VisitInput.NewResident(Text.orNull(newcomer.getName()), newcomer.getIdNumber(),
						Text.orNull(newcomer.getPhone()), newcomer.getTemperature(), Set.of()));
			}
		}
		return new VisitInput(form.getVisitId(), household, OffsetDateTime.now(clock), form.getOutcome(), checks,
				found);
	}

	@GetMapping("/screening/flags")
	String flagsPage(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		String code = region != null ? region : regions.roots(me.scope()).get(0).code();
		model.addAttribute("region", regions.find(code, me.scope()));
		model.addAttribute("flags", flags.list(code, true, page, 50, me.scope()));
		return "screening/flags";
	}

	@PostMapping("/screening/flags/{id}/handled")
	String handled(@PathVariable long id, @Valid @ModelAttribute("handled") HandledForm form,
			@RequestParam String region) {
		flags.handle(id, form.note(), users.current());
		return "redirect:/screening/flags?region=" + region;
	}

	private String defaultRegion(long campaignId, CurrentUser me) {
		return coverage.defaultRegion(campaigns.find(campaignId, me.scope()), me.scope());
	}

	private RegionView firstGrid(CurrentUser me) {
		RegionView root = regions.roots(me.scope()).get(0);
		RegionView region = root;
		while (region.level() != RegionLevel.GRID) {
			List<RegionView> children = regions.children(region.code(), me.scope());
			if (children.isEmpty()) {
				break;
			}
			region = children.get(0);
		}
		return region;
	}

	private String gridOf(long household, CurrentUser me) {
		return households.find(household, me.scope()).regionCode();
	}

}
