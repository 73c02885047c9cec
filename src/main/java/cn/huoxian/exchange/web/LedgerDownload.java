package cn.huoxian.exchange.web;

import java.io.IOException;

import cn.huoxian.exchange.HouseholdLedger;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.web.LedgerDownloads;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Sends the household ledger of a region in scope, for the API and the page alike.
 */
@Component
class LedgerDownload {

	private final HouseholdLedger ledger;

	private final LedgerDownloads downloads;

	private final CurrentUserProvider users;

	LedgerDownload(HouseholdLedger ledger, LedgerDownloads downloads, CurrentUserProvider users) {
		this.ledger = ledger;
		this.downloads = downloads;
		this.users = users;
	}

	void send(String regionCode, HttpServletResponse response) throws IOException {
		// resolved first (an argument), so that a region outside the scope still answers
		// 404 before the file starts
		var scope = users.current().scope();
		downloads.send(ledger, ledger.region(regionCode, scope), scope, response);
	}

}
