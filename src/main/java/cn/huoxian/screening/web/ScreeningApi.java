package cn.huoxian.screening.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.screening.Flags;
import cn.huoxian.screening.Recount;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screening under /api/v1/screening: campaigns, visit batches, coverage, blind spots,
 * flags, recount.
 */
@RestController
@RequestMapping("/api/v1/screening")
class ScreeningApi {

	private final Campaigns campaigns;

	private final Visits visits;

	private final Coverage coverage;

	private final Flags flags;

	private final Recount recount;

	private final CurrentUserProvider users;

	ScreeningApi(Campaigns campaigns, Visits visits, Coverage coverage, Flags flags, Recount recount,
			CurrentUserProvider users) {
		this.campaigns = campaigns;
		this.visits = visits;
		this.coverage = coverage;
		this.flags = flags;
		this.recount = recount;
		this.users = users;
	}

	@Operation(summary = "Open a screening campaign")
	@PostMapping("/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	CampaignView create(@Valid @RequestBody CampaignForm form) {
		return campaigns.create(form, users.current());
	}

	@Operation(summary = "List screening campaigns")
	@GetMapping("/campaigns")
	List<CampaignView> list() {
		return campaigns.list(users.current().scope());
	}

	@Operation(summary = "One screening campaign")
	@GetMapping("/campaigns/{id}")
	CampaignView one(@PathVariable long id) {
		return campaigns.find(id, users.current().scope());
	}

	/**
	 * Up to 1,000 visits, validated as a whole (each visit's limits included, named by
	 * its place and visitId); a retried visitId is not counted twice.
	 */
	@Operation(summary = "Record a batch of household visits (idempotent)")
	@PostMapping("/campaigns/{id}/visits")
	Visits.BatchResult record(@PathVariable long id,
			@RequestBody @Size(max = Visits.MAX_BATCH) List<VisitInput> visits) {
		return this.visits.record(id, visits, users.current());
	}

	/** The JSON of a coverage answer: the region's figures and its children's. */
	record CoverageJson(String region, String name, String level, long households, long covered, BigDecimal rate,
			long residentsAccounted, long flagged, long visits, List<Child> children) {

		record Child(String code, String name, String level, long households, long covered, BigDecimal rate,
				long flagged) {
		}

		static CoverageJson of(Coverage.View view) {
			Coverage.Figures f = view.region();
			return new CoverageJson(f.code(), f.name(), f.level(), f.households(), f.covered(), f.rate(),
					f.residentsAccounted(), f.flagged(), f.visits(),
					view.children()
						.stream()
						.map(c -> new Child(c.code(), c.name(), c.level(), c.households(), c.covered(), c.rate(),
								c.flagged()))
						.toList());
		}

	}

	@Operation(summary = "A campaign's coverage of a region and its children")
	@GetMapping("/campaigns/{id}/coverage")
	CoverageJson coverage(@PathVariable long id, @RequestParam(required = false) String region) {
		return CoverageJson.of(coverage.coverage(id, region, users.current().scope()));
	}

	@Operation(summary = "Households not yet covered under a region")
	@GetMapping("/campaigns/{id}/blind-spots")
	PageResult<Coverage.BlindSpot> blindSpots(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return coverage.blindSpots(id, region, page, size, users.current().scope());
	}

	@Operation(summary = "Flagged residents waiting to be handled")
	@GetMapping("/flags")
	PageResult<Flags.FlagView> flags(@RequestParam String region, @RequestParam(defaultValue = "true") boolean open,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return flags.list(region, open, page, size, users.current().scope());
	}

	@Operation(summary = "Mark a flagged resident handled")
	@PostMapping("/flags/{id}/handled")
	Map<String, Boolean> handled(@PathVariable long id, @Valid @RequestBody(required = false) HandledForm body) {
		flags.handle(id, body == null ? null : body.note(), users.current());
		return Map.of("handled", true);
	}

	@Operation(summary = "Recount a campaign's states and counters and repair differences")
	@PostMapping("/campaigns/{id}/recount")
	Recount.Report recount(@PathVariable long id) {
		return recount.recount(id, users.current());
	}

}
