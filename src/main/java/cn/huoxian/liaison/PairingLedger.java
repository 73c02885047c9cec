package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PAIRING_LOG;
import static cn.huoxian.db.Tables.PAIRING_TEAM_MEMBER;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.UNIT;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pairing ledger (结对台账) as .xlsx: one row per pairing in scope (optionally under a
 * region) with the unit, the community, the five elements and the completeness. Streams
 * through a cursor inside a read-only transaction, flushed by {@link LedgerSheet}.
 */
@Service
public class PairingLedger {

	static final List<String> COLUMNS = List.of("unitCode", "unitName", "communityCode", "communityName", "startedOn",
			"liaisonLeader", "workTeam", "workPlan", "ledgerEntries", "responsiblePerson", "complete", "missing");

	private static final Field<String> TEAM = DSL
		.field(DSL.select(DSL.listAgg(PERSON.NAME, "、").withinGroupOrderBy(PERSON.ID))
			.from(PAIRING_TEAM_MEMBER)
			.join(PERSON)
			.on(PERSON.ID.eq(PAIRING_TEAM_MEMBER.PERSON_ID))
			.where(PAIRING_TEAM_MEMBER.PAIRING_ID.eq(PAIRING.ID)))
		.as("team");

	private static final Field<Integer> ENTRIES = DSL
		.field(DSL.selectCount().from(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(PAIRING.ID)))
		.as("entries");

	private final DSLContext db;

	private final MessageSource messages;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	PairingLedger(DSLContext db, MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.db = db;
		this.messages = messages;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A file name such as {@code pairings-130902-20200201.xlsx}. */
	public String filename(String regionCode) {
		return "pairings-" + (regionCode == null ? "all" : regionCode) + "-"
				+ BusinessDay.today(clock).toString().replace("-", "") + ".xlsx";
	}

	/** Writes the workbook for the pairings in scope under the path (null: all). */
	public void write(String regionPath, DataScope scope, Locale locale, OutputStream out) {
		readOnly.executeWithoutResult(status -> {
			try {
				Workbook workbook = new Workbook(out, "Huoxian", "1.0");
				LedgerSheet sheet = new LedgerSheet(workbook, text("pairing.ledger.sheet", locale),
						COLUMNS.stream().map(c -> text("pairing.ledger.column." + c, locale)).toList());
				try (Cursor<? extends Record> rows = db
					.select(UNIT.CODE, UNIT.NAME, Pairings.COMMUNITY.CODE, Pairings.COMMUNITY.NAME, PAIRING.STARTED_ON,
							PAIRING.LIAISON_LEADER_ID, Pairings.LEADER.NAME, TEAM, PAIRING.WORK_PLAN,
							PAIRING.WORK_PLAN_FILE_NAME, ENTRIES, PAIRING.RESPONSIBLE_PERSON_ID,
							Pairings.RESPONSIBLE.NAME)
					.from(PAIRING)
					.join(UNIT)
					.on(UNIT.ID.eq(PAIRING.UNIT_ID))
					.join(Pairings.COMMUNITY)
					.on(Pairings.COMMUNITY.ID.eq(PAIRING.COMMUNITY_ID))
					.leftJoin(Pairings.LEADER)
					.on(Pairings.LEADER.ID.eq(PAIRING.LIAISON_LEADER_ID))
					.leftJoin(Pairings.RESPONSIBLE)
					.on(Pairings.RESPONSIBLE.ID.eq(PAIRING.RESPONSIBLE_PERSON_ID))
					.where(Pairings.filter(regionPath, null, scope))
					.orderBy(PAIRING.PATH, PAIRING.ID)
					.fetchSize(1000)
					.fetchLazy()) {
					for (Record row : rows) {
						row(sheet.sheet(), sheet.nextRow(), row, locale);
					}
				}
				sheet.finish();
				workbook.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void row(Worksheet sheet, int r, Record row, Locale locale) {
		text(sheet, r, 0, row.get(UNIT.CODE));
		text(sheet, r, 1, row.get(UNIT.NAME));
		text(sheet, r, 2, row.get(Pairings.COMMUNITY.CODE));
		text(sheet, r, 3, row.get(Pairings.COMMUNITY.NAME));
		sheet.value(r, 4, row.get(PAIRING.STARTED_ON));
		sheet.style(r, 4).format("yyyy-mm-dd").set();
		text(sheet, r, 5, row.get(Pairings.LEADER.NAME));
		String team = row.get(TEAM);
		text(sheet, r, 6, team);
		String plan = row.get(PAIRING.WORK_PLAN);
		String file = row.get(PAIRING.WORK_PLAN_FILE_NAME);
		text(sheet, r, 7, plan != null && file != null ? plan + " [" + file + "]" : plan != null ? plan : file);
		int entries = row.get(ENTRIES);
		sheet.value(r, 8, entries);
		text(sheet, r, 9, row.get(Pairings.RESPONSIBLE.NAME));
		Completeness completeness = Completeness.of(row.get(PAIRING.LIAISON_LEADER_ID) != null,
				team != null && !team.isEmpty(), plan != null || file != null, entries > 0,
				row.get(PAIRING.RESPONSIBLE_PERSON_ID) != null);
		text(sheet, r, 10, text(completeness.complete() ? "pairing.complete" : "pairing.incomplete", locale));
		text(sheet, r, 11, String.join("、",
				completeness.missing().stream().map(m -> text("pairing.element." + m, locale)).toList()));
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
