package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Ledger;
import cn.huoxian.shared.LedgerSheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The commando team ledger (突击队台账) of a region as .xlsx: a sheet of teams (organisation,
 * leader, current members, open tasks) and a sheet of members, from cursors.
 */
@Service
public class TeamLedger implements Ledger<RegionView> {

	static final int FETCH_SIZE = 1000;

	static final List<String> TEAM_COLUMNS = List.of("teamId", "name", "organisation", "region", "leader", "task",
			"formedOn", "dissolvedOn", "members", "openTasks");

	static final List<String> MEMBER_COLUMNS = List.of("teamId", "team", "personId", "name", "joinedOn", "leftOn");

	private static final String DATE_FORMAT = "yyyy-mm-dd";

	private static final Field<String> ORGANISATION_NAME = PartyOrganisations
		.nameOf(COMMANDO_TEAM.PARTY_ORGANISATION_ID)
		.as("organisation_name");

	private static final Field<String> REGION_NAME = Regions.nameOf(COMMANDO_TEAM.REGION_ID).as("region_name");

	private static final Field<String> LEADER_NAME = People.nameOf(COMMANDO_TEAM.LEADER_ID).as("leader_name");

	private static final Field<String> MEMBER_NAME = People.nameOf(COMMANDO_MEMBER.PERSON_ID).as("member_name");

	private final DSLContext db;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	TeamLedger(DSLContext db, Regions regions, MessageSource messages, Clock clock) {
		this.db = db;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The region to export (default: the scope's first root), or 404 outside the scope;
	 * call before the response starts.
	 */
	public RegionView region(String code, DataScope scope) {
		return regions.findOrFirstRoot(code, scope);
	}

	/** A file name such as {@code teams-130902-20200201.xlsx} (the business day). */
	@Override
	public String filename(RegionView region) {
		return Ledger.dated("teams", region.code(), clock);
	}

	@Override
	public List<LedgerSheet.Part> parts(RegionView region, DataScope scope, Locale locale) {
		return List.of(workbook -> teamSheet(workbook, region, locale),
				workbook -> memberSheet(workbook, region, locale));
	}

	private void teamSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("front.ledger.teams", locale),
				headers(TEAM_COLUMNS, locale));
		try (Cursor<? extends Record> rows = db
			.select(COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME, ORGANISATION_NAME, REGION_NAME, LEADER_NAME,
					COMMANDO_TEAM.TASK, COMMANDO_TEAM.FORMED_ON, COMMANDO_TEAM.DISSOLVED_ON, CommandoTeams.MEMBERS,
					CommandoTeams.OPEN_TASKS)
			.from(COMMANDO_TEAM)
			.where(DataScope.under(COMMANDO_TEAM.PATH, region.path()))
			.orderBy(COMMANDO_TEAM.PATH, COMMANDO_TEAM.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			for (Record row : rows) {
				int r = sheet.nextRow();
				Worksheet s = sheet.sheet();
				s.value(r, 0, row.get(COMMANDO_TEAM.ID));
				text(s, r, 1, row.get(COMMANDO_TEAM.NAME));
				text(s, r, 2, row.get(ORGANISATION_NAME));
				text(s, r, 3, row.get(REGION_NAME));
				text(s, r, 4, row.get(LEADER_NAME));
				text(s, r, 5, row.get(COMMANDO_TEAM.TASK));
				date(s, r, 6, row.get(COMMANDO_TEAM.FORMED_ON));
				date(s, r, 7, row.get(COMMANDO_TEAM.DISSOLVED_ON));
				s.value(r, 8, row.get(CommandoTeams.MEMBERS));
				s.value(r, 9, row.get(CommandoTeams.OPEN_TASKS));
			}
		}
		sheet.finish();
	}

	private void memberSheet(Workbook workbook, RegionView region, Locale locale) throws IOException {
		LedgerSheet sheet = new LedgerSheet(workbook, text("front.ledger.members", locale),
				headers(MEMBER_COLUMNS, locale));
		try (Cursor<? extends Record> rows = db
			.select(COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME, COMMANDO_MEMBER.PERSON_ID, MEMBER_NAME,
					COMMANDO_MEMBER.JOINED_ON, COMMANDO_MEMBER.LEFT_ON)
			.from(COMMANDO_MEMBER)
			.join(COMMANDO_TEAM)
			.on(COMMANDO_TEAM.ID.eq(COMMANDO_MEMBER.TEAM_ID))
			.where(DataScope.under(COMMANDO_MEMBER.PATH, region.path()))
			.orderBy(COMMANDO_MEMBER.PATH, COMMANDO_MEMBER.TEAM_ID, COMMANDO_MEMBER.PERSON_ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			for (Record row : rows) {
				int r = sheet.nextRow();
				Worksheet s = sheet.sheet();
				s.value(r, 0, row.get(COMMANDO_TEAM.ID));
				text(s, r, 1, row.get(COMMANDO_TEAM.NAME));
				s.value(r, 2, row.get(COMMANDO_MEMBER.PERSON_ID));
				text(s, r, 3, row.get(MEMBER_NAME));
				date(s, r, 4, row.get(COMMANDO_MEMBER.JOINED_ON));
				date(s, r, 5, row.get(COMMANDO_MEMBER.LEFT_ON));
			}
		}
		sheet.finish();
	}

	private static void date(Worksheet sheet, int r, int c, LocalDate value) {
		if (value != null) {
			sheet.value(r, c, value);
			sheet.style(r, c).format(DATE_FORMAT).set();
		}
	}

	private static void text(Worksheet sheet, int r, int c, String value) {
		if (value != null) {
			sheet.value(r, c, value);
		}
	}

	private List<String> headers(List<String> columns, Locale locale) {
		return columns.stream().map(c -> text("front.ledger.column." + c, locale)).toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
