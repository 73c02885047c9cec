package cn.huoxian.record.web;

import java.io.IOException;
import java.util.List;

import cn.huoxian.record.AssessmentLedger;
import cn.huoxian.record.AssessmentProfiles;
import cn.huoxian.record.Assessments;
import cn.huoxian.record.RoundCadreView;
import cn.huoxian.record.RoundChange;
import cn.huoxian.record.RoundForm;
import cn.huoxian.record.RoundView;
import cn.huoxian.record.ScoreForm;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.web.LedgerDownloads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment rounds under /api/v1/assessment: open, list, read ranked, score a cadre,
 * close, history, the cadre's profile (audited) and the .xlsx ledger.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApi {

	private final Assessments assessments;

	private final AssessmentProfiles profiles;

	private final AssessmentLedger ledger;

	private final LedgerDownloads downloads;

	private final CurrentUserProvider users;

	AssessmentApi(Assessments assessments, AssessmentProfiles profiles, AssessmentLedger ledger,
			LedgerDownloads downloads, CurrentUserProvider users) {
		this.assessments = assessments;
		this.profiles = profiles;
		this.ledger = ledger;
		this.downloads = downloads;
		this.users = users;
	}

	@Operation(summary = "Open an assessment round")
	@PostMapping("/rounds")
	@ResponseStatus(HttpStatus.CREATED)
	RoundView open(@Valid @RequestBody RoundForm form) {
		return assessments.open(form, users.current());
	}

	@Operation(summary = "List assessment rounds")
	@GetMapping("/rounds")
	List<RoundView> list(@RequestParam(required = false) String region) {
		return assessments.list(region, users.current());
	}

	@Operation(summary = "One round with its cadres ranked")
	@GetMapping("/rounds/{id}")
	RoundView one(@PathVariable long id) {
		return assessments.find(id, users.current());
	}

	@Operation(summary = "Score a cadre in a round")
	@PutMapping("/rounds/{id}/cadres/{personId}")
	RoundCadreView score(@PathVariable long id, @PathVariable long personId, @Valid @RequestBody ScoreForm form) {
		return assessments.score(id, personId, form, users.current());
	}

	@Operation(summary = "A cadre's profile in a round")
	@GetMapping("/rounds/{id}/cadres/{personId}")
	AssessmentProfiles.Profile profile(@PathVariable long id, @PathVariable long personId) {
		return profiles.view(id, personId, false, users.current());
	}

	@Operation(summary = "Close a round (read-only afterwards)")
	@PostMapping("/rounds/{id}/close")
	RoundView close(@PathVariable long id) {
		return assessments.close(id, users.current());
	}

	@Operation(summary = "A round's history of changes")
	@GetMapping("/rounds/{id}/history")
	List<RoundChange> history(@PathVariable long id) {
		return assessments.history(id, users.current());
	}

	@Operation(summary = "Download a round's ledger (.xlsx)")
	@GetMapping("/rounds/{id}/ledger.xlsx")
	void ledger(@PathVariable long id, HttpServletResponse response) throws IOException {
		CurrentUser me = users.current();
		// the round is found in scope (404) before anything is written
		downloads.send(ledger, ledger.round(id, me), me.scope(), response);
	}

}
