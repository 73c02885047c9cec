package cn.huoxian.householdlink.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.huoxian.householdlink.HouseholdLinkView;
import cn.huoxian.householdlink.HouseholdLinks;
import cn.huoxian.householdlink.LinkLedger;
import cn.huoxian.householdlink.LinkShare;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.web.LedgerDownloads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 1+10 household links under /api/v1/deployment/household-links: link, unlink, list, the
 * linked share per region and the .xlsx ledger.
 */
@RestController
@RequestMapping("/api/v1/deployment/household-links")
class HouseholdLinkApi {

	private final HouseholdLinks links;

	private final LinkLedger ledger;

	private final LedgerDownloads downloads;

	private final Regions regions;

	private final CurrentUserProvider users;

	HouseholdLinkApi(HouseholdLinks links, LinkLedger ledger, LedgerDownloads downloads, Regions regions,
			CurrentUserProvider users) {
		this.links = links;
		this.ledger = ledger;
		this.downloads = downloads;
		this.regions = regions;
		this.users = users;
	}

	/** The body of a link: {@code {"partyMemberId","householdId","linkedOn"}}. */
	record LinkForm(@NotNull(message = "{problem.required}") @Min(1) Long partyMemberId,
			@NotNull(message = "{problem.required}") @Min(1) Long householdId, @PlausibleDate LocalDate linkedOn) {
	}

	@Operation(summary = "Link a household to a party member (1+10)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdLinkView link(@Valid @RequestBody LinkForm form) {
		return links.link(form.partyMemberId(), form.householdId(), form.linkedOn(), users.current());
	}

	@Operation(summary = "Unlink a household from its party member")
	@DeleteMapping("/{householdId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(@PathVariable long householdId) {
		links.unlink(householdId, users.current());
	}

	@Operation(summary = "List household links under a region")
	@GetMapping
	PageResult<HouseholdLinkView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) Long partyMemberId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return links.list(region(region, me).path(), partyMemberId, page, size, me.scope());
	}

	@Operation(summary = "Share of households linked, per sub-region")
	@GetMapping("/share")
	LinkShare share(@RequestParam(required = false) String region) {
		CurrentUser me = users.current();
		return links.share(region(region, me), me.scope());
	}

	@Operation(summary = "Download the household link ledger (.xlsx)")
	@GetMapping("/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		CurrentUser me = users.current();
		// resolved before the file starts, so a region outside the scope still answers
		// 404
		downloads.send(ledger, region(region, me), me.scope(), response);
	}

	/** The region asked for (404 outside scope), or the user's first scope root. */
	static RegionView region(Regions regions, String region, CurrentUser me) {
		return regions.findOrFirstRoot(region, me.scope());
	}

	private RegionView region(String region, CurrentUser me) {
		return region(regions, region, me);
	}

}
