package cn.huoxian.screening.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.screening.Flag;
import cn.huoxian.screening.Flags;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
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
				ex.problems().forEach(p -> binding.rejectValue(p.field(), "invalid", p.reason()));
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
					.filter(r -> r.path().startsWith(view.campaign().rootPath()))
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
	String myGrid(@RequestParam(required = false) String grid, Model model) {
		CurrentUser me = users.current();
		RegionView region = grid != null ? regions.find(grid, me.scope()) : firstGrid(me);
		Map<CampaignView, Object> open = new LinkedHashMap<>();
		for (CampaignView campaign : campaigns.openFor(region.path())) {
			open.put(campaign, coverage.blindSpots(campaign.id(), region.code(), 0, 200, me.scope()));
		}
		model.addAttribute("grid", region);
		model.addAttribute("open", open);
		return "screening/my-grid";
	}

	@GetMapping("/screening/campaigns/{id}/households/{household}/visit")
	String visitForm(@PathVariable long id, @PathVariable long household, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("campaign", campaigns.find(id, me.scope()));
		model.addAttribute("household", household);
		model.addAttribute("residents", people.residents(household, me.scope()));
		// chosen when the form is shown, so submitting it twice records one visit
		model.addAttribute("visitId", UUID.randomUUID());
		model.addAttribute("statuses", ResidentStatus.values());
		model.addAttribute("areas", visits.highRiskAreas());
		return "screening/visit";
	}

	@PostMapping("/screening/campaigns/{id}/households/{household}/visit")
	String recordVisit(@PathVariable long id, @PathVariable long household, @RequestParam UUID visitId,
			@RequestParam Outcome outcome, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		try {
			visits.record(id, List.of(visitFrom(visitId, household, outcome, form, me)), me);
		}
		catch (InvalidInputException ex) {
			visitForm(id, household, model);
			model.addAttribute("visitId", visitId);
			model.addAttribute("error", ex.problems().get(0).reason());
			return "screening/visit";
		}
		redirect.addFlashAttribute("recorded", household);
		return "redirect:/screening/my-grid?grid=" + gridOf(household, me);
	}

	private VisitInput visitFrom(UUID visitId, long household, Outcome outcome, MultiValueMap<String, String> form,
			CurrentUser me) {
		List<VisitInput.ResidentCheck> checks = new ArrayList<>();
		List<VisitInput.NewResident> found = new ArrayList<>();
		if (outcome == Outcome.COVERED) {
			for (var resident : people.residents(household, me.scope())) {
				long pid = resident.id();
				String status = form.getFirst("status_" + pid);
				checks.add(new VisitInput.ResidentCheck(pid, status == null ? null : ResidentStatus.valueOf(status),
						blank(form.getFirst("away_" + pid)), decimal(form.getFirst("temperature_" + pid)),
						flagsOf(form.get("flags_" + pid)), blank(form.getFirst("travel_" + pid))));
			}
			String newName = blank(form.getFirst("new_name"));
			if (newName != null) {
				found.add(new VisitInput.NewResident(newName, form.getFirst("new_idNumber"),
						blank(form.getFirst("new_phone")), decimal(form.getFirst("new_temperature")), Set.of()));
			}
		}
		return new VisitInput(visitId, household, OffsetDateTime.now(clock), outcome, checks, found);
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
	String handled(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam String region) {
		flags.handle(id, Forms.checkLength("note", note, 500), users.current());
		return "redirect:/screening/flags?region=" + region;
	}

	private String defaultRegion(long campaignId, CurrentUser me) {
		CampaignView campaign = campaigns.find(campaignId, me.scope());
		return me.scope().coversRegion(campaign.rootPath()) ? campaign.rootRegion()
				: me.scope().regions().get(0).code();
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

	private static Set<Flag> flagsOf(List<String> values) {
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		if (values != null) {
			values.forEach(v -> flags.add(Flag.valueOf(v)));
		}
		return flags;
	}

	private static BigDecimal decimal(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("temperature", Messages.text("screening.problem.not-a-number", value));
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
