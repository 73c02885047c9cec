package cn.huoxian.isolation.web;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.isolation.CaseForm;
import cn.huoxian.isolation.CaseStatus;
import cn.huoxian.isolation.CaseView;
import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.isolation.Needs;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.PlausibleDate;
import cn.huoxian.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Isolation under /api/v1/isolation: cases, daily contacts, overdue list, needs,
 * shortening, release.
 */
@RestController
@RequestMapping("/api/v1/isolation")
class IsolationApi {

	private final Cases cases;

	private final cn.huoxian.isolation.MemberCases members;

	private final Needs needs;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final java.time.Clock clock;

	IsolationApi(Cases cases, cn.huoxian.isolation.MemberCases members, Needs needs, Regions regions,
			CurrentUserProvider users, java.time.Clock clock) {
		this.cases = cases;
		this.members = members;
		this.needs = needs;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@Operation(summary = "Open an isolation or medical observation case")
	@PostMapping("/cases")
	@ResponseStatus(HttpStatus.CREATED)
	CaseView open(@Valid @RequestBody CaseForm form) {
		return cases.open(form, users.current());
	}

	@Operation(summary = "List isolation cases under a region")
	@GetMapping("/cases")
	PageResult<CaseView> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) CaseStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return cases.list(path(region, me), status, page, size, me.scope());
	}

	/**
	 * Open cases of a party organisation's members (ill or isolated cadres and party
	 * members).
	 */
	@Operation(summary = "Cases of a party organisation's ill or isolated members")
	@GetMapping("/party-organisations/{id}/cases")
	java.util.List<CaseView> memberCases(@PathVariable long id) {
		return members.ofOrganisation(id, users.current().scope());
	}

	@Operation(summary = "One isolation case with its contacts and needs")
	@GetMapping("/cases/{id}")
	CaseView one(@PathVariable long id) {
		return cases.find(id, users.current().scope());
	}

	@Operation(summary = "Record the day's contact with a case")
	@PostMapping("/cases/{id}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> contact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
		long contact = cases.contact(id, form, users.current());
		var scope = users.current().scope();
		return Map.of("id", contact, "case", form.partyOrganisationId() == null ? cases.find(id, scope)
				: members.find(id, form.partyOrganisationId(), scope));
	}

	/** The body of a need: {@code {"kind","description","helperId"}}. */
	record NeedForm(Needs.Kind kind, @Size(max = 500) String description, @Min(1) Long helperId) {
	}

	@Operation(summary = "Raise a need of an isolated household")
	@PostMapping("/cases/{id}/needs")
	@ResponseStatus(HttpStatus.CREATED)
	Needs.NeedView raise(@PathVariable long id, @Valid @RequestBody NeedForm form) {
		return needs.raise(id, form.kind(), form.description(), form.helperId(), users.current());
	}

	@Operation(summary = "Record a need delivered")
	@PostMapping("/needs/{id}/delivery")
	Needs.NeedView deliver(@PathVariable long id, @RequestBody(required = false) Map<String, Long> body) {
		return needs.deliver(id, body == null ? null : body.get("helperId"), users.current());
	}

	@Operation(summary = "Confirm a delivered need")
	@PostMapping("/needs/{id}/confirmation")
	Needs.NeedView confirm(@PathVariable long id) {
		return needs.confirm(id, users.current());
	}

	@Operation(summary = "Open needs under a region")
	@GetMapping("/needs")
	PageResult<Needs.NeedView> openNeeds(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return needs.open(path(region, me), page, size, me.scope());
	}

	/**
	 * The body of a release: {@code {"outcome":"RELEASED"|"HOSPITALISED"|"LOST","note"}}.
	 */
	record EndForm(CaseStatus outcome, @Size(max = 500) String note) {
	}

	@Operation(summary = "End a case: released, to hospital or lost")
	@PostMapping("/cases/{id}/release")
	CaseView release(@PathVariable long id, @Valid @RequestBody EndForm form) {
		return cases.end(id, form.outcome() == null ? CaseStatus.RELEASED : form.outcome(), form.note(),
				users.current());
	}

	/** The body of a shortening: {@code {"endDate","reason"}}. */
	record ShortenForm(@PlausibleDate LocalDate endDate,
			// stored in the case's end note after "shortened by <user>: "
			@Size(max = 400) String reason) {
	}

	@Operation(summary = "Shorten a case's period (county or city staff, with a reason)")
	@PostMapping("/cases/{id}/shorten")
	CaseView shorten(@PathVariable long id, @Valid @RequestBody ShortenForm form) {
		return cases.shorten(id, form.endDate(), form.reason(), users.current());
	}

	/**
	 * Active cases with no contact that reached the person on that business day (default:
	 * today).
	 */
	@Operation(summary = "Cases not contacted today, per sub-region")
	@GetMapping("/overdue")
	PageResult<CaseView> overdue(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate date,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return cases.overdue(path(region, me), date == null ? BusinessDay.today(clock) : date, page, size, me.scope());
	}

	/**
	 * The path of the region asked for (404 outside scope), or of the user's first scope
	 * root.
	 */
	private RegionPath path(String region, CurrentUser me) {
		if (region == null || region.isBlank()) {
			return regions.roots(me.scope()).stream().findFirst().map(r -> r.path()).orElse(new RegionPath("/none/"));
		}
		return regions.find(region, me.scope()).path();
	}

}
