package cn.huoxian.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.huoxian.demo.RowSink.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary COPY encoding without a server: the rows are captured as the writer thread
 * would stream them. The digest was taken from the sink before it shared its skeleton
 * with the JDBC sink, so the bytes sent are the same.
 */
class PgCopySinkTests {

	/** Enough rows for several hand-offs to the writer thread (8 MB each). */
	private static final int PEOPLE = 150_000;

	@Test
	void encodesTheRowsAsBefore() throws Exception {
		List<String> copies = new ArrayList<>();
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
			copies.add(table.name);
			digest.update(table.name.getBytes(StandardCharsets.UTF_8));
			digest.update(rows, 0, length);
		});
		try (sink) {
			write(sink);
		}
		assertThat(sink.rows(Table.REGION)).isEqualTo(2);
		assertThat(sink.rows(Table.PARTY_ORGANISATION)).isEqualTo(1);
		assertThat(sink.rows(Table.PERSON)).isEqualTo(PEOPLE);
		assertThat(sink.rows(Table.HOUSEHOLD)).isZero();
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
		sink.row(Table.BUILDING).value(1L).value(2L).value("/1/2/");
		assertThatThrownBy(sink::end).isInstanceOf(IllegalStateException.class)
			.hasMessage("building row has 3 values, not 4");
	}

	@Test
	void refusesAValueOfTheWrongType() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
		});
		sink.row(Table.BUILDING).value(1L);
		assertThatThrownBy(() -> sink.value(LocalDate.EPOCH)).isInstanceOf(IllegalStateException.class)
			.hasMessage("building.region_id is BIGINT, not a date");
	}

	@Test
	void passesOnAFailedCopy() {
		PgCopySink sink = new PgCopySink((table, rows, length) -> {
			throw new SQLException("refused");
		});
		sink.row(Table.BUILDING).value(1L).value(2L).value("/1/2/").value("1号楼");
		assertThatThrownBy(() -> {
			sink.end();
			sink.close();
		}).isInstanceOf(SQLException.class).hasMessageContaining("refused");
	}

	/** Every kind of value, the children added before their parents. */
	private static void write(RowSink sink) throws SQLException {
		sink.row(Table.REGION).value(1L).value("130900").value("沧州市").value("CITY").nul().value("/1/").end();
		StringBuilder name = new StringBuilder();
		String path = "/1/2/";
		for (int i = 0; i < PEOPLE; i++) {
			name.setLength(0);
			name.append("王").append(i % 2 == 0 ? "小明" : "\uD842\uDFB7" + "\uD800");
			sink.row(Table.PERSON)
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
		sink.row(Table.REGION).value(2L).value("130902").value("新华区").value("COUNTY").value(1L).value(path).end();
		sink.row(Table.PARTY_ORGANISATION)
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
