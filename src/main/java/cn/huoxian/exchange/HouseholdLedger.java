package cn.huoxian.exchange;

import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.RegionNames;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.ResidentLine;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The household ledger (台账) of a region as .xlsx: a sheet with one row per resident
 * (households without residents get one row too) and a sheet with one row per household.
 * ID numbers and phones are masked. Streams in constant memory: the households from
 * {@link Households#streamUnder} and their residents from {@link People#residentsUnder},
 * both lazy with a fetch size (inside the download's read-only transaction) and in the
 * same household order, merged as they come; rows flushed to the response as they are
 * written ({@link LedgerSheet}).
 */
@Service
public class HouseholdLedger implements Ledger<RegionView> {

	static final int FETCH_SIZE = 1000;

	static final List<String> RESIDENT_COLUMNS = List.of("householdId", "gridCode", "county", "township", "community",
			"grid", "building", "address", "door", "name", "idNumber", "sex", "birthDate", "phone", "roles");

	static final List<String> HOUSEHOLD_COLUMNS = List.of("householdId", "gridCode", "county", "township", "community",
			"grid", "building", "address", "door", "residents");

	/** The first column after the household's own (where its residents' start). */
	private static final int AFTER_HOUSEHOLD = 9;

	private static final String DATE_FORMAT = "yyyy-mm-dd";

	private final Regions regions;

	private final Households households;

	private final People people;

	private final MessageSource messages;

	private final Clock clock;

	private final RegionNames regionNames;

	HouseholdLedger(Regions regions, Households households, People people, MessageSource messages, Clock clock,
			RegionNames regionNames) {
		this.regionNames = regionNames;
		this.regions = regions;
		this.households = households;
		this.people = people;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The region to export, or 404 outside the scope; call before the response starts.
	 */
	public RegionView region(String code, DataScope scope) {
		return regions.find(code, scope);
	}

	/** A file name such as {@code households-130902-20200201.xlsx} (the business day). */
	@Override
	public String filename(RegionView region) {
		return Ledger.dated("households", region.code(), clock);
	}

	@Override
	public List<LedgerSheet.Part> parts(RegionView region, DataScope scope, Locale locale) {
		return List.of(workbook -> residentSheet(workbook, region, locale),
				workbook -> householdSheet(workbook, region, locale));
	}

	private void residentSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("exchange.ledger.residents", locale),
				headers(RESIDENT_COLUMNS, locale));
		Places places = new Places(regionNames);
		try (Stream<HouseholdView> homes = households.streamUnder(region.path(), FETCH_SIZE);
				Stream<ResidentLine> residents = people.residentsUnder(region.path(), FETCH_SIZE)) {
			Iterator<ResidentLine> next = residents.iterator();
			ResidentLine resident = next.hasNext() ? next.next() : null;
			for (Iterator<HouseholdView> it = homes.iterator(); it.hasNext();) {
				HouseholdView household = it.next();
				if (resident == null || resident.householdId() != household.id()) {
					// a household without residents still gets its row
					householdCells(sheet.sheet(), sheet.nextRow(), household, places);
					continue;
				}
				while (resident != null && resident.householdId() == household.id()) {
					int r = sheet.nextRow();
					householdCells(sheet.sheet(), r, household, places);
					residentCells(sheet.sheet(), r, resident, locale);
					resident = next.hasNext() ? next.next() : null;
				}
			}
		}
		sheet.finish();
	}

	private void residentCells(Worksheet sheet, int r, ResidentLine resident, Locale locale) {
		int c = AFTER_HOUSEHOLD;
		text(sheet, r, c, resident.name());
		text(sheet, r, c + 1, resident.maskedIdNumber());
		String sex = resident.sex();
		text(sheet, r, c + 2, sex == null ? null : text("exchange.ledger.sex." + sex, locale));
		if (resident.birthDate() != null) {
			sheet.value(r, c + 3, resident.birthDate());
			sheet.style(r, c + 3).format(DATE_FORMAT).set();
		}
		text(sheet, r, c + 4, resident.maskedPhone());
		text(sheet, r, c + 5, roles(resident.roles(), locale));
	}

	private void householdSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("exchange.ledger.households", locale),
				headers(HOUSEHOLD_COLUMNS, locale));
		Places places = new Places(regionNames);
		try (Stream<HouseholdView> homes = households.streamUnder(region.path(), FETCH_SIZE)) {
			for (Iterator<HouseholdView> it = homes.iterator(); it.hasNext();) {
				HouseholdView household = it.next();
				int r = sheet.nextRow();
				householdCells(sheet.sheet(), r, household, places);
				sheet.sheet().value(r, AFTER_HOUSEHOLD, household.residents());
			}
		}
		sheet.finish();
	}

	/**
	 * The household's columns: its number, its grid by code and by the names of its
	 * county, township, community and grid (so an office can filter without a lookup
	 * table), building, address and door.
	 */
	private static void householdCells(Worksheet sheet, int r, HouseholdView household, Places places) {
		sheet.value(r, 0, household.id());
		text(sheet, r, 1, household.regionCode());
		List<String> place = places.of(household.regionCode());
		for (int i = 0; i < place.size(); i++) {
			text(sheet, r, 2 + i, place.get(i));
		}
		text(sheet, r, 6, household.buildingName());
		text(sheet, r, 7, household.address());
		text(sheet, r, 8, household.door());
	}

	/** The names of the grids' places, each looked up once per ledger. */
	private record Places(RegionNames names, java.util.Map<String, List<String>> known) {

		Places(RegionNames names) {
			this(names, new java.util.HashMap<>());
		}

		List<String> of(String code) {
			return known.computeIfAbsent(code, names::place);
		}

	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream().map(c -> text("exchange.ledger.column." + c, locale)).toList();
	}

	private String roles(List<RoleKind> roles, Locale locale) {
		if (roles.isEmpty()) {
			return null;
		}
		return roles.stream()
			.map(role -> text("exchange.ledger.role." + role.name(), locale))
			.collect(Collectors.joining(text("exchange.ledger.roleSeparator", locale)));
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
