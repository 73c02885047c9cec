package cn.huoxian.screening.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blind-spot ledger (未覆盖户台账) as .xlsx, streamed row by row in constant memory: for
 * the API (bearer token) and for the pages (session).
 */
@RestController
class BlindSpotLedger {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String[] HEADERS = { "户编号", "网格代码", "网格", "楼栋", "地址", "门牌", "登记人数", "上次走访" };

	private final Coverage coverage;

	private final Campaigns campaigns;

	private final CurrentUserProvider users;

	BlindSpotLedger(Coverage coverage, Campaigns campaigns, CurrentUserProvider users) {
		this.coverage = coverage;
		this.campaigns = campaigns;
		this.users = users;
	}

	@Operation(summary = "Download the blind-spot ledger of a campaign under a region (.xlsx)")
	@GetMapping({ "/api/v1/screening/campaigns/{id}/blind-spots.xlsx", "/screening/campaigns/{id}/blind-spots.xlsx" })
	void export(@PathVariable long id, @RequestParam(required = false) String region, HttpServletResponse response)
			throws IOException {
		var scope = users.current().scope();
		CampaignView campaign = campaigns.find(id, scope);
		String code = region == null || region.isBlank() ? campaign.rootRegion() : region;
		// fail before the first byte, so an out-of-scope region still answers 404
		coverage.blindSpots(id, code, 0, 1, scope);
		String filename = "盲区台账-" + campaign.name() + "-" + code + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		try (OutputStream out = response.getOutputStream()) {
			write(out, id, code, scope);
		}
	}

	/**
	 * A sheet holds at most 1,048,576 rows; a city's ledger goes on over further sheets.
	 */
	static final int ROWS_PER_SHEET = 1_048_575;

	private void write(OutputStream out, long campaignId, String region, cn.huoxian.shared.DataScope scope)
			throws IOException {
		Workbook workbook = new Workbook(out, "Huoxian", "1.0");
		Worksheet[] sheet = { newSheet(workbook, 1) };
		int[] row = { 1 };
		int[] sheets = { 1 };
		coverage.eachBlindSpot(campaignId, region, scope, spot -> {
			if (row[0] > ROWS_PER_SHEET) {
				finish(sheet[0]);
				sheet[0] = newSheet(workbook, ++sheets[0]);
				row[0] = 1;
			}
			int r = row[0]++;
			Worksheet s = sheet[0];
			s.value(r, 0, spot.householdId());
			text(s, r, 1, spot.gridCode());
			text(s, r, 2, spot.gridName());
			text(s, r, 3, spot.building());
			text(s, r, 4, spot.address());
			text(s, r, 5, spot.door());
			s.value(r, 6, spot.residents());
			text(s, r, 7, spot.lastVisitedAt() == null ? null
					: spot.lastVisitedAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDateTime().toString());
			if (r % 10_000 == 0) {
				flush(s);
			}
		});
		sheet[0].finish();
		workbook.finish();
	}

	/**
	 * Inline strings: the shared-string table would hold every distinct address in
	 * memory.
	 */
	private static void text(Worksheet sheet, int row, int column, String value) {
		if (value != null) {
			sheet.inlineString(row, column, value);
		}
	}

	private static Worksheet newSheet(Workbook workbook, int number) {
		Worksheet sheet = workbook.newWorksheet(number == 1 ? "未覆盖户" : "未覆盖户(" + number + ")");
		for (int c = 0; c < HEADERS.length; c++) {
			sheet.value(0, c, HEADERS[c]);
			sheet.style(0, c).bold().set();
		}
		return sheet;
	}

	private static void finish(Worksheet sheet) {
		try {
			sheet.finish();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void flush(Worksheet sheet) {
		try {
			sheet.flush();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
