package cn.huoxian.exchange.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household ledger of a region in scope as .xlsx, ID numbers and phones masked; 404
 * outside the scope.
 */
@RestController
class ExportApi {

	private final LedgerDownload download;

	ExportApi(LedgerDownload download) {
		this.download = download;
	}

	@Operation(summary = "The household ledger of a region as .xlsx", description = """
			Sheet 1: one row per resident (household id, grid code, building, address, door, name, ID number, \
			sex, birth date, phone, roles); sheet 2: one row per household. ID numbers and phones masked. \
			404 for a region outside the caller's scope.""")
	@GetMapping("/api/v1/exports/households.xlsx")
	void households(@RequestParam String region, HttpServletResponse response) throws IOException {
		download.send(region, response);
	}

}
