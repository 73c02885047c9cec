package cn.huoxian.access;

import cn.huoxian.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log for administrators: GET /api/v1/audit and the /audit page. */
@Controller
class AuditEndpoint {

	private final AuditLog audit;

	AuditEndpoint(AuditLog audit) {
		this.audit = audit;
	}

	@Operation(summary = "The audit log: sign-ins, reveals and other sensitive actions (administrators)")

	@GetMapping("/api/v1/audit")
	@ResponseBody
	PageResult<AuditLog.Entry> api(@RequestParam(required = false) String action,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return audit.list(action, page, size);
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("entries", audit.list(action, page, 50));
		model.addAttribute("action", action);
		return "access/audit";
	}

}
