package cn.huoxian.inspection;

import static cn.huoxian.db.Tables.INSPECTION;
import static cn.huoxian.db.Tables.INSPECTION_LOOK;
import static cn.huoxian.db.Tables.RECTIFICATION;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The inspection ledger (督导台账) of a region as .xlsx: one row per inspection with its four
 * ratings, and one row per rectification, from cursors.
 */
@Service
public class InspectionLedger implements Ledger<RegionView> {

	static final int FETCH_SIZE = 1000;

	static final List<String> INSPECTION_COLUMNS = List.of("id", "date", "inspector", "inspectorLevel", "target",
			"targetCode", "TERRITORIAL_RESPONSIBILITY", "LIAISON", "RESOURCES", "PARTY_ROLE", "summary",
			"rectifications");

	static final List<String> RECTIFICATION_COLUMNS = List.of("id", "inspectionId", "target", "look", "item", "owner",
			"deadline", "status", "closedOn", "evidence");

	private static final String DATE_FORMAT = "yyyy-mm-dd";

	private final DSLContext db;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	private final Names names;

	InspectionLedger(DSLContext db, Regions regions, MessageSource messages, Clock clock, Names names) {
		this.names = names;
		this.db = db;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The region to export, or 404 outside the scope; call before the response starts.
	 */
	public RegionView region(String code, DataScope scope) {
		return regions.findOrFirstRoot(code, scope);
	}

	/** A file name such as {@code inspections-130902-20200201.xlsx}. */
	@Override
	public String filename(RegionView region) {
		return Ledger.dated("inspections", region.code(), clock);
	}

	@Override
	public List<LedgerSheet.Part> parts(RegionView region, DataScope scope, Locale locale) {
		return List.of(workbook -> inspectionSheet(workbook, region, locale),
				workbook -> rectificationSheet(workbook, region, locale));
	}

	private void inspectionSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("inspect.ledger.inspections", locale),
				headers(INSPECTION_COLUMNS, locale));
		List<Field<?>> fields = new ArrayList<>(List.of(INSPECTION.ID, INSPECTION.INSPECTED_ON, INSPECTION.INSPECTOR_ID,
				INSPECTION.INSPECTOR_LEVEL, INSPECTION.TARGET_REGION_ID, INSPECTION.TARGET_UNIT_ID));
		for (Look look : Look.values()) {
			fields.add(DSL.field(DSL.select(INSPECTION_LOOK.RATING)
				.from(INSPECTION_LOOK)
				.where(INSPECTION_LOOK.INSPECTION_ID.eq(INSPECTION.ID))
				.and(INSPECTION_LOOK.LOOK.eq(look.name()))).as("rating_" + look.ordinal()));
		}
		fields.add(INSPECTION.SUMMARY);
		fields.add(DSL.field(DSL.selectCount().from(RECTIFICATION).where(RECTIFICATION.INSPECTION_ID.eq(INSPECTION.ID)))
			.as("rectifications"));
		try (Cursor<Record> rows = db.select(fields)
			.from(INSPECTION)
			.where(DataScope.under(INSPECTION.PATH, region.path()))
			.orderBy(INSPECTION.INSPECTED_ON, INSPECTION.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			names.inChunks(rows, row -> row.get(INSPECTION.INSPECTOR_ID), row -> row.get(INSPECTION.TARGET_REGION_ID),
					row -> row.get(INSPECTION.TARGET_UNIT_ID), (row, named) -> {
						int r = sheet.nextRow();
						Worksheet ws = sheet.sheet();
						Long regionId = row.get(INSPECTION.TARGET_REGION_ID);
						Long unitId = row.get(INSPECTION.TARGET_UNIT_ID);
						ws.value(r, 0, row.get(INSPECTION.ID));
						date(ws, r, 1, row.get(INSPECTION.INSPECTED_ON));
						text(ws, r, 2, named.person(row.get(INSPECTION.INSPECTOR_ID)));
						text(ws, r, 3, text("inspect.level." + row.get(INSPECTION.INSPECTOR_LEVEL), locale));
						text(ws, r, 4, named.targetName(regionId, unitId));
						text(ws, r, 5, named.targetCode(regionId, unitId));
						for (Look look : Look.values()) {
							Object rating = row.get("rating_" + look.ordinal());
							if (rating != null) {
								ws.value(r, 6 + look.ordinal(), ((Number) rating).intValue());
							}
						}
						text(ws, r, 10, row.get(INSPECTION.SUMMARY));
						ws.value(r, 11, ((Number) row.get("rectifications")).intValue());
					});
		}
		sheet.finish();
	}

	private void rectificationSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("inspect.ledger.rectifications", locale),
				headers(RECTIFICATION_COLUMNS, locale));
		try (Cursor<? extends Record> rows = db
			.select(RECTIFICATION.ID, RECTIFICATION.INSPECTION_ID, INSPECTION.TARGET_REGION_ID,
					INSPECTION.TARGET_UNIT_ID, RECTIFICATION.LOOK, RECTIFICATION.ITEM, RECTIFICATION.OWNER_ID,
					RECTIFICATION.DEADLINE, RECTIFICATION.STATUS, RECTIFICATION.CLOSED_ON, RECTIFICATION.EVIDENCE)
			.from(RECTIFICATION)
			.join(INSPECTION)
			.on(INSPECTION.ID.eq(RECTIFICATION.INSPECTION_ID))
			.where(DataScope.under(RECTIFICATION.PATH, region.path()))
			.orderBy(RECTIFICATION.INSPECTION_ID, RECTIFICATION.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			LocalDate today = BusinessDay.today(clock);
			names.inChunks(rows, row -> row.get(RECTIFICATION.OWNER_ID), row -> row.get(INSPECTION.TARGET_REGION_ID),
					row -> row.get(INSPECTION.TARGET_UNIT_ID), (row, named) -> {
						int r = sheet.nextRow();
						Worksheet ws = sheet.sheet();
						ws.value(r, 0, row.get(RECTIFICATION.ID));
						ws.value(r, 1, row.get(RECTIFICATION.INSPECTION_ID));
						text(ws, r, 2, named.targetName(row.get(INSPECTION.TARGET_REGION_ID),
								row.get(INSPECTION.TARGET_UNIT_ID)));
						text(ws, r, 3, text("inspect.look." + row.get(RECTIFICATION.LOOK), locale));
						text(ws, r, 4, row.get(RECTIFICATION.ITEM));
						text(ws, r, 5, named.person(row.get(RECTIFICATION.OWNER_ID)));
						date(ws, r, 6, row.get(RECTIFICATION.DEADLINE));
						String status = row.get(RECTIFICATION.STATUS);
						boolean overdue = Rectifications.OPEN.equals(status)
								&& row.get(RECTIFICATION.DEADLINE).isBefore(today);
						text(ws, r, 7, text("inspect.status." + (overdue ? "OVERDUE" : status), locale));
						date(ws, r, 8, row.get(RECTIFICATION.CLOSED_ON));
						text(ws, r, 9, row.get(RECTIFICATION.EVIDENCE));
					});
		}
		sheet.finish();
	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream()
			.map(c -> c.equals(c.toUpperCase()) ? text("inspect.look." + c, locale)
					: text("inspect.ledger.column." + c, locale))
			.toList();
	}

	private static void date(Worksheet sheet, int r, int c, LocalDate value) {
		if (value != null) {
			sheet.value(r, c, value);
			sheet.style(r, c).format(DATE_FORMAT).set();
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static void text(Worksheet sheet, int row, int column, String value) {
		if (value != null) {
			sheet.inlineString(row, column, value);
		}
	}

}
