package cn.huoxian.liaison.web;

import java.io.IOException;

import cn.huoxian.liaison.PairingChange;
import cn.huoxian.liaison.PairingLedger;
import cn.huoxian.liaison.PairingLogForm;
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
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import cn.huoxian.shared.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	@InitBinder
	void binder(WebDataBinder binder) {
		PageForms.wordMismatches(binder);
	}

	@GetMapping("/deployment/pairings")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean missing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		PairingPageForm form = new PairingPageForm();
		form.setStartedOn(BusinessDay.today(clock));
		return listPage(region, missing, page, form, model);
	}

	private String listPage(String region, boolean missing, int page, PairingPageForm form, Model model) {
		CurrentUser me = users.current();
		RegionView where = region == null || region.isBlank() ? null : regions.find(region.strip(), me.scope());
		RegionPath path = where == null ? null : where.path();
		model.addAttribute("region", where);
		model.addAttribute("missing", missing);
		model.addAttribute("pairings", pairings.list(path, null, missing, page, PAGE_SIZE, me.scope()));
		model.addAttribute("summary", pairings.summary(path, me.scope()));
		model.addAttribute("form", form);
		return "deployment/pairings/pairings";
	}

	@PostMapping("/deployment/pairings")
	String create(@Valid @ModelAttribute("form") PairingPageForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				PairingView created = pairings.create(form.toForm(), users.current());
				return "redirect:/deployment/pairings/" + created.id();
			}
			catch (InvalidInputException ex) {
				PageForms.reject(binding, ex);
			}
			catch (RuleViolationException | ForbiddenException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return listPage(form.getListRegion(), false, 0, form, model);
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
	String people(@PathVariable long id, @Valid @ModelAttribute PairingPatch form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return refused(id, redirect, binding);
		}
		return act(id, redirect, "people", () -> pairings.change(id,
				new PairingChange(true, form.getLiaisonLeaderId(), true, form.getResponsiblePersonId(), false, null),
				users.current()));
	}

	/** The person a page adds (to a work team, to a liaison group). */
	record PersonField(@NotNull(message = "{problem.required}") @Min(1) Long personId) {
	}

	@PostMapping("/deployment/pairings/{id}/team")
	String addTeam(@PathVariable long id, @Valid @ModelAttribute PersonField form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return refused(id, redirect, binding);
		}
		return act(id, redirect, "team", () -> pairings.addTeamMember(id, form.personId(), users.current()));
	}

	@PostMapping("/deployment/pairings/{id}/team/{personId}/remove")
	String removeTeam(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
		return act(id, redirect, "team", () -> pairings.removeTeamMember(id, personId, users.current()));
	}

	/** The work plan typed on the pairing's page. */
	record PlanForm(@Size(max = 4000, message = "{liaison.field.too-long}") String workPlan) {
	}

	@PostMapping("/deployment/pairings/{id}/plan")
	String plan(@PathVariable long id, @Valid @ModelAttribute PlanForm form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return refused(id, redirect, binding);
		}
		return act(id, redirect, "plan", () -> pairings.change(id,
				new PairingChange(false, null, false, null, true, form.workPlan()), users.current()));
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
	String log(@PathVariable long id, @Valid @ModelAttribute PairingLogForm form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return refused(id, redirect, binding);
		}
		return act(id, redirect, "log", () -> pairings.log(id, form, users.current()));
	}

	@PostMapping("/deployment/pairings/{id}/shortages")
	String raise(@PathVariable long id, @Valid @ModelAttribute ShortageForm form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return refused(id, redirect, binding);
		}
		return act(id, redirect, "shortage", () -> shortages.raise(id, form, users.current()));
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

	/**
	 * An answer to a shortage (or its resolution), and the page to go back to: the
	 * pairing's or the list of shortages.
	 */
	record AnswerForm(@Size(max = 500, message = "{liaison.field.too-long}") String answer, String back) {
	}

	@PostMapping("/deployment/shortages/{id}/answer")
	String answer(@PathVariable long id, @Valid @ModelAttribute AnswerForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return shortageAct(binding, redirect, "answered", () -> shortages.answer(id, form.answer(), users.current()));
	}

	@PostMapping("/deployment/shortages/{id}/resolve")
	String resolve(@PathVariable long id, @Valid @ModelAttribute AnswerForm form, BindingResult binding,
			RedirectAttributes redirect) {
		return shortageAct(binding, redirect, "resolved", () -> shortages.resolve(id, form.answer(), users.current()));
	}

	private String shortageAct(BindingResult binding, RedirectAttributes redirect, String what, Runnable action) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", problems(binding));
		}
		else {
			try {
				action.run();
				redirect.addFlashAttribute("recorded", what);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				redirect.addFlashAttribute("error", ex.getMessage());
			}
		}
		String back = (String) binding.getFieldValue("back");
		// back only to one of our own pages
		String target = back != null && back.matches("/deployment/pairings/\\d+") ? back : "/deployment/shortages";
		return "redirect:" + target;
	}

	/** A form that did not bind or validate: its problems, shown on the pairing. */
	private static String refused(long id, RedirectAttributes redirect, BindingResult binding) {
		redirect.addFlashAttribute("error", problems(binding));
		return "redirect:/deployment/pairings/" + id;
	}

	/** A binding's problems in one line ("field: reason; …"), for a flash message. */
	private static String problems(BindingResult binding) {
		return new InvalidInputException(PageForms.problems(binding)).getMessage();
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

}
