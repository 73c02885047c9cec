package cn.huoxian.screening.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Coverage;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUserProvider;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import cn.huoxian.shared.web.LedgerDownloads;
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
 * the API (bearer token) and for the pages (session). Its sheet keeps its own layout (no
 * frozen header, "未覆盖户(2)" for a further sheet).
 */
@RestController
class BlindSpotLedger implements Ledger<BlindSpotLedger.Cover> {

	/** A campaign's blind spots under a region (its code). */
	record Cover(long campaignId, String campaignName, String region) {
	}

	/**
	 * Each row's place by name beside its grid's code, so an office filters without a
	 * code table.
	 */
	private static final String[] HEADERS = { "户编号", "区县", "乡镇街道", "村社区", "网格代码", "网格", "楼栋", "地址", "门牌", "登记人数",
			"上次走访" };

	private final Coverage coverage;

	private final Campaigns campaigns;

	private final CurrentUserProvider users;

	private final LedgerDownloads downloads;

	private final cn.huoxian.org.RegionNames names;

	BlindSpotLedger(Coverage coverage, Campaigns campaigns, CurrentUserProvider users, LedgerDownloads downloads,
			cn.huoxian.org.RegionNames names) {
		this.names = names;
		this.coverage = coverage;
		this.campaigns = campaigns;
		this.users = users;
		this.downloads = downloads;
	}

	@Operation(summary = "Download the blind-spot ledger of a campaign under a region (.xlsx)")
	@GetMapping({ "/api/v1/screening/campaigns/{id}/blind-spots.xlsx", "/screening/campaigns/{id}/blind-spots.xlsx" })
	void export(@PathVariable long id, @RequestParam(required = false) String region, HttpServletResponse response)
			throws IOException {
		var scope = users.current().scope();
		CampaignView campaign = campaigns.find(id, scope);
		String code = region == null || region.isBlank() ? coverage.defaultRegion(campaign, scope) : region;
		// fail before the first byte, so an out-of-scope region still answers 404
		coverage.blindSpots(id, code, 0, 1, scope);
		downloads.send(this, new Cover(id, campaign.name(), code), scope, response);
	}

	@Override
	public String filename(Cover cover) {
		return "盲区台账-" + cover.campaignName() + "-" + cover.region() + ".xlsx";
	}

	@Override
	public List<LedgerSheet.Part> parts(Cover cover, DataScope scope, Locale locale) {
		return List.of(workbook -> write(workbook, cover.campaignId(), cover.region(), scope));
	}

	/**
	 * A sheet holds at most 1,048,576 rows; a city's ledger goes on over further sheets.
	 */
	static final int ROWS_PER_SHEET = 1_048_575;

	private void write(Workbook workbook, long campaignId, String region, DataScope scope) throws IOException {
		Worksheet[] sheet = { newSheet(workbook, 1) };
		int[] row = { 1 };
		int[] sheets = { 1 };
		// a grid's county, township and community, looked up once per grid
		java.util.Map<String, List<String>> places = new java.util.HashMap<>();
		coverage.eachBlindSpot(campaignId, region, scope, spot -> {
			if (row[0] > ROWS_PER_SHEET) {
				finish(sheet[0]);
				sheet[0] = newSheet(workbook, ++sheets[0]);
				row[0] = 1;
			}
			int r = row[0]++;
			Worksheet s = sheet[0];
			s.value(r, 0, spot.householdId());
			List<String> above = places.computeIfAbsent(spot.gridCode(), names::above);
			for (int level = 0; level < 3; level++) {
				text(s, r, 1 + level, level < above.size() ? above.get(level) : null);
			}
			text(s, r, 4, spot.gridCode());
			text(s, r, 5, spot.gridName());
			text(s, r, 6, spot.building());
			text(s, r, 7, spot.address());
			text(s, r, 8, spot.door());
			s.value(r, 9, spot.residents());
			text(s, r, 10, spot.lastVisitedAt() == null ? null
					: spot.lastVisitedAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDateTime().toString());
			if (r % 10_000 == 0) {
				flush(s);
			}
		});
		sheet[0].finish();
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
