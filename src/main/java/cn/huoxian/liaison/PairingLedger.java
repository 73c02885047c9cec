package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.PAIRING;
import static cn.huoxian.db.Tables.PAIRING_LOG;
import static cn.huoxian.db.Tables.PAIRING_TEAM_MEMBER;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.UnitView;

import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import cn.huoxian.shared.RegionPath;
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
 * The pairing ledger (结对台账) as .xlsx: one row per pairing in scope (optionally under a
 * region) with the unit, the community, the five elements and the completeness, from a
 * cursor.
 */
@Service
public class PairingLedger implements Ledger<PairingLedger.Under> {

	/** The region asked for, its code and path; both null for all pairings in scope. */
	public record Under(String code, RegionPath path) {
	}

	static final List<String> COLUMNS = List.of("unitCode", "unitName", "communityCode", "communityName", "startedOn",
			"liaisonLeader", "workTeam", "workPlan", "ledgerEntries", "responsiblePerson", "complete", "missing");

	private static final Field<Integer> ENTRIES = DSL
		.field(DSL.selectCount().from(PAIRING_LOG).where(PAIRING_LOG.PAIRING_ID.eq(PAIRING.ID)))
		.as("entries");

	private final DSLContext db;

	private final MessageSource messages;

	private final Clock clock;

	/** Rows whose names and teams are looked up together. */
	private static final int CHUNK = 1000;

	private final PairingNames names;

	private final Regions regions;

	PairingLedger(DSLContext db, MessageSource messages, Clock clock, PairingNames names, Regions regions) {
		this.names = names;
		this.db = db;
		this.messages = messages;
		this.clock = clock;
		this.regions = regions;
	}

	/**
	 * The region asked for (404 outside the scope; call before the response starts), or
	 * all pairings in scope when none is.
	 */
	public Under under(String region, DataScope scope) {
		if (region == null || region.isBlank()) {
			return new Under(null, null);
		}
		return new Under(region.strip(), regions.find(region.strip(), scope).path());
	}

	/**
	 * A file name such as {@code pairings-130902-20200201.xlsx} ({@code all} for all).
	 */
	@Override
	public String filename(Under under) {
		return Ledger.dated("pairings", under.code() == null ? "all" : under.code(), clock);
	}

	/** The sheet of the pairings in scope under the region. */
	@Override
	public List<LedgerSheet.Part> parts(Under under, DataScope scope, Locale locale) {
		return List.of(workbook -> sheet(workbook, under.path(), scope, locale));
	}

	private void sheet(Workbook workbook, RegionPath regionPath, DataScope scope, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("pairing.ledger.sheet", locale),
				COLUMNS.stream().map(c -> text("pairing.ledger.column." + c, locale)).toList());
		try (Cursor<? extends Record> rows = db
			.select(PAIRING.ID, PAIRING.UNIT_ID, PAIRING.COMMUNITY_ID, PAIRING.STARTED_ON, PAIRING.LIAISON_LEADER_ID,
					PAIRING.WORK_PLAN, PAIRING.WORK_PLAN_FILE_NAME, ENTRIES, PAIRING.RESPONSIBLE_PERSON_ID)
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
