package cn.huoxian.exchange;

import static cn.huoxian.db.Tables.BUILDING;
import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static cn.huoxian.db.Tables.REGION;

import cn.huoxian.shared.LedgerSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.Phones;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The household ledger (台账) of a region as .xlsx: a sheet with one row per resident
 * (households without residents get one row too) and a sheet with one row per household.
 * ID numbers and phones are masked. Streams in constant memory: a cursor with a fetch
 * size inside a read-only transaction (PostgreSQL streams only with autocommit off), rows
 * flushed to the response as they are written ({@link LedgerSheet}).
 */
@Service
public class HouseholdLedger {

	static final int FETCH_SIZE = 1000;

	static final List<String> RESIDENT_COLUMNS = List.of("householdId", "gridCode", "building", "address", "door",
			"name", "idNumber", "sex", "birthDate", "phone", "roles");

	static final List<String> HOUSEHOLD_COLUMNS = List.of("householdId", "gridCode", "building", "address", "door",
			"residents");

	private static final String DATE_FORMAT = "yyyy-mm-dd";

	private static final Field<String> ROLES = DSL
		.field(DSL.select(DSL.listAgg(PERSON_ROLE.ROLE, ",").withinGroupOrderBy(PERSON_ROLE.ROLE))
			.from(PERSON_ROLE)
			.where(PERSON_ROLE.PERSON_ID.eq(PERSON.ID)))
		.as("roles");

	private final DSLContext db;

	private final Regions regions;

	private final MessageSource messages;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	HouseholdLedger(DSLContext db, Regions regions, MessageSource messages, PlatformTransactionManager transactions,
			Clock clock) {
		this.db = db;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The region to export, or 404 outside the scope; call before the response starts.
	 */
	public RegionView region(String code, DataScope scope) {
		return regions.find(code, scope);
	}

	/** A file name such as {@code households-130902-20200201.xlsx} (the business day). */
	public String filename(RegionView region) {
		return "households-" + region.code() + "-" + BusinessDay.today(clock).toString().replace("-", "") + ".xlsx";
	}

	/** Writes the workbook; the caller closes the stream. */
	public void write(RegionView region, Locale locale, OutputStream out) {
		readOnly.executeWithoutResult(status -> {
			LedgerSheet.workbook(out, workbook -> residentSheet(workbook, region, locale),
					workbook -> householdSheet(workbook, region, locale));
		});
	}

	private void residentSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("exchange.ledger.residents", locale),
				headers(RESIDENT_COLUMNS, locale));
		try (Cursor<? extends Record> rows = db
			.select(HOUSEHOLD.ID, REGION.CODE, BUILDING.NAME, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR, PERSON.NAME,
					PERSON.ID_NUMBER, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.PHONE, ROLES)
			.from(HOUSEHOLD)
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.leftJoin(PERSON)
			.on(PERSON.HOUSEHOLD_ID.eq(HOUSEHOLD.ID))
			.where(cn.huoxian.shared.DataScope.under(HOUSEHOLD.PATH, region.path()))
			.orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID, PERSON.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			for (Record row : rows) {
				int r = sheet.nextRow();
				residentRow(sheet.sheet(), r, row, locale);
			}
		}
		sheet.finish();
	}

	private void residentRow(Worksheet sheet, int r, Record row, Locale locale) {
		householdCells(sheet, r, row);
		text(sheet, r, 5, row.get(PERSON.NAME));
		text(sheet, r, 6, IdNumber.mask(trim(row.get(PERSON.ID_NUMBER))));
		String sex = row.get(PERSON.SEX);
		text(sheet, r, 7, sex == null ? null : text("exchange.ledger.sex." + sex.strip(), locale));
		if (row.get(PERSON.BIRTH_DATE) != null) {
			sheet.value(r, 8, row.get(PERSON.BIRTH_DATE));
			sheet.style(r, 8).format(DATE_FORMAT).set();
		}
		text(sheet, r, 9, Phones.mask(row.get(PERSON.PHONE)));
		text(sheet, r, 10, roles(row.get(ROLES), locale));
	}

	private void householdSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("exchange.ledger.households", locale),
				headers(HOUSEHOLD_COLUMNS, locale));
		try (Cursor<? extends Record> rows = db
			.select(HOUSEHOLD.ID, REGION.CODE, BUILDING.NAME, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR, HOUSEHOLD.RESIDENTS)
			.from(HOUSEHOLD)
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.leftJoin(BUILDING)
			.on(BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID))
			.where(cn.huoxian.shared.DataScope.under(HOUSEHOLD.PATH, region.path()))
			.orderBy(HOUSEHOLD.PATH, HOUSEHOLD.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			for (Record row : rows) {
				int r = sheet.nextRow();
				householdCells(sheet.sheet(), r, row);
				sheet.sheet().value(r, 5, row.get(HOUSEHOLD.RESIDENTS));
			}
		}
		sheet.finish();
	}

	private static void householdCells(Worksheet sheet, int r, Record row) {
		sheet.value(r, 0, row.get(HOUSEHOLD.ID));
		text(sheet, r, 1, row.get(REGION.CODE));
		text(sheet, r, 2, row.get(BUILDING.NAME));
		text(sheet, r, 3, row.get(HOUSEHOLD.ADDRESS));
		text(sheet, r, 4, row.get(HOUSEHOLD.DOOR));
	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream().map(c -> text("exchange.ledger.column." + c, locale)).toList();
	}

	private String roles(String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return null;
		}
		return Arrays.stream(codes.split(","))
			.map(code -> text("exchange.ledger.role." + code.strip(), locale))
			.collect(Collectors.joining(text("exchange.ledger.roleSeparator", locale)));
	}

	private static String trim(String value) {
		return value == null ? null : value.strip();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/**
	 * Text as an inline string: fastexcel's shared-string table would keep every distinct
	 * address and name in memory until the end, so a city's ledger would not stream in
	 * constant memory.
	 */
	private static void text(org.dhatim.fastexcel.Worksheet sheet, int row, int column, String value) {
		if (value != null) {
			sheet.inlineString(row, column, value);
		}
	}

}
