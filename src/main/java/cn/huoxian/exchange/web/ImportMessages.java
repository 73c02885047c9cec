package cn.huoxian.exchange.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.exchange.ImportResult;
import cn.huoxian.exchange.Reason;
import cn.huoxian.exchange.RowError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Words an import result in the caller's language: problem details for the API, the error
 * table on the page.
 */
@Component
class ImportMessages {

	private final MessageSource messages;

	ImportMessages(MessageSource messages) {
		this.messages = messages;
	}

	String text(Reason reason, Locale locale) {
		return messages.getMessage(reason.key(), reason.argArray(), reason.key(), locale);
	}

	/**
	 * What went wrong overall: the file's problem, or how many problems the rows have.
	 */
	String summary(ImportResult result, Locale locale) {
		if (result.fileProblem() != null) {
			return text(result.fileProblem(), locale);
		}
		return messages.getMessage("exchange.result.rejected", new Object[] { String.valueOf(result.errorCount()) },
				locale);
	}

	/** The busy answer's detail and title in the caller's language. */
	String busy() {
		return messages.getMessage("exchange.error.busy", null, LocaleContextHolder.getLocale());
	}

	String busyTitle() {
		return messages.getMessage("exchange.problem.busy", null, LocaleContextHolder.getLocale());
	}

	/**
	 * 400 with {@code errors: [{row, column, reason}]} (the first
	 * {@link ImportResult#LISTED}) and {@code errorCount}.
	 */
	ProblemDetail problem(ImportResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(result, locale));
		problem.setType(URI.create("https://huoxian.cn/problems/import-rejected"));
		problem.setTitle(messages.getMessage("exchange.problem.rejected", null, locale));
		problem.setProperty("errors", result.errors().stream().map(e -> json(e, locale)).toList());
		problem.setProperty("errorCount", result.errorCount());
		return problem;
	}

	private Map<String, Object> json(RowError error, Locale locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("row", error.row());
		json.put("column", error.column());
		json.put("reason", text(error.reason(), locale));
		return json;
	}

	/**
	 * The rows of the page's error table: row, header as written in the file, reason in
	 * the user's language.
	 */
	List<ErrorLine> lines(ImportResult result, Locale locale) {
		return result.errors().stream().map(e -> new ErrorLine(e.row(), e.header(), text(e.reason(), locale))).toList();
	}

	/** One line of the page's error table. */
	record ErrorLine(int row, String column, String reason) {
	}

}
