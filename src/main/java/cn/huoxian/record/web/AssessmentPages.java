package cn.huoxian.record.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.people.CadreRank;
import cn.huoxian.record.AssessmentLedger;
import cn.huoxian.record.AssessmentProfiles;
import cn.huoxian.record.Assessments;
import cn.huoxian.record.Conclusion;
import cn.huoxian.record.Recommendation;
import cn.huoxian.record.RoundForm;
import cn.huoxian.record.RoundView;
import cn.huoxian.record.ScoreForm;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.web.LedgerDownloads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessment pages: the rounds in scope with the form that opens one, a round's ranked
 * table with figures beside the peer median, a cadre's profile with the score form, and
 * the printable one-page profile (A4, no navigation).
 */
@Controller
class AssessmentPages {

	private final Assessments assessments;

	private final AssessmentProfiles profiles;

	private final AssessmentLedger ledger;

	private final LedgerDownloads downloads;

	private final CurrentUserProvider users;

	private final Clock clock;

	AssessmentPages(Assessments assessments, AssessmentProfiles profiles, AssessmentLedger ledger,
			LedgerDownloads downloads, CurrentUserProvider users, Clock clock) {
		this.clock = clock;
		this.assessments = assessments;
		this.profiles = profiles;
		this.ledger = ledger;
		this.downloads = downloads;
		this.users = users;
	}

	@GetMapping("/assessment")
	String rounds(Model model) {
		return roundsPage(model, "", "", List.of(), false, String.join(" ", RoundForm.DEFAULT_DIMENSIONS), null);
	}

	private String roundsPage(Model model, String name, String region, List<String> ranks, boolean deployedOnly,
			String dimensions, String error) {
		CurrentUser me = users.current();
		model.addAttribute("rounds", assessments.list(null, me));
		model.addAttribute("allRanks", CadreRank.values());
		model.addAttribute("name", name);
		model.addAttribute("region", region);
		model.addAttribute("ranks", ranks);
		model.addAttribute("deployedOnly", deployedOnly);
		model.addAttribute("dimensions", dimensions);
		model.addAttribute("error", error);
		return "record/assessment/rounds";
	}

	@PostMapping("/assessment")
	String open(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String region,
			@RequestParam(required = false) List<String> ranks,
			@RequestParam(defaultValue = "false") boolean deployedOnly,
			@RequestParam(defaultValue = "") String dimensions, Model model) {
		List<String> chosen = ranks == null ? List.of() : ranks;
		List<String> dims = Arrays.stream(dimensions.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
		String error;
		try {
			List<CadreRank> parsed = chosen.stream().map(CadreRank::valueOf).toList();
			RoundView round = assessments.open(new RoundForm(name, region, parsed, deployedOnly, dims),
					users.current());
			return "redirect:/assessment/rounds/" + round.id();
		}
		catch (InvalidInputException ex) {
			error = ex.problems()
				.stream()
				.map(p -> p.field() + ": " + p.reason())
				.reduce((a, b) -> a + "; " + b)
				.orElse("");
		}
		catch (RuleViolationException ex) {
			error = ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			List<String> unknown = chosen.stream()
				.filter(r -> Arrays.stream(CadreRank.values()).noneMatch(c -> c.name().equals(r)))
				.toList();
			error = "ranks: " + Messages.text("problem.field.unknown-value", String.join(", ", unknown));
		}
		return roundsPage(model, name, region, chosen, deployedOnly, dimensions, error);
	}

	@GetMapping("/assessment/rounds/{id}")
	String round(@PathVariable long id, Model model) {
		CurrentUser me = users.current();
		model.addAttribute("round", assessments.find(id, me));
		model.addAttribute("history", assessments.history(id, me));
		model.addAttribute("figures", Assessments.FIGURES);
		model.addAttribute("belowMedianPercent", assessments.settings().belowMedianPercent());
		return "record/assessment/round";
	}

	@PostMapping("/assessment/rounds/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		try {
			assessments.close(id, users.current());
			redirect.addFlashAttribute("flash", "assessment.closed");
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/assessment/rounds/" + id;
	}

	@GetMapping("/assessment/rounds/{id}/ledger.xlsx")
	void ledger(@PathVariable long id, HttpServletResponse response) throws IOException {
		CurrentUser me = users.current();
		// the round is found in scope (404) before anything is written
		downloads.send(ledger, ledger.round(id, me), me.scope(), response);
	}

	@GetMapping("/assessment/rounds/{id}/cadres/{personId}")
	String profile(@PathVariable long id, @PathVariable long personId, Model model) {
		return profilePage(id, personId, model, null, null);
	}

	private String profilePage(long id, long personId, Model model, Map<String, String> typed, String error) {
		AssessmentProfiles.Profile profile = profiles.view(id, personId, false, users.current());
		model.addAttribute("p", profile);
		model.addAttribute("figures", Assessments.FIGURES);
		model.addAttribute("belowMedianPercent", assessments.settings().belowMedianPercent());
		model.addAttribute("conclusions", Conclusion.values());
		model.addAttribute("recommendations", Recommendation.values());
		model.addAttribute("error", error);
		Map<String, String> form = new LinkedHashMap<>();
		var cadre = profile.cadre();
		List<String> dimensions = profile.round().dimensions();
		for (int i = 0; i < dimensions.size(); i++) {
			Integer score = cadre.scores() == null ? null : cadre.scores().get(dimensions.get(i));
			form.put("score-" + i, score == null ? "" : score.toString());
		}
		form.put("comment", cadre.comment() == null ? "" : cadre.comment());
		form.put("conclusion", cadre.conclusion() == null ? "" : cadre.conclusion().name());
		form.put("recommendation", cadre.recommendation() == null ? "" : cadre.recommendation().name());
		if (typed != null) {
			form.putAll(typed);
		}
		model.addAttribute("form", form);
		return "record/assessment/profile";
	}

	@PostMapping("/assessment/rounds/{id}/cadres/{personId}")
	String score(@PathVariable long id, @PathVariable long personId,
			@Valid @ModelAttribute("scoreForm") ScorePageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = users.current();
		List<String> dimensions;
		try {
			dimensions = assessments.scoringDimensions(id, me);
		}
		catch (RuleViolationException ex) {
			return profilePage(id, personId, model, null, ex.getMessage());
		}
		// one score for each of the round's dimensions, by its place in the round
		List<String> problems = new ArrayList<>();
		Map<String, Integer> scores = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		for (int i = 0; i < dimensions.size(); i++) {
			String value = form.score(i);
			typed.put("score-" + i, value == null ? "" : value);
			if (value == null || binding.hasFieldErrors("scores[" + i + "]")) {
				problems.add(dimensions.get(i) + ": " + Messages.text("record.field.score"));
			}
			else {
				scores.put(dimensions.get(i), Integer.valueOf(value.strip()));
			}
		}
		binding.getFieldErrors()
			.stream()
			.filter(e -> !e.getField().startsWith("scores["))
			.forEach(e -> problems.add(e.getField() + ": "
					+ (e.isBindingFailure() ? Messages.text("problem.wrong-type") : e.getDefaultMessage())));
		typed.put("comment", form.getComment() == null ? "" : form.getComment());
		typed.put("conclusion", form.getConclusion() == null ? "" : form.getConclusion().name());
		typed.put("recommendation", form.getRecommendation() == null ? "" : form.getRecommendation().name());
		if (problems.isEmpty()) {
			try {
				assessments.score(id, personId,
						new ScoreForm(scores, form.getComment(), form.getConclusion(), form.getRecommendation()), me);
				redirect.addFlashAttribute("flash", "assessment.scored");
				return "redirect:/assessment/rounds/" + id + "/cadres/" + personId;
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach(p -> problems.add(p.field() + ": " + p.reason()));
			}
			catch (RuleViolationException ex) {
				problems.add(ex.getMessage());
			}
		}
		return profilePage(id, personId, model, typed, String.join("; ", problems));
	}

	@GetMapping("/assessment/rounds/{id}/cadres/{personId}/print")
	String print(@PathVariable long id, @PathVariable long personId, Model model) {
		model.addAttribute("p", profiles.view(id, personId, true, users.current()));
		model.addAttribute("printedAt", java.time.ZonedDateTime.now(clock).withZoneSameInstant(BusinessDay.ZONE));
		model.addAttribute("figures", Assessments.FIGURES);
		return "record/assessment/print";
	}

}
