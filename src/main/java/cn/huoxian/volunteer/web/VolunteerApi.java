package cn.huoxian.volunteer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.web.LedgerDownloads;
import cn.huoxian.volunteer.Claims;
import cn.huoxian.volunteer.Needs;
import cn.huoxian.volunteer.Registrations;
import cn.huoxian.volunteer.ServiceRecords;
import cn.huoxian.volunteer.UnitReports;
import cn.huoxian.volunteer.VolunteerLedgers;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
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
 * 双报到: units reporting in and the community's receipt, members' registrations, the
 * community's needs, claims and confirmed hours, and the service record read back by the
 * unit and the community (with their .xlsx ledgers).
 */
@RestController
@RequestMapping("/api/v1/volunteer")
class VolunteerApi {

	private final UnitReports unitReports;

	private final Registrations registrations;

	private final Needs needs;

	private final Claims claims;

	private final ServiceRecords records;

	private final LedgerDownloads downloads;

	private final VolunteerLedgers.CommunityLedger communityLedger;

	private final VolunteerLedgers.UnitLedger unitLedger;

	private final CurrentUserProvider users;

	VolunteerApi(UnitReports unitReports, Registrations registrations, Needs needs, Claims claims,
			ServiceRecords records, LedgerDownloads downloads, VolunteerLedgers.CommunityLedger communityLedger,
			VolunteerLedgers.UnitLedger unitLedger, CurrentUserProvider users) {
		this.unitReports = unitReports;
		this.registrations = registrations;
		this.needs = needs;
		this.claims = claims;
		this.records = records;
		this.downloads = downloads;
		this.communityLedger = communityLedger;
		this.unitLedger = unitLedger;
		this.users = users;
	}

	record UnitReportBody(@Min(1) Long unitId, @Size(max = 20) String communityCode, @Size(max = 500) String note) {
	}

	record RegistrationBody(@Min(1) Long personId) {
	}

	record NeedBody(@Size(max = 20) String communityCode, @Size(max = 24) String kind, @Size(max = 100) String title,
			@Size(max = 200) String place, OffsetDateTime startsAt, OffsetDateTime endsAt,
			@Min(1) @Max(200) Integer people) {
	}

	record ConfirmBody(@DecimalMin("0.5") @DecimalMax("24") BigDecimal hours) {
	}

	@Operation(summary = "A unit's party organisation reports in to a community in its area")
	@PostMapping("/unit-reports")
	@ResponseStatus(HttpStatus.CREATED)
	UnitReports.UnitReportView report(@RequestBody UnitReportBody body) {
		return unitReports.report(body.unitId(), body.communityCode(), body.note(), users.current());
	}

	@Operation(summary = "The community's receipt of a unit's report in")
	@PostMapping("/unit-reports/{reportId}/receipt")
	UnitReports.UnitReportView receive(@PathVariable long reportId) {
		return unitReports.receive(reportId, users.current());
	}

	@Operation(summary = "A unit's reports in")
	@GetMapping("/units/{unitId}/reports")
	List<UnitReports.UnitReportView> unitReports(@PathVariable long unitId) {
		return unitReports.ofUnit(unitId, users.current());
	}

	@Operation(summary = "Register (or re-register) a party member with the community where they live; "
			+ "without personId, the caller")
	@PostMapping("/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	Registrations.RegistrationView register(@RequestBody(required = false) RegistrationBody body) {
		return registrations.register(body == null ? null : body.personId(), users.current());
	}

	@Operation(summary = "My registration")
	@GetMapping("/registrations/mine")
	Registrations.RegistrationView myRegistration() {
		return registrations.mine(users.current())
			.orElseThrow(() -> new NotFoundException(Messages.text("volunteer.what.registration")));
	}

	@Operation(summary = "Publish a need: kind, time slot, number of people")
	@PostMapping("/needs")
	@ResponseStatus(HttpStatus.CREATED)
	Needs.ServiceNeed publish(@RequestBody NeedBody body) {
		return needs.publish(new Needs.ServiceNeedForm(body.communityCode(), body.kind(), body.title(), body.place(),
				body.startsAt(), body.endsAt(), body.people()), users.current());
	}

	@Operation(summary = "A community's needs from a day on (the caller's own community when registered)")
	@GetMapping("/needs")
	PageResult<Needs.ServiceNeed> list(@RequestParam(required = false) String community,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return needs.ofCommunity(community, from, page, size, users.current());
	}

	@Operation(summary = "One need")
	@GetMapping("/needs/{needId}")
	Needs.ServiceNeed need(@PathVariable long needId) {
		return needs.find(needId, users.current());
	}

	@Operation(summary = "Cancel a need not yet started")
	@PostMapping("/needs/{needId}/cancel")
	Needs.ServiceNeed cancel(@PathVariable long needId) {
		return needs.cancel(needId, users.current());
	}

	@Operation(summary = "The claims on a need")
	@GetMapping("/needs/{needId}/claims")
	List<Claims.ClaimView> claimsOf(@PathVariable long needId) {
		return claims.ofNeed(needId, users.current());
	}

	@Operation(summary = "Claim a place on a need of the community I am registered with")
	@PostMapping("/needs/{needId}/claims")
	@ResponseStatus(HttpStatus.CREATED)
	Claims.ClaimView claim(@PathVariable long needId) {
		return claims.claim(needId, users.current());
	}

	@Operation(summary = "My claims, from a week ago on")
	@GetMapping("/claims/mine")
	List<Claims.ClaimView> myClaims() {
		return claims.mine(users.current());
	}

	@Operation(summary = "Give a claimed place back before the need starts")
	@PostMapping("/claims/{claimId}/withdraw")
	Claims.ClaimView withdraw(@PathVariable long claimId) {
		return claims.withdraw(claimId, users.current());
	}

	@Operation(summary = "Confirm a member's attendance and hours (or correct them)")
	@PostMapping("/claims/{claimId}/confirm")
	Claims.ClaimView confirm(@PathVariable long claimId, @RequestBody ConfirmBody body) {
		return claims.confirm(claimId, body.hours(), users.current());
	}

	@Operation(summary = "Record that a member who claimed did not come")
	@PostMapping("/claims/{claimId}/absent")
	Claims.ClaimView absent(@PathVariable long claimId) {
		return claims.absent(claimId, users.current());
	}

	@Operation(summary = "A unit's in-service party members with their confirmed hours by kind, and who has not "
			+ "registered")
	@GetMapping("/units/{unitId}/members")
	ServiceRecords.UnitHours unitMembers(@PathVariable long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean unregistered) {
		return records.unit(unitId, records.period(from, to), unregistered, users.current());
	}

	@Operation(summary = "A unit's member hours as .xlsx")
	@GetMapping("/units/{unitId}/members.xlsx")
	void unitMembersLedger(@PathVariable long unitId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws java.io.IOException {
		var me = users.current();
		downloads.send(unitLedger, records.unit(unitId, records.period(from, to), false, me), me.scope(), response);
	}

	@Operation(summary = "Who serves a community: its registered members with their hours there, and the units "
			+ "reported in")
	@GetMapping("/communities/{community}/members")
	ServiceRecords.CommunityService communityMembers(@PathVariable String community,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return records.community(community, records.period(from, to), page, size, users.current());
	}

	@Operation(summary = "A community's service ledger as .xlsx")
	@GetMapping("/communities/{community}/ledger.xlsx")
	void communityServiceLedger(@PathVariable String community,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws java.io.IOException {
		var me = users.current();
		downloads.send(communityLedger, records.ledger(community, records.period(from, to), me), me.scope(), response);
	}

}
