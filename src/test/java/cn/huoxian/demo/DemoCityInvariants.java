package cn.huoxian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.IdNumber;

/**
 * Checks a generated city against its invariants with plain SQL that runs on H2 and
 * PostgreSQL.
 */
final class DemoCityInvariants {

	private DemoCityInvariants() {
	}

	/**
	 * Every region's counters equal a recount from households, persons, party-member and
	 * cadre roles.
	 */
	static void assertCountersMatchRecount(Connection connection) throws SQLException {
		String sql = """
				select r.code, r.households, r.residents, r.party_members, r.cadres,
				  (select count(*) from household h where h.path like r.path || '%'),
				  (select count(*) from person p where p.household_id is not null and p.path like r.path || '%'),
				  (select count(*) from person p join person_role pr on pr.person_id = p.id
				   where pr.role = 'PARTY_MEMBER' and p.path like r.path || '%'),
				  (select count(*) from person p join person_role pr on pr.person_id = p.id
				   where pr.role = 'CADRE' and p.path like r.path || '%')
				from region r order by r.code""";
		List<String> wrong = new ArrayList<>();
		int regions = 0;
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				regions++;
				for (int i = 0; i < 4; i++) {
					if (rs.getLong(2 + i) != rs.getLong(6 + i)) {
						wrong.add(rs.getString(1) + " "
								+ List.of("households", "residents", "party_members", "cadres").get(i) + " = "
								+ rs.getLong(2 + i) + ", recount " + rs.getLong(6 + i));
					}
				}
			}
		}
		assertThat(regions).isGreaterThan(17);
		assertThat(wrong).isEmpty();
		assertThat(count(connection, """
				select count(*) from household h
				where h.residents <> (select count(*) from person p where p.household_id = h.id)""")).isZero();
		assertThat(count(connection, "select residents from region where code = '130900'")).isPositive();
		assertThat(count(connection, "select cadres from region where code = '130900'")).isPositive();
	}

	/**
	 * Every generated resident's ID number is valid and carries the county's area code.
	 * Residents registered later (by other tests) are told apart by being created after
	 * the demo accounts.
	 */
	static void assertIdNumbersValid(Connection connection) throws SQLException {
		String sql = """
				select p.id_number, p.path, p.sex, p.birth_date from person p
				where p.household_id is not null and p.created_at <= (select min(a.created_at) from account a)""";
		int checked = 0;
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String idNumber = rs.getString(1).trim();
				String county = rs.getString(2).substring(8, 14);
				assertThat(IdNumber.isValid(idNumber, BusinessDay.today(java.time.Clock.systemUTC()))).as(idNumber)
					.isTrue();
				IdNumber parsed = new IdNumber(idNumber);
				assertThat(parsed.areaCode()).as(idNumber).isEqualTo(county);
				assertThat(rs.getString(3).trim()).as(idNumber).isEqualTo(String.valueOf(parsed.sex()));
				assertThat(rs.getDate(4).toLocalDate()).as(idNumber).isEqualTo(parsed.birthDate());
				checked++;
			}
		}
		assertThat(checked).isPositive();
		assertThat(count(connection, "select count(distinct id_number) from person"))
			.isEqualTo(count(connection, "select count(*) from person"));
	}

	/**
	 * A digest of every generated column of every generated table, rows by id (timestamps
	 * left out).
	 */
	static String checksum(Connection connection) throws SQLException {
		return checksum(connection, GENERATED);
	}

	/** As {@link #checksum}, without the columns that hold dates of the emergency. */
	static String checksumWithoutDates(Connection connection) throws SQLException {
		String[][] tables = new String[GENERATED.length][];
		for (int t = 0; t < tables.length; t++) {
			tables[t] = new String[] { GENERATED[t][0],
					GENERATED[t][1].replace(", set_up_on", "").replace(", joined_on", "") };
		}
		return checksum(connection, tables);
	}

	private static String checksum(Connection connection, String[][] generated) throws SQLException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (String[] table : generated) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("select " + table[1] + " from " + table[0] + " order by id")) {
				int n = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int i = 1; i <= n; i++) {
						Object value = rs.getObject(i);
						digest.update(String.valueOf(value).trim().getBytes(StandardCharsets.UTF_8));
						digest.update((byte) 0);
					}
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The generated tables and columns the checksum covers, in its order. */
	private static final String[][] GENERATED = {
			{ "region", "id, code, name, region_level, parent_id, path, households, residents, party_members, cadres" },
			{ "unit", "id, code, name, kind, region_id, path, party_organisation_id" },
			{ "party_organisation",
					"id, code, name, kind, parent_id, org_path, region_id, path, unit_id, temporary, "
							+ "category, post, set_up_on, dissolved_on" },
			{ "building", "id, region_id, path, name" },
			{ "household", "id, region_id, building_id, path, address, door, residents" },
			{ "person", "id, name, id_number, birth_date, sex, phone, household_id, region_id, path" },
			{ "person_role", "id, person_id, role, rank, position, unit_id, party_organisation_id, joined_on, "
					+ "membership, institution, department, dispatching_unit_id, village_id" } };

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
