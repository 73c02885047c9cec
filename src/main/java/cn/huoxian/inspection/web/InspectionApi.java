package cn.huoxian.inspection.web;

import java.io.IOException;
import java.util.List;

import cn.huoxian.inspection.CloseForm;
import cn.huoxian.inspection.InspectionForm;
import cn.huoxian.inspection.InspectionLedger;
import cn.huoxian.inspection.InspectionView;
import cn.huoxian.inspection.Inspections;
import cn.huoxian.inspection.RectificationForm;
import cn.huoxian.inspection.RectificationView;
import cn.huoxian.inspection.Rectifications;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.web.LedgerDownloads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
 * Inspections (下沉一级 · 四看) and their rectifications under /api/v1/deployment, with the
 * .xlsx ledger.
 */
@RestController
@RequestMapping("/api/v1/deployment")
class InspectionApi {

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final InspectionLedger ledger;

	private final LedgerDownloads downloads;

	private final Regions regions;

	private final CurrentUserProvider users;

	InspectionApi(Inspections inspections, Rectifications rectifications, InspectionLedger ledger,
			LedgerDownloads downloads, Regions regions, CurrentUserProvider users) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.ledger = ledger;
		this.downloads = downloads;
		this.regions = regions;
		this.users = users;
	}

	@Operation(summary = "Record a four-looks inspection one level down")
	@PostMapping("/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	InspectionView record(@Valid @RequestBody InspectionForm form) {
		return inspections.record(form, users.current());
	}

	@Operation(summary = "List inspections under a region")
	@GetMapping("/inspections")
	PageResult<InspectionView> list(@RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return inspections.list(path(region, me), page, size, me.scope());
	}

	@Operation(summary = "One inspection with its looks and rectifications")
	@GetMapping("/inspections/{id}")
	InspectionView one(@PathVariable long id) {
		return inspections.find(id, users.current().scope());
	}

	@Operation(summary = "Add a rectification to an inspection")
	@PostMapping("/inspections/{id}/rectifications")
	@ResponseStatus(HttpStatus.CREATED)
	RectificationView addRectification(@PathVariable long id, @Valid @RequestBody RectificationForm form) {
		return rectifications.add(id, form, users.current());
	}

	@Operation(summary = "Close a rectification with evidence")
	@PostMapping("/rectifications/{id}/close")
	RectificationView close(@PathVariable long id, @Valid @RequestBody CloseForm form) {
		return rectifications.close(id, form.evidence(), form.closedOn(), users.current());
	}

	@Operation(summary = "List rectifications under a region")
	@GetMapping("/rectifications")
	PageResult<RectificationView> rectifications(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = users.current();
		return rectifications.list(path(region, me), status, overdue, page, size, me.scope());
	}

	@Operation(summary = "One rectification")
	@GetMapping("/rectifications/{id}")
	RectificationView rectification(@PathVariable long id) {
		return rectifications.find(id, users.current().scope());
	}

	/** For each child region of the region, its overdue rectifications. */
	@Operation(summary = "Overdue rectifications counted per sub-region")
	@GetMapping("/rectifications/overdue-by-region")
	List<Rectifications.OverdueCount> overdueByRegion(@RequestParam(required = false) String region) {
		CurrentUser me = users.current();
		return rectifications.overdueByRegion(root(region, me).code(), me.scope());
	}

	@Operation(summary = "Download the inspection and rectification ledger (.xlsx)")
	@GetMapping("/inspections/ledger.xlsx")
	void ledger(@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		// resolved first (an argument), so that a region outside the scope answers 404
		// before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.region(region, scope), scope, response);
	}

	private RegionPath path(String region, CurrentUser me) {
		return root(region, me).path();
	}

	private RegionView root(String region, CurrentUser me) {
		return regions.findOrFirstRoot(region, me.scope());
	}

}
