package cn.huoxian.exchange.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.exchange.ImportKind;
import cn.huoxian.exchange.ImportResult;
import cn.huoxian.exchange.Imports;
import cn.huoxian.exchange.ImportsBusyException;
import cn.huoxian.exchange.Reason;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports under /api/v1/imports/{regions|households|residents}, and
 * /api/v1/imports/visits?campaign={id}: multipart field {@code file} (.xlsx or UTF-8
 * .csv, header in row 1, English or Chinese headers as {@link ImportKind} lists). Answers
 * {@code {"imported":N}}, or 400 with every bad row and nothing written; 403 for a role
 * that may not edit.
 */
@RestController
class ImportApi {

	private final Imports imports;

	private final CurrentUserProvider users;

	private final ImportMessages messages;

	ImportApi(Imports imports, CurrentUserProvider users, ImportMessages messages) {
		this.imports = imports;
		this.users = users;
		this.messages = messages;
	}

	@Operation(summary = "Import a registry from .xlsx or .csv, all or nothing", description = """
			kind: regions | households | residents. Multipart field `file`: .xlsx (first sheet) or UTF-8 .csv \
			(byte-order mark optional), headers in row 1 in English or Chinese, at most 100,000 rows.
			regions: code 代码, name 名称, parentCode 上级代码 (parent in the database or in a row above).
			households: regionCode 网格代码 (a grid), building 楼栋, address 地址, door 门牌.
			residents: name 姓名, idNumber 身份证号, phone 电话, householdId 户编号 or regionCode 区域代码, \
			partyOrganisationCode 党组织代码 with joinedOn 入党日期 for a formal party member.
			200 {"imported": N}; 400 problem detail with errors [{row, column, reason}] (row 1 is the header) \
			and errorCount, nothing written; 403 for a role that may not edit.""")
	@PostMapping(path = "/api/v1/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importFile(@PathVariable String kind, @RequestParam("file") MultipartFile file) {
		ImportKind importKind = ImportKind.fromPath(kind)
			.orElseThrow(() -> new NotFoundException(Messages.text("exchange.what.import", kind)));
		ImportResult result = imports.importFile(importKind, file.getOriginalFilename(), file, users.current());
		if (result.succeeded()) {
			return ResponseEntity.ok(Map.of("imported", result.imported()));
		}
		return ResponseEntity.badRequest().body(messages.problem(result));
	}

	@Operation(summary = "Import the visits of a screening campaign from .xlsx or .csv, all or nothing",
			description = """
					Multipart field `file`, one row per resident checked: visitId 走访编号 (optional UUID), householdId 户编号, \
					visitedAt 走访时间 (yyyy-MM-dd HH:mm, ISO or a date cell; Asia/Shanghai), outcome 走访结果 \
					(COVERED 已覆盖 | NOBODY_HOME 无人在家), personId 人员编号, status 状态 (PRESENT 在家 | AWAY 外出 | \
					MOVED_OUT 已迁出), awayWhere 外出去向, temperature 体温, flags 异常情况 (comma list of SYMPTOMS 有症状, \
					HIGH_RISK_TRAVEL 高风险地区旅居史, CONTACT 接触确诊或疑似病例, FEVER 发热). A visit that found nobody home \
					is one row without person columns. Rows of a visit share its visitId, or without one its household and \
					time (the visitId is then derived from them, so uploading a file again stores nothing twice).
					200 {"imported": visits stored, "duplicates": visits already stored}; 400 problem detail with errors \
					[{row, column, reason}], nothing written; 403 for a role that may not edit people; 404 for a campaign \
					outside the caller's scope.""")
	@PostMapping(path = "/api/v1/imports/visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importVisits(@RequestParam long campaign, @RequestParam("file") MultipartFile file) {
		ImportResult result = imports.importVisits(campaign, file.getOriginalFilename(), file, users.current());
		if (result.succeeded()) {
			return ResponseEntity.ok(Map.of("imported", result.imported(), "duplicates", result.duplicates()));
		}
		return ResponseEntity.badRequest().body(messages.problem(result));
	}

	/** 429 with Retry-After: as many imports as the server reads at once are running. */
	@ExceptionHandler(ImportsBusyException.class)
	ResponseEntity<ProblemDetail> busy(ImportsBusyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messages.busy());
		problem.setType(URI.create("https://huoxian.cn/problems/imports-busy"));
		problem.setTitle(messages.busyTitle());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ImportsBusyException.RETRY_AFTER_SECONDS))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
