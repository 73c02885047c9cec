package cn.huoxian.householdlink.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.householdlink.HouseholdLinkView;
import cn.huoxian.householdlink.HouseholdLinks;
import cn.huoxian.householdlink.LinkLedger;
import cn.huoxian.householdlink.LinkMember;
import cn.huoxian.householdlink.LinkShare;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 1+10 pages: the linked share per child region with drill-down; at a community its party
 * members and how many households each has linked; and the phone flow where a grid worker
 * picks a party member and ticks the households of a grid.
 */
@Controller
class HouseholdLinkPages {

	private static final int GRID_HOUSEHOLDS = 500;

	private final HouseholdLinks links;

	private final LinkLedger ledger;

	private final LedgerDownloads downloads;

	private final Households households;

	private final Regions regions;

	private final CurrentUserProvider users;

	HouseholdLinkPages(HouseholdLinks links, LinkLedger ledger, LedgerDownloads downloads, Households households,
			Regions regions, CurrentUserProvider users) {
		this.links = links;
		this.ledger = ledger;
		this.downloads = downloads;
		this.households = households;
		this.regions = regions;
		this.users = users;
	}

	@GetMapping("/deployment/household-links")
	String share(@RequestParam(required = false) String region, Model model) {
		CurrentUser me = users.current();
		RegionView where = HouseholdLinkApi.region(regions, region, me);
		model.addAttribute("region", where);
		model.addAttribute("breadcrumbs", regions.breadcrumbs(where.code(), me.scope()));
		LinkShare share = links.share(where, me.scope());
		model.addAttribute("share", share);
		RegionPath community = HouseholdLinks.communityPath(where.path());
		List<LinkMember> members = community == null ? List.of() : links.members(community, me.scope());
		model.addAttribute("community", community != null);
		model.addAttribute("members", members);
		model.addAttribute("limit", HouseholdLinks.LIMIT);
		return "deployment/links/index";
	}

	@GetMapping("/deployment/household-links/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		CurrentUser me = users.current();
		downloads.send(ledger, HouseholdLinkApi.region(regions, region, me), me.scope(), response);
	}

	/**
	 * The ticks sent back: the grid, the party member, the households ticked among those
	 * shown.
	 */
	record TickForm(@NotBlank(message = "{problem.required}") @Size(max = 20) String region, @Min(1) Long member,
			@Size(max = 1000) List<Long> household, @Size(max = 1000) List<Long> shown) {
	}

	/** The tick list: a grid's households for one party member of its community. */
	@GetMapping("/deployment/household-links/tick")
	String tick(@RequestParam String region, @RequestParam(required = false) Long member, Model model) {
		return tickPage(region, member, Map.of(), null, model);
	}

	@PostMapping("/deployment/household-links/tick")
	String save(@Valid @ModelAttribute("ticks") TickForm form, Model model) {
		CurrentUser me = users.current();
		String region = form.region();
		Long member = form.member();
		if (member == null) {
			return tickPage(region, null, Map.of(), "member", model);
		}
		Set<Long> on = form.household() == null ? Set.of() : Set.copyOf(form.household());
		List<Long> all = form.shown() == null ? List.of() : form.shown();
		Map<Long, HouseholdLinkView> current = links.linksOf(all);
		Map<Long, String> errors = new LinkedHashMap<>();
		int linked = 0;
		int unlinked = 0;
		for (Long household : all) {
			HouseholdLinkView link = current.get(household);
			try {
				if (on.contains(household) && link == null) {
					links.link(member, household, null, me);
					linked++;
				}
				else if (!on.contains(household) && link != null && link.partyMemberId() == member) {
					links.unlink(household, me);
					unlinked++;
				}
				else if (on.contains(household) && link.partyMemberId() != member) {
					errors.put(household, Messages.text("links.linkedTo", link.partyMemberName()));
				}
			}
			catch (RuleViolationException | InvalidInputException | ForbiddenException | NotFoundException ex) {
				errors.put(household, ex.getMessage());
			}
		}
		model.addAttribute("saved", new int[] { linked, unlinked });
		return tickPage(region, member, errors, null, model);
	}

	private String tickPage(String region, Long member, Map<Long, String> errors, String missing, Model model) {
		CurrentUser me = users.current();
		RegionView where = regions.find(region, me.scope());
		model.addAttribute("region", where);
		RegionPath community = HouseholdLinks.communityPath(where.path());
		if (where.level() != RegionLevel.GRID || community == null) {
			// pick a grid first
			model.addAttribute("grids",
					regions.children(where.code(), me.scope())
						.stream()
						.filter(r -> r.level() == RegionLevel.GRID)
						.toList());
			model.addAttribute("households", List.of());
			model.addAttribute("members", List.of());
			return "deployment/links/tick";
		}
		model.addAttribute("grids", List.of());
		List<LinkMember> members = links.members(community, me.scope());
		model.addAttribute("members", members);
		model.addAttribute("member", member);
		model.addAttribute("memberName",
				members.stream()
					.filter(m -> member != null && m.personId() == member)
					.map(LinkMember::name)
					.findFirst()
					.orElse(member == null ? null : String.valueOf(member)));
		model.addAttribute("missing", missing);
		List<HouseholdView> list = member == null ? List.of()
				: households.list(where.code(), 0, GRID_HOUSEHOLDS, me.scope()).items();
		Map<Long, HouseholdLinkView> current = links.linksOf(list.stream().map(HouseholdView::id).toList());
		List<TickRow> rows = new ArrayList<>();
		for (HouseholdView h : list) {
			HouseholdLinkView link = current.get(h.id());
			rows.add(new TickRow(h.id(), h.buildingName(), h.address(), h.door(),
					link != null && link.partyMemberId() == member,
					link == null || link.partyMemberId() == member ? null : link.partyMemberName(),
					errors.get(h.id())));
		}
		model.addAttribute("households", rows);
		model.addAttribute("errorCount", errors.size());
		model.addAttribute("limit", HouseholdLinks.LIMIT);
		return "deployment/links/tick";
	}

	/**
	 * One household on the tick list: ticked when linked to the member, or linked to
	 * another.
	 */
	record TickRow(long id, String building, String address, String door, boolean ticked, String linkedTo,
			String error) {
	}

}
