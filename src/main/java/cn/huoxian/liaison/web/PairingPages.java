package cn.huoxian.liaison.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.liaison.PairingChange;
import cn.huoxian.liaison.PairingForm;
import cn.huoxian.liaison.PairingLedger;
import cn.huoxian.liaison.PairingView;
import cn.huoxian.liaison.Pairings;
import cn.huoxian.liaison.ShortageForm;
import cn.huoxian.liaison.ShortageKind;
import cn.huoxian.liaison.Shortages;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pairing pages: the pairings under a region with their completeness badges, a "missing
 * only" filter and a form to pair a unit with a community; one pairing with its five
 * elements, team, plan, ledger and shortages; the open shortages for the units to answer
 * and resolve (phone first).
 */
@Controller
class PairingPages {

	private static final int PAGE_SIZE = 50;

	private final Pairings pairings;

	private final Shortages shortages;

	private final PairingLedger ledger;

	private final LedgerDownloads downloads;

	private final Regions regions;

	private final CurrentUserProvider users;

	private final java.time.Clock clock;

	PairingPages(Pairings pairings, Shortages shortages, PairingLedger ledger, LedgerDownloads downloads,
			Regions regions, CurrentUserProvider users, java.time.Clock clock) {
		this.pairings = pairings;
		this.shortages = shortages;
		this.ledger = ledger;
		this.downloads = downloads;
		this.regions = regions;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/deployment/pairings")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean missing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("startedOn", BusinessDay.today(clock).toString());
		return listPage(region, missing, page, form, Map.of(), model);
	}

	private String listPage(String region, boolean missing, int page, Map<String, String> form,
			Map<String, String> errors, Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank() ? null : regions.find(region.strip(), me.scope());
		String path = where == null ? null : where.path();
		model.addAttribute("region", where);
		model.addAttribute("missing", missing);
		model.addAttribute("pairings", pairings.list(path, null, missing, page, PAGE_SIZE, me.scope()));
		model.addAttribute("summary", pairings.summary(path, me.scope()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "deployment/pairings/pairings";
	}

	@PostMapping("/deployment/pairings")
	String create(@RequestParam Map<String, String> params, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate started = date(params.get("startedOn"), "startedOn", errors);
		Long leader = id(params.get("liaisonLeaderId"), "liaisonLeaderId", errors);
		Long responsible = id(params.get("responsiblePersonId"), "responsiblePersonId", errors);
		List<Long> team = ids(params.get("teamMemberIds"), "teamMemberIds", errors);
		if (errors.isEmpty()) {
			try {
				PairingView created = pairings.create(Forms.check(new PairingForm(params.get("unitCode"),
						params.get("communityCode"), started, leader, responsible, team, params.get("workPlan"))),
						users.current());
				return "redirect:/deployment/pairings/" + created.id();
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.asMap());
			}
			catch (RuleViolationException | ForbiddenException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		String region = params.get("listRegion");
		return listPage(region, false, 0, new LinkedHashMap<>(params), errors, model);
	}

	@GetMapping("/deployment/pairings/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		// resolved first (an argument), so that a region outside the scope answers 404
		// before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.under(region, scope), scope, response);
	}

	@GetMapping("/deployment/pairings/{id}")
	String one(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		PairingView pairing = pairings.find(id, me.scope());
		model.addAttribute("p", pairing);
		model.addAttribute("entries", pairings.ledger(id, me.scope()));
		model.addAttribute("shortages", shortages.forPairing(id, me.scope()));
		model.addAttribute("kinds", ShortageKind.values());
		model.addAttribute("today", BusinessDay.today(clock));
		boolean regionWriter = me.mayEditPeople() && me.scope().coversRegion(pairing.path());
		boolean unitWriter = me.isUnitStaffFor(pairing.unitId());
		boolean communityWriter = me.mayEditPeople() && (regionWriter || !me.isUnitStaff());
		model.addAttribute("regionWriter", regionWriter);
		model.addAttribute("unitWriter", regionWriter || unitWriter);
		model.addAttribute("communityWriter", communityWriter);
		return "deployment/pairings/pairing";
	}

	@PostMapping("/deployment/pairings/{id}/people")
	String people(@PathVariable long id, @RequestParam(required = false) String liaisonLeaderId,
			@RequestParam(required = false) String responsiblePersonId, RedirectAttributes redirect) {
		return act(id, redirect, "people", () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			Long leader = id(liaisonLeaderId, "liaisonLeaderId", errors);
			Long responsible = id(responsiblePersonId, "responsiblePersonId", errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors.entrySet()
					.stream()
					.map(e -> new InvalidInputException.FieldProblem(e.getKey(), e.getValue()))
					.toList());
			}
			pairings.change(id, new PairingChange(true, leader, true, responsible, false, null), users.current());
		});
	}

	@PostMapping("/deployment/pairings/{id}/team")
	String addTeam(@PathVariable long id, @RequestParam(required = false) String personId,
			RedirectAttributes redirect) {
		return act(id, redirect, "team", () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			Long person = id(personId, "personId", errors);
			if (person == null && errors.isEmpty()) {
				errors.put("personId", Messages.text("problem.required"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException("personId", errors.get("personId"));
			}
			pairings.addTeamMember(id, person, users.current());
		});
	}

	@PostMapping("/deployment/pairings/{id}/team/{personId}/remove")
	String removeTeam(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		return act(id, redirect, "team", () -> pairings.removeTeamMember(id, personId, users.current()));
	}

	@PostMapping("/deployment/pairings/{id}/plan")
	String plan(@PathVariable long id, @RequestParam(required = false) String workPlan, RedirectAttributes redirect) {
		return act(id, redirect, "plan", () -> pairings.change(id,
				new PairingChange(false, null, false, null, true, workPlan), users.current()));
	}

	@PostMapping("/deployment/pairings/{id}/plan-file")
	String planFile(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return act(id, redirect, "plan", () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", Messages.text("pairing.field.attach-file"));
			}
			if (file.getSize() > Pairings.MAX_FILE_BYTES) {
				throw new InvalidInputException("file", Messages.text("pairing.field.file-too-large"));
			}
			try {
				pairings.attachPlan(id, file.getOriginalFilename(), file.getBytes(), users.current());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	@GetMapping("/deployment/pairings/{id}/plan-file")
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

	@PostMapping("/deployment/pairings/{id}/log")
	String log(@PathVariable long id, @RequestParam(required = false) String day,
			@RequestParam(required = false) String entry, RedirectAttributes redirect) {
		return act(id, redirect, "log", () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate parsed = date(day, "day", errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("day", errors.get("day"));
			}
			pairings.log(id, parsed, entry, users.current());
		});
	}

	@PostMapping("/deployment/pairings/{id}/shortages")
	String raise(@PathVariable long id, @RequestParam(required = false) ShortageKind kind,
			@RequestParam(required = false) String item, @RequestParam(required = false) String quantity,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(id, redirect, "shortage", () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			Long parsed = id(quantity, "quantity", errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("quantity", errors.get("quantity"));
			}
			Integer amount = parsed == null ? null : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, parsed));
			shortages.raise(id, Forms.check(new ShortageForm(kind, item, amount, note)), users.current());
		});
	}

	@GetMapping("/deployment/shortages")
	String shortageList(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank() ? null : regions.find(region.strip(), me.scope());
		model.addAttribute("region", where);
		model.addAttribute("status", status);
		model.addAttribute("shortages",
				shortages.list(where == null ? null : where.path(), status, null, page, PAGE_SIZE, me.scope()));
		return "deployment/pairings/shortages";
	}

	@PostMapping("/deployment/shortages/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return shortageAct(back, redirect, "answered", () -> shortages.answer(id, answer, users.current()));
	}

	@PostMapping("/deployment/shortages/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return shortageAct(back, redirect, "resolved", () -> shortages.resolve(id, answer, users.current()));
	}

	private String shortageAct(String back, RedirectAttributes redirect, String what, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("recorded", what);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		// back only to one of our own pages
		String target = back != null && back.matches("/deployment/pairings/\\d+") ? back : "/deployment/shortages";
		return "redirect:" + target;
	}

	private String act(long id, RedirectAttributes redirect, String what, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("recorded", what);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/deployment/pairings/" + id;
	}

	// ---- form parsing shared with the liaison pages

	static Long id(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, Messages.text("deployment.form.not-a-number", value.strip()));
			return null;
		}
	}

	static List<Long> ids(String value, String field, Map<String, String> errors) {
		List<Long> ids = new ArrayList<>();
		for (String part : LiaisonPages.split(value)) {
			Long id = id(part, field, errors);
			if (id != null && !ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	static List<String> codes(String value) {
		return LiaisonPages.split(value);
	}

	static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, Messages.text("deployment.form.not-a-date"));
			return null;
		}
	}

}
