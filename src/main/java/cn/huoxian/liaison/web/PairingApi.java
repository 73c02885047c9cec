package cn.huoxian.liaison.web;

import java.io.IOException;
import java.util.List;

import cn.huoxian.liaison.PairingForm;
import cn.huoxian.liaison.PairingLedger;
import cn.huoxian.liaison.PairingLogEntry;
import cn.huoxian.liaison.PairingLogForm;
import cn.huoxian.liaison.PairingSummary;
import cn.huoxian.liaison.PairingView;
import cn.huoxian.liaison.Pairings;
import cn.huoxian.liaison.ShortageForm;
import cn.huoxian.liaison.ShortageView;
import cn.huoxian.liaison.Shortages;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.web.LedgerDownloads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Unit ↔ community pairings (五个一) and the communities' shortages under
 * /api/v1/deployment: pairings with their five elements and completeness, the work team,
 * the work-plan file, the ledger (running log), the summary and the .xlsx ledger; the
 * shortages raised, answered and resolved.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class PairingApi {

	private final Pairings pairings;

	private final Shortages shortages;

	private final PairingLedger ledger;

	private final LedgerDownloads downloads;

	private final Regions regions;

	private final Units units;

	private final CurrentUserProvider users;

	PairingApi(Pairings pairings, Shortages shortages, PairingLedger ledger, LedgerDownloads downloads, Regions regions,
			Units units, CurrentUserProvider users) {
		this.pairings = pairings;
		this.shortages = shortages;
		this.ledger = ledger;
		this.downloads = downloads;
		this.regions = regions;
		this.units = units;
		this.users = users;
	}

	@Operation(summary = "Pair a unit with a community (五个一)")
	@PostMapping("/pairings")
	@ResponseStatus(HttpStatus.CREATED)
	PairingView create(@Valid @RequestBody PairingForm form) {
		return pairings.create(form, users.current());
	}

	@Operation(summary = "List unit–community pairings under a region")
	@GetMapping("/pairings")
	PageResult<PairingView> list(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean incomplete, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return pairings.list(path(region, me), unitId(unit), incomplete, page, size, me.scope());
	}

	@Operation(summary = "Pairing figures under a region: paired, complete, shortages")
	@GetMapping("/pairings/summary")
	PairingSummary summary(@RequestParam(required = false) String region) {
		CurrentUser me = users.current();
		return pairings.summary(path(region, me), me.scope());
	}

	@Operation(summary = "Download the pairing ledger (.xlsx)")
	@GetMapping("/pairings/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		// resolved first (an argument), so that a region outside the scope answers 404
		// before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.under(region, scope), scope, response);
	}

	@Operation(summary = "One pairing with its five elements and completeness")
	@GetMapping("/pairings/{id}")
	PairingView one(@PathVariable long id) {
		return pairings.find(id, users.current().scope());
	}

	/**
	 * Changes the liaison leader, the responsible person (null clears) or the work plan's
	 * text: {@code {"liaisonLeaderId","responsiblePersonId","workPlan"}}.
	 */
	@Operation(summary = "Change a pairing's liaison leader, responsible person or work plan")
	@PatchMapping("/pairings/{id}")
	PairingView change(@PathVariable long id, @Valid @RequestBody PairingPatch body) {
		return pairings.change(id, body.change(), users.current());
	}

	@Operation(summary = "Remove a pairing")
	@DeleteMapping("/pairings/{id}")
	ResponseEntity<Void> remove(@PathVariable long id) {
		pairings.remove(id, users.current());
		return ResponseEntity.noContent().build();
	}

	/** The body of a new team member: {@code {"personId"}}. */
	record PersonBody(@Min(1) Long personId) {
	}

	@Operation(summary = "Add a person to a pairing's work team")
	@PostMapping("/pairings/{id}/team")
	PairingView addTeamMember(@PathVariable long id, @Valid @RequestBody PersonBody body) {
		return pairings.addTeamMember(id, body.personId(), users.current());
	}

	@Operation(summary = "Remove a person from a pairing's work team")
	@DeleteMapping("/pairings/{id}/team/{personId}")
	PairingView removeTeamMember(@PathVariable long id, @PathVariable long personId) {
		return pairings.removeTeamMember(id, personId, users.current());
	}

	@Operation(summary = "Attach the pairing's work plan file")
	@PostMapping(path = "/pairings/{id}/work-plan-file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PairingView attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", Messages.text("pairing.field.attach-file"));
		}
		if (file.getSize() > Pairings.MAX_FILE_BYTES) {
			throw new InvalidInputException("file", Messages.text("pairing.field.file-too-large"));
		}
		return pairings.attachPlan(id, file.getOriginalFilename(), file.getBytes(), users.current());
	}

	@Operation(summary = "Download the pairing's work plan file")
	@GetMapping("/pairings/{id}/work-plan-file")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		Pairings.PlanFile file = pairings.planFile(id, users.current().scope());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

	@Operation(summary = "Add an entry to a pairing's ledger")
	@PostMapping("/pairings/{id}/log")
	@ResponseStatus(HttpStatus.CREATED)
	PairingLogEntry log(@PathVariable long id, @Valid @RequestBody PairingLogForm body) {
		return pairings.log(id, body, users.current());
	}

	@Operation(summary = "A pairing's ledger entries")
	@GetMapping("/pairings/{id}/log")
	List<PairingLogEntry> ledgerEntries(@PathVariable long id) {
		return pairings.ledger(id, users.current().scope());
	}

	@Operation(summary = "Raise a community shortage to the paired unit")
	@PostMapping("/pairings/{id}/shortages")
	@ResponseStatus(HttpStatus.CREATED)
	ShortageView raise(@PathVariable long id, @Valid @RequestBody ShortageForm form) {
		return shortages.raise(id, form, users.current());
	}

	@Operation(summary = "A pairing's shortages")
	@GetMapping("/pairings/{id}/shortages")
	List<ShortageView> pairingShortages(@PathVariable long id) {
		return shortages.forPairing(id, users.current().scope());
	}

	@Operation(summary = "List shortages under a region")
	@GetMapping("/shortages")
	PageResult<ShortageView> shortages(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return shortages.list(path(region, me), status, unitId(unit), page, size, me.scope());
	}

	@Operation(summary = "One shortage")
	@GetMapping("/shortages/{id}")
	ShortageView shortage(@PathVariable long id) {
		return shortages.find(id, users.current().scope());
	}

	/** The body of an answer or resolution: {@code {"answer"}}. */
	record AnswerBody(@Size(max = 500) String answer) {
	}

	@Operation(summary = "Answer a shortage (the paired unit)")
	@PostMapping("/shortages/{id}/answer")
	ShortageView answer(@PathVariable long id, @Valid @RequestBody AnswerBody body) {
		return shortages.answer(id, body.answer(), users.current());
	}

	@Operation(summary = "Resolve a shortage (the community)")
	@PostMapping("/shortages/{id}/resolve")
	ShortageView resolve(@PathVariable long id, @Valid @RequestBody(required = false) AnswerBody body) {
		return shortages.resolve(id, body == null ? null : body.answer(), users.current());
	}

	/**
	 * The path of the region asked for (404 outside scope), or null for the whole scope.
	 */
	private RegionPath path(String region, CurrentUser me) {
		return region == null || region.isBlank() ? null : regions.find(region.strip(), me.scope()).path();
	}

	private Long unitId(String unit) {
		if (unit == null || unit.isBlank()) {
			return null;
		}
		return units.byCode(unit.strip())
			.orElseThrow(
					() -> new InvalidInputException("unit", Messages.text("pairing.field.unknown-unit", unit.strip())))
			.id();
	}

}
