package cn.huoxian.record.web;

import java.time.format.DateTimeFormatter;

import cn.huoxian.record.RecordInbox;
import cn.huoxian.record.RecordRebuild;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 纪实维护, for the city administrator: what waits in the record's inbox (rows, failed rows
 * and the last error) and the rebuild with its report per source.
 */
@Controller
class MaintenancePages {

	private static final DateTimeFormatter SHANGHAI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final RecordInbox inbox;

	private final RecordRebuild rebuild;

	private final CurrentUserProvider users;

	MaintenancePages(RecordInbox inbox, RecordRebuild rebuild, CurrentUserProvider users) {
		this.inbox = inbox;
		this.rebuild = rebuild;
		this.users = users;
	}

	@GetMapping("/record/maintenance")
	String maintenance(Model model) {
		users.current().requireAdministrator("record.action.maintain");
		RecordInbox.Status status = inbox.status();
		model.addAttribute("status", status);
		model.addAttribute("oldest", shanghai(status.oldestQueuedAt()));
		model.addAttribute("pausedAt", shanghai(status.pausedAt()));
		return "record/maintenance";
	}

	private static String shanghai(java.time.OffsetDateTime at) {
		return at == null ? "—" : at.atZoneSameInstant(BusinessDay.ZONE).format(SHANGHAI_TIME);
	}

	@PostMapping("/record/maintenance/pause")
	String pause() {
		var user = users.current();
		user.requireAdministrator("record.action.pause");
		inbox.pause(user.username());
		return "redirect:/record/maintenance";
	}

	@PostMapping("/record/maintenance/resume")
	String resume() {
		users.current().requireAdministrator("record.action.resume");
		inbox.resume();
		return "redirect:/record/maintenance";
	}

	@PostMapping("/record/maintenance/retry")
	String retry() {
		users.current().requireAdministrator("record.action.retry");
		inbox.retryFailed();
		return "redirect:/record/maintenance";
	}

	@PostMapping("/record/maintenance/discard-failed")
	String discard(jakarta.servlet.http.HttpServletRequest request) {
		var user = users.current();
		user.requireAdministrator("record.action.discard");
		inbox.discardFailed(user.username(), request.getRemoteAddr());
		return "redirect:/record/maintenance";
	}

	@PostMapping("/record/maintenance/rebuild")
	String rebuild(RedirectAttributes redirect) {
		users.current().requireAdministrator("record.action.maintain");
		redirect.addFlashAttribute("report", rebuild.rebuild());
		return "redirect:/record/maintenance#report";
	}

}
