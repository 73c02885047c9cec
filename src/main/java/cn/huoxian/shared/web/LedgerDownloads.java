package cn.huoxian.shared.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends any {@link Ledger} as an .xlsx attachment, the same way for all of them. The
 * caller resolves what the download covers first (an argument, so a region or round
 * outside the scope answers 404 before the response starts); then the content type and
 * Content-Disposition (RFC 5987 {@code filename*} for a name that is not ASCII), then the
 * ledger's parts streamed through {@link LedgerSheet#workbook} inside one read-only
 * transaction (PostgreSQL streams a cursor with its fetch size only with autocommit off),
 * in the request's language.
 */
@Component
public class LedgerDownloads {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final TransactionTemplate readOnly;

	LedgerDownloads(PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Streams the ledger of {@code cover}, already resolved in {@code scope}. */
	public <C> void send(Ledger<C> ledger, C cover, DataScope scope, HttpServletResponse response) throws IOException {
		List<LedgerSheet.Part> parts = ledger.parts(cover, scope, LocaleContextHolder.getLocale());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(ledger.filename(cover)));
		var out = response.getOutputStream();
		readOnly.executeWithoutResult(status -> LedgerSheet.workbook(out, parts.toArray(LedgerSheet.Part[]::new)));
		response.flushBuffer();
	}

	/**
	 * {@code attachment; filename="…"} for an ASCII name, else
	 * {@code attachment; filename*=UTF-8''…} percent-encoded.
	 */
	static String attachment(String filename) {
		if (StandardCharsets.US_ASCII.newEncoder().canEncode(filename)) {
			return ContentDisposition.attachment().filename(filename).build().toString();
		}
		return "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
