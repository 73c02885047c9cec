package cn.huoxian.exchange.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.huoxian.exchange.ImportColumn;
import cn.huoxian.exchange.ImportKind;
import cn.huoxian.exchange.ImportResult;
import cn.huoxian.exchange.Imports;
import cn.huoxian.exchange.ImportsBusyException;
import cn.huoxian.exchange.Reason;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import/export page: an upload form per registry (visits into a chosen campaign)
 * with its row errors, templates, and ledger downloads.
 */
@Controller
@RequestMapping("/exchange")
class ExchangePage {

	/**
	 * The page lists this many errors; the API lists up to {@link ImportResult#LISTED}.
	 */
	static final int SHOWN = 200;

	private final Imports imports;

	private final CurrentUserProvider users;

	private final ImportMessages messages;

	private final LedgerDownload download;

	private final Campaigns campaigns;

	ExchangePage(Imports imports, CurrentUserProvider users, ImportMessages messages, LedgerDownload download,
			Campaigns campaigns) {
		this.imports = imports;
		this.users = users;
		this.messages = messages;
		this.download = download;
		this.campaigns = campaigns;
	}

	/**
	 * One upload form: the kind, its columns, and whether this user's role may use it.
	 */
	record KindForm(String path, List<ImportColumn> columns, boolean allowed) {
	}

	/** A rejected import as the page shows it. */
	record Rejection(String kind, String summary, List<ImportMessages.ErrorLine> errors, int errorCount) {
	}

	@GetMapping
	String page(Model model) {
		CurrentUser user = editor();
		model.addAttribute("forms",
				Arrays.stream(ImportKind.values())
					.map(k -> new KindForm(k.path(), k.columns(), k.allows(user)))
					.toList());
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("campaigns", campaigns.list(user.scope()));
		return "exchange/index";
	}

	@PostMapping("/imports/visits")
	String importVisits(@RequestParam long campaign, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		CurrentUser user = editor();
		ImportResult result;
		try {
			result = imports.importVisits(campaign, file == null ? "" : file.getOriginalFilename(),
					file == null ? new ByteArrayResource(new byte[0]) : file, user);
		}
		catch (ImportsBusyException ex) {
			return busy(ImportKind.VISITS, model, response, locale);
		}
		if (result.succeeded()) {
			redirect.addFlashAttribute("duplicates", result.duplicates());
		}
		return answer(ImportKind.VISITS, result, model, redirect, locale);
	}

	@PostMapping("/imports/{kind}")
	String importFile(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		ImportKind importKind = kind(kind);
		CurrentUser user = editor();
		try {
			ImportResult result = imports.importFile(importKind, file == null ? "" : file.getOriginalFilename(),
					file == null ? new ByteArrayResource(new byte[0]) : file, user);
			return answer(importKind, result, model, redirect, locale);
		}
		catch (ImportsBusyException ex) {
			return busy(importKind, model, response, locale);
		}
	}

	/** 429: the page again, saying to try in a few seconds; nothing was read. */
	private String busy(ImportKind importKind, Model model, HttpServletResponse response, Locale locale) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ImportsBusyException.RETRY_AFTER_SECONDS));
		model.addAttribute("rejection", new Rejection(importKind.path(),
				messages.text(new Reason("exchange.error.busy", List.of()), locale), List.of(), 0));
		return page(model);
	}

	/** Back to the page with the count, or the page again with the row errors. */
	private String answer(ImportKind importKind, ImportResult result, Model model, RedirectAttributes redirect,
			Locale locale) {
		if (result.succeeded()) {
			redirect.addFlashAttribute("imported", result.imported());
			redirect.addFlashAttribute("importedKind", importKind.path());
			return "redirect:/exchange";
		}
		List<ImportMessages.ErrorLine> lines = messages.lines(result, locale);
		model.addAttribute("rejection", new Rejection(importKind.path(), messages.summary(result, locale),
				lines.subList(0, Math.min(SHOWN, lines.size())), result.errorCount()));
		return page(model);
	}

	/** A header-only CSV (UTF-8 with BOM) with the headers in the user's language. */
	@GetMapping("/templates/{kind}.csv")
	ResponseEntity<byte[]> template(@PathVariable String kind, Locale locale) {
		ImportKind importKind = kind(kind);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(importKind.path() + ".csv").build().toString())
			.body(importKind.templateCsv(locale));
	}

	@GetMapping("/households.xlsx")
	void ledger(@RequestParam String region, HttpServletResponse response) throws IOException {
		download.send(region, response);
	}

	private CurrentUser editor() {
		CurrentUser user = users.current();
		if (!user.mayEditPeople()) {
			throw new ForbiddenException(Messages.text("exchange.error.forbidden", user.role().label()));
		}
		return user;
	}

	private static ImportKind kind(String path) {
		return ImportKind.fromPath(path)
			.orElseThrow(() -> new NotFoundException(Messages.text("exchange.what.import", path)));
	}

}
