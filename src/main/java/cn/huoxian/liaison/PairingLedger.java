package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PAIRING_LOG;
import static cn.huoxian.db.Tables.PAIRING_TEAM_MEMBER;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.UnitView;

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

	private static final Field<Integer> ENTRIES = DSL
		.field(DSL.selectCount().from(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(PAIRING.ID)))
		.as("entries");

	private final DSLContext db;

	private final MessageSource messages;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	/** Rows whose names and teams are looked up together. */
	private static final int CHUNK = 1000;

	private final PairingNames names;

	PairingLedger(DSLContext db, MessageSource messages, PlatformTransactionManager transactions, Clock clock,
			PairingNames names) {
		this.names = names;
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
					.select(PAIRING.ID, PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID, PAIRING.STARTED_ON,
							PAIRING.LIAISON_LEADER_ID, PAIRING.WORK_PLAN, PAIRING.WORK_PLAN_FILE_NAME, ENTRIES,
							PAIRING.RESPONSIBLE_PERSON_ID)
					.from(PAIRING)
					.where(Pairings.filter(regionPath, null, scope))
					.orderBy(PAIRING.PATH, PAIRING.ID)
					.fetchSize(1000)
					.fetchLazy()) {
					List<Record> chunk = new ArrayList<>();
					for (Record row : rows) {
						chunk.add(row);
						if (chunk.size() == CHUNK) {
							rows(sheet, chunk, locale);
							chunk.clear();
						}
					}
					rows(sheet, chunk, locale);
				}
				sheet.finish();
				workbook.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Writes a chunk of pairings with their teams, units, communities and names looked up
	 * together.
	 */
	private void rows(LedgerSheet sheet, List<Record> chunk, Locale locale) throws IOException {
		if (chunk.isEmpty()) {
			return;
		}
		Map<Long, List<Long>> teams = new LinkedHashMap<>();
		db.select(PAIRING_TEAM_MEMBER.PAIRING_ID, PAIRING_TEAM_MEMBER.PERSON_ID)
			.from(PAIRING_TEAM_MEMBER)
			.where(PAIRING_TEAM_MEMBER.PAIRING_ID.in(chunk.stream().map(r -> r.get(PAIRING.ID)).toList()))
			.orderBy(PAIRING_TEAM_MEMBER.PERSON_ID)
			.forEach(r -> teams.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
		List<Long> personIds = new ArrayList<>();
		chunk.forEach(r -> {
			personIds.add(r.get(PAIRING.LIAISON_LEADER_ID));
			personIds.add(r.get(PAIRING.RESPONSIBLE_PERSON_ID));
		});
		teams.values().forEach(personIds::addAll);
		PairingNames.Batch named = names.of(chunk, r -> r.get(PAIRING.UNIT_ID), r -> r.get(PAIRING.COMMUNITY_ID),
				personIds);
		for (Record row : chunk) {
			List<Long> team = teams.get(row.get(PAIRING.ID));
			row(sheet.sheet(), sheet.nextRow(), row, named,
					team == null ? null : String.join("、", team.stream().map(named::person).toList()), locale);
		}
	}

	private void row(Worksheet sheet, int r, Record row, PairingNames.Batch named, String team, Locale locale) {
		UnitView unit = named.unit(row.get(PAIRING.UNIT_ID));
		RegionView community = named.community(row.get(PAIRING.COMMUNITY_ID));
		text(sheet, r, 0, unit.code());
		text(sheet, r, 1, unit.name());
		text(sheet, r, 2, community.code());
		text(sheet, r, 3, community.name());
		sheet.value(r, 4, row.get(PAIRING.STARTED_ON));
		sheet.style(r, 4).format("yyyy-mm-dd").set();
		text(sheet, r, 5, named.person(row.get(PAIRING.LIAISON_LEADER_ID)));
		text(sheet, r, 6, team);
		String plan = row.get(PAIRING.WORK_PLAN);
		String file = row.get(PAIRING.WORK_PLAN_FILE_NAME);
		text(sheet, r, 7, plan != null && file != null ? plan + " [" + file + "]" : plan != null ? plan : file);
		int entries = row.get(ENTRIES);
		sheet.value(r, 8, entries);
		text(sheet, r, 9, named.person(row.get(PAIRING.RESPONSIBLE_PERSON_ID)));
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
