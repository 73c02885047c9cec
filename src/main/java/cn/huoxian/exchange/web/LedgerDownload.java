package cn.huoxian.exchange.web;

import java.io.IOException;

import cn.huoxian.exchange.HouseholdLedger;
import cn.huoxian.org.RegionView;
import cn.huoxian.shared.CurrentUserProvider;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams the household ledger of a region in scope to the response, for the API and the
 * page alike.
 */
@Component
class LedgerDownload {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final HouseholdLedger ledger;

	private final CurrentUserProvider users;

	LedgerDownload(HouseholdLedger ledger, CurrentUserProvider users) {
		this.ledger = ledger;
		this.users = users;
	}

	void send(String regionCode, HttpServletResponse response) throws IOException {
		// resolved first, so that a region outside the scope still answers 404 before the
		// file starts
		RegionView region = ledger.region(regionCode, users.current().scope());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(ledger.filename(region)).build().toString());
		ledger.write(region, LocaleContextHolder.getLocale(), response.getOutputStream());
		response.flushBuffer();
	}

}
