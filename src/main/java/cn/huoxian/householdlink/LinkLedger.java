package cn.huoxian.householdlink;

import static cn.huoxian.db.Tables.HOUSEHOLD_LINK;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.HouseholdLinkRecord;
import cn.huoxian.org.HouseholdView;
import cn.huoxian.org.Households;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.RegionNames;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The 1+10 ledger of a region as .xlsx, streamed: a sheet of communities (households,
 * linked, share) and a sheet of links (party member, household address, linked on). No ID
 * numbers.
 */
@Service
public class LinkLedger implements Ledger<RegionView> {

	static final List<String> COMMUNITY_COLUMNS = List.of("code", "name", "households", "linked", "share");

	static final List<String> LINK_COLUMNS = List.of("partyMember", "gridCode", "county", "township", "community",
			"grid", "address", "door", "linkedOn");

	private final DSLContext db;

	private final MessageSource messages;

	private final Clock clock;

	private final Regions regions;

	private final Households households;

	private final People people;

	private final RegionNames regionNames;

	LinkLedger(DSLContext db, MessageSource messages, Clock clock, Regions regions, Households households,
			People people, RegionNames regionNames) {
		this.regionNames = regionNames;
		this.db = db;
		this.regions = regions;
		this.households = households;
		this.people = people;
		this.messages = messages;
		this.clock = clock;
	}

	/** A file name such as {@code household-links-130902-20200201.xlsx}. */
	@Override
	public String filename(RegionView region) {
		return Ledger.dated("household-links", region.code(), clock);
	}

	/** The sheets for a region in scope (checked by the caller). */
	@Override
	public List<LedgerSheet.Part> parts(RegionView region, DataScope scope, Locale locale) {
		return List.of(workbook -> communities(workbook, region, locale),
				workbook -> links(workbook, region, scope, locale));
	}

	private void communities(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("links.ledger.communities", locale),
				headers(COMMUNITY_COLUMNS, locale));
		if (region.level() == RegionLevel.GRID) {
			// a grid worker's ledger: the grid itself
			long linked = db.fetchCount(HOUSEHOLD_LINK, DataScope.under(HOUSEHOLD_LINK.PATH, region.path()));
			communityRow(sheet,
					LinkShare.Row.of(region.code(), region.name(), null, region.counts().households(), linked));
			sheet.finish();
			return;
		}
		// links counted per grid in one grouped query (a link's path is its household's
		// grid, which never changes), summed per community: the grid's parent
		var count = DSL.count().as("linked");
		Map<String, Long> byCommunity = new HashMap<>();
		db.select(HOUSEHOLD_LINK.PATH, count)
			.from(HOUSEHOLD_LINK)
			.where(DataScope.under(HOUSEHOLD_LINK.PATH, region.path()))
			.groupBy(HOUSEHOLD_LINK.PATH)
			.forEach(r -> byCommunity.merge(parentPath(r.value1()), r.value2().longValue(), Long::sum));
		for (RegionView village : regions.under(region.path(), RegionLevel.VILLAGE)) {
			communityRow(sheet, LinkShare.Row.of(village.code(), village.name(), null, village.counts().households(),
					byCommunity.getOrDefault(village.path().value(), 0L)));
		}
		sheet.finish();
	}

	/** The path of the region above: /a/b/c/ → /a/b/. */
	private static String parentPath(String path) {
		return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
	}

	private static void communityRow(LedgerSheet sheet, LinkShare.Row figures) throws IOException {
		int r = sheet.nextRow();
		Worksheet ws = sheet.sheet();
		ws.inlineString(r, 0, figures.code());
		ws.inlineString(r, 1, figures.name());
		ws.value(r, 2, figures.households());
		ws.value(r, 3, figures.linked());
		ws.value(r, 4, figures.share());
		ws.style(r, 4).format("0.00%").set();
	}

	private void links(Workbook workbook, RegionView region, DataScope scope, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("links.ledger.links", locale),
				headers(LINK_COLUMNS, locale));
		// links in path order, a path's links written by member name: whole paths are
		// gathered into chunks whose names and households are looked up together
		List<HouseholdLinkRecord> chunk = new ArrayList<>();
		try (Cursor<HouseholdLinkRecord> rows = db.selectFrom(HOUSEHOLD_LINK)
			.where(scope.regionCondition(HOUSEHOLD_LINK.PATH).and(DataScope.under(HOUSEHOLD_LINK.PATH, region.path())))
			.orderBy(HOUSEHOLD_LINK.PATH, HOUSEHOLD_LINK.HOUSEHOLD_ID)
			.fetchSize(1000)
			.fetchLazy()) {
			for (HouseholdLinkRecord row : rows) {
				if (chunk.size() >= 1000 && !chunk.get(chunk.size() - 1).getPath().equals(row.getPath())) {
					linkRows(sheet, chunk);
					chunk.clear();
				}
				chunk.add(row);
			}
		}
		linkRows(sheet, chunk);
		sheet.finish();
	}

	private void linkRows(LedgerSheet sheet, List<HouseholdLinkRecord> links) throws IOException {
		if (links.isEmpty()) {
			return;
		}
		Map<Long, String> names = people
			.names(links.stream().map(HouseholdLinkRecord::getPartyMemberId).collect(Collectors.toSet()));
		Map<Long, HouseholdView> homes = households
			.fetchAll(links.stream().map(HouseholdLinkRecord::getHouseholdId).collect(Collectors.toSet()));
		List<HouseholdLinkRecord> sorted = new ArrayList<>(links);
		sorted.sort(Comparator.comparing(HouseholdLinkRecord::getPath)
			.thenComparing(l -> names.get(l.getPartyMemberId()))
			.thenComparing(HouseholdLinkRecord::getHouseholdId));
		Map<String, List<String>> places = new java.util.HashMap<>();
		for (HouseholdLinkRecord link : sorted) {
			HouseholdView home = homes.get(link.getHouseholdId());
			int r = sheet.nextRow();
			Worksheet ws = sheet.sheet();
			ws.inlineString(r, 0, names.get(link.getPartyMemberId()));
			ws.inlineString(r, 1, home.regionCode());
			// the grid named beside its code, so an office can filter without a lookup
			// table
			List<String> place = places.computeIfAbsent(home.regionCode(), regionNames::place);
			for (int i = 0; i < place.size(); i++) {
				ws.inlineString(r, 2 + i, place.get(i));
			}
			ws.inlineString(r, 6, home.address());
			if (home.door() != null) {
				ws.inlineString(r, 7, home.door());
			}
			ws.value(r, 8, link.getLinkedOn());
			ws.style(r, 8).format("yyyy-mm-dd").set();
		}
	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream().map(c -> text("links.ledger.column." + c, locale)).toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
