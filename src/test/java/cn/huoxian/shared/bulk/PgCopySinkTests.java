package cn.huoxian.shared.bulk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.huoxian.shared.bulk.RowSink.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary COPY encoding without a server: the rows are captured as the writer thread
 * would stream them. The digest was taken from the sink before it shared its skeleton
 * with the JDBC sink, and before its tables were registered by their owners rather than
 * listed in it, so the bytes sent are the same.
 */
class PgCopySinkTests {

	/** Enough rows for several hand-offs to the writer thread (8 MB each). */
	private static final int PEOPLE = 150_000;

	/** The demo city's tables, registered parents first as their owners do. */
	private record Tables(Table region, Table unit, Table partyOrganisation, Table building, Table household,
			Table person, Table personRole) {

		static Tables of(RowSink sink) {
			return new Tables(
					sink.table("region", "id bigint", "code text", "name text", "region_level text", "parent_id bigint",
							"path text"),
					sink.table("unit", "id bigint", "code text", "name text", "kind text", "region_id bigint",
							"path text"),
					sink.table("party_organisation", "id bigint", "code text", "name text", "kind text",
							"parent_id bigint", "org_path text", "region_id bigint", "path text", "unit_id bigint",
							"temporary bool", "category text", "post text", "set_up_on date", "dissolved_on date"),
					sink.table("building", "id bigint", "region_id bigint", "path text", "name text"),
					sink.table("household", "id bigint", "region_id bigint", "building_id bigint", "path text",
							"address text", "door text", "residents int"),
					sink.table("person", "id bigint", "name text", "id_number text", "birth_date date", "sex text",
							"phone text", "household_id bigint", "region_id bigint", "path text"),
					sink.table("person_role", "id bigint", "person_id bigint", "role text", "rank text",
							"position text", "unit_id bigint", "party_organisation_id bigint", "joined_on date",
							"membership text", "institution text", "department text", "dispatching_unit_id bigint",
							"village_id bigint"));
		}

	}

	@Test
	void encodesTheRowsAsBefore() throws Exception {
		List<String> copies = new ArrayList<>();
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
			copies.add(table.name);
			digest.update(table.name.getBytes(StandardCharsets.UTF_8));
			digest.update(rows, 0, length);
		});
		Tables t = Tables.of(sink);
		try (sink) {
			write(sink, t);
		}
		assertThat(sink.rows(t.region())).isEqualTo(2);
		assertThat(sink.rows(t.partyOrganisation())).isEqualTo(1);
		assertThat(sink.rows(t.person())).isEqualTo(PEOPLE);
		assertThat(sink.rows(t.household())).isZero();
		// two hand-offs (the first when 8 MB are buffered), parents before children in
		// each
		assertThat(copies).containsExactly("region", "person", "region", "party_organisation", "person");
		assertThat(HexFormat.of().formatHex(digest.digest()))
			.isEqualTo("06532de1be545d04cb51c48619a37358a45476e229bc5b501969d87ee4abe749");
	}

	@Test
	void refusesARowWithTooFewValues() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
		});
		sink.row(Tables.of(sink).building()).value(1L).value(2L).value("/1/2/");
		assertThatThrownBy(sink::end).isInstanceOf(IllegalStateException.class)
			.hasMessage("building row has 3 values, not 4");
	}

	@Test
	void refusesAValueOfTheWrongType() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
		});
		sink.row(Tables.of(sink).building()).value(1L);
		assertThatThrownBy(() -> sink.value(LocalDate.EPOCH)).isInstanceOf(IllegalStateException.class)
			.hasMessage("building.region_id is BIGINT, not a date");
	}

	@Test
	void passesOnAFailedCopy() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
			throw new SQLException("refused");
		});
		sink.row(Tables.of(sink).building()).value(1L).value(2L).value("/1/2/").value("1号楼");
		assertThatThrownBy(() -> {
			sink.end();
			sink.close();
		}).isInstanceOf(SQLException.class).hasMessageContaining("refused");
	}

	@Test
	void takesTablesOnlyBeforeTheFirstRow() throws SQLException {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
		});
		Table building = Tables.of(sink).building();
		sink.row(building).value(1L).value(2L).value("/1/2/").value("1号楼").end();
		assertThatThrownBy(() -> sink.table("late", "id bigint")).isInstanceOf(IllegalStateException.class)
			.hasMessage("register late before the first row");
	}

	@Test
	void refusesATableOfAnotherSink() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
		});
		Table elsewhere = Tables.of(new PgCopySink((table, rows, length) -> {
		})).building();
		assertThatThrownBy(() -> sink.row(elsewhere)).isInstanceOf(IllegalStateException.class)
			.hasMessage("building is registered with another sink");
	}

	/** Every kind of value, the children added before their parents. */
	private static void write(RowSink sink, Tables t) throws SQLException {
		sink.row(t.region()).value(1L).value("130900").value("沧州市").value("CITY").nul().value("/1/").end();
		StringBuilder name = new StringBuilder();
		String path = "/1/2/";
		for (int i = 0; i < PEOPLE; i++) {
			name.setLength(0);
			name.append("王").append(i % 2 == 0 ? "小明" : "\uD842\uDFB7" + "\uD800");
			sink.row(t.person())
				.value(i + 1L)
				.value(name)
				.value("13090019800101" + (1000 + i % 9000))
				.value(LocalDate.of(1950, 1, 1).plusDays(i % 20_000))
				.value(i % 2 == 0 ? "MALE" : "FEMALE")
				.value(i % 3 == 0 ? null : "138" + i)
				.value(i % 5 == 0 ? null : (Long) (long) (i / 3 + 1))
				.value(2L)
				.value(path)
				.end();
		}
		sink.row(t.region()).value(2L).value("130902").value("新华区").value("COUNTY").value(1L).value(path).end();
		sink.row(t.partyOrganisation())
			.value(1L)
			.value("P1")
			.value("新华区委")
			.value("COMMITTEE")
			.nul()
			.value("/1/")
			.value(2L)
			.value(path)
			.nul()
			.value(true)
			.nul()
			.value(false ? "x" : null)
			.value(LocalDate.of(2020, 1, 25))
			.value((LocalDate) null)
			.end();
	}

}
