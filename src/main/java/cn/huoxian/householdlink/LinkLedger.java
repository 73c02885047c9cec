package cn.huoxian.householdlink;

import static cn.huoxian.db.Tables.HOUSEHOLD;
import static cn.huoxian.db.Tables.HOUSEHOLD_LINK;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 1+10 ledger of a region as .xlsx, streamed: a sheet of communities (households,
 * linked, share) and a sheet of links (party member, household address, linked on). No ID
 * numbers.
 */
@Service
public class LinkLedger {

	static final List<String> COMMUNITY_COLUMNS = List.of("code", "name", "households", "linked", "share");

	static final List<String> LINK_COLUMNS = List.of("partyMember", "gridCode", "address", "door", "linkedOn");

	private final DSLContext db;

	private final MessageSource messages;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	LinkLedger(DSLContext db, MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.db = db;
		this.messages = messages;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A file name such as {@code household-links-130902-20200201.xlsx}. */
	public String filename(RegionView region) {
		return "household-links-" + region.code() + "-" + BusinessDay.today(clock).toString().replace("-", "")
				+ ".xlsx";
	}

	/** Writes the workbook for a region in scope (checked by the caller). */
	public void write(RegionView region, DataScope scope, Locale locale, OutputStream out) {
		readOnly.executeWithoutResult(status -> {
			LedgerSheet.workbook(out, workbook -> communities(workbook, region, locale),
					workbook -> links(workbook, region, scope, locale));
		});
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
		// links counted per community in one grouped query: a link's household sits in a
		// grid whose parent is the community
		var grid = REGION.as("grid");
		var community = grid.PARENT_ID.as("community");
		var count = DSL.count().as("linked");
		var counts = db.select(community, count)
			.from(HOUSEHOLD_LINK)
			.join(HOUSEHOLD)
			.on(HOUSEHOLD.ID.eq(HOUSEHOLD_LINK.HOUSEHOLD_ID))
			.join(grid)
			.on(grid.ID.eq(HOUSEHOLD.REGION_ID))
			.where(DataScope.under(HOUSEHOLD_LINK.PATH, region.path()))
			.groupBy(grid.PARENT_ID)
			.asTable("counts");
		var linked = DSL.coalesce(counts.field(count), 0).as("linked");
		try (Cursor<? extends Record> rows = db.select(REGION.CODE, REGION.NAME, REGION.HOUSEHOLDS, linked)
			.from(REGION)
			.leftJoin(counts)
			.on(counts.field(community).eq(REGION.ID))
			.where(DataScope.under(REGION.PATH, region.path()).and(REGION.REGION_LEVEL.eq(RegionLevel.VILLAGE.name())))
			.orderBy(REGION.PATH)
			.fetchSize(1000)
			.fetchLazy()) {
			for (Record row : rows) {
				communityRow(sheet, LinkShare.Row.of(row.get(REGION.CODE), row.get(REGION.NAME), null,
						row.get(REGION.HOUSEHOLDS), row.get(linked)));
			}
		}
		sheet.finish();
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
		try (Cursor<? extends Record> rows = db
			.select(PERSON.NAME, REGION.CODE, HOUSEHOLD.ADDRESS, HOUSEHOLD.DOOR, HOUSEHOLD_LINK.LINKED_ON)
			.from(HOUSEHOLD_LINK)
			.join(HOUSEHOLD)
			.on(HOUSEHOLD.ID.eq(HOUSEHOLD_LINK.HOUSEHOLD_ID))
			.join(REGION)
			.on(REGION.ID.eq(HOUSEHOLD.REGION_ID))
			.join(PERSON)
			.on(PERSON.ID.eq(HOUSEHOLD_LINK.PARTY_MEMBER_ID))
			.where(scope.regionCondition(HOUSEHOLD_LINK.PATH).and(DataScope.under(HOUSEHOLD_LINK.PATH, region.path())))
			.orderBy(HOUSEHOLD_LINK.PATH, PERSON.NAME, HOUSEHOLD_LINK.HOUSEHOLD_ID)
			.fetchSize(1000)
			.fetchLazy()) {
			for (Record row : rows) {
				int r = sheet.nextRow();
				Worksheet ws = sheet.sheet();
				ws.inlineString(r, 0, row.get(PERSON.NAME));
				ws.inlineString(r, 1, row.get(REGION.CODE));
				ws.inlineString(r, 2, row.get(HOUSEHOLD.ADDRESS));
				if (row.get(HOUSEHOLD.DOOR) != null) {
					ws.inlineString(r, 3, row.get(HOUSEHOLD.DOOR));
				}
				ws.value(r, 4, row.get(HOUSEHOLD_LINK.LINKED_ON));
				ws.style(r, 4).format("yyyy-mm-dd").set();
			}
		}
		sheet.finish();
	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream().map(c -> text("links.ledger.column." + c, locale)).toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
