package cn.huoxian.record.web;

import java.io.IOException;
import java.util.Locale;

import cn.huoxian.record.AssessmentLedger;
import cn.huoxian.record.RoundView;
import cn.huoxian.shared.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/** Streams a round's ledger once the round was found in scope. */
final class AssessmentLedgerDownload {

	private AssessmentLedgerDownload() {
	}

	static void send(AssessmentLedger ledger, long id, CurrentUser user, Locale locale, HttpServletResponse response)
			throws IOException {
		RoundView round = ledger.round(id, user);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"assessment-round-" + id + ".xlsx\"");
		ledger.write(round, locale, response.getOutputStream());
	}

}
