package cn.huoxian.shared.bulk;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Arrays bound as typed arrays, on H2 and (in the build's PostgreSQL pass, which sets
 * spring.datasource.url) on PostgreSQL: rows written through {@code unnest} come back as
 * given, {@code = any} finds exactly its keys, and PostgreSQL sees the array as one typed
 * value, not text to parse again for every row.
 */
@Tag("sql")
class SqlArraysTests {

	private static final Table<Record> T = DSL.table(DSL.name("sql_arrays_test"));

	private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);

	private static final Field<Long> N = DSL.field(DSL.name("n"), SQLDataType.BIGINT);

	private static final Field<String> TEXT = DSL.field(DSL.name("label"), SQLDataType.VARCHAR);

	private static final Field<BigDecimal> DEGREES = DSL.field(DSL.name("degrees"), SQLDataType.NUMERIC(3, 1));

	private static final Field<OffsetDateTime> AT = DSL.field(DSL.name("at_time"), SQLDataType.TIMESTAMPWITHTIMEZONE);

	private static final Field<LocalDate> DAY = DSL.field(DSL.name("on_day"), SQLDataType.LOCALDATE);

	private static final Field<Boolean> FLAG = DSL.field(DSL.name("flag"), SQLDataType.BOOLEAN);

	private static final Field<Integer> COUNT = DSL.field(DSL.name("how_many"), SQLDataType.INTEGER);

	private Connection connection;

	private DSLContext db;

	@BeforeEach
	void connect() throws Exception {
		String url = System.getProperty("spring.datasource.url");
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			connection = DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
					System.getProperty("spring.datasource.password", ""));
			db = DSL.using(connection, SQLDialect.POSTGRES);
		}
		else {
			connection = DriverManager.getConnection("jdbc:h2:mem:sql-arrays;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
			db = DSL.using(connection, SQLDialect.H2);
		}
		connection.setAutoCommit(false);
		db.execute("create temporary table sql_arrays_test (id uuid primary key, n bigint, label varchar(50), "
				+ "degrees decimal(3, 1), at_time timestamp with time zone, on_day date, flag boolean, how_many integer)");
	}

	@AfterEach
	void close() throws Exception {
		connection.rollback();
		connection.close();
	}

	@Test
	void everyArrayOfAKindSharesOneDataType() {
		// DSL.val asks for notNull(); a type that is not already builds a new one per
		// array
		assertThat(SqlArrays.longs(List.of(1L)).getDataType()).isSameAs(SqlArrays.longs(List.of(2L)).getDataType());
		assertThat(SqlArrays.uuids(List.of(UUID.randomUUID())).getDataType())
			.isSameAs(SqlArrays.uuids(List.of(UUID.randomUUID())).getDataType());
		assertThat(SqlArrays.texts(List.of("a")).getDataType()).isSameAs(SqlArrays.texts(List.of("b")).getDataType());
		assertThat(SqlArrays.instants(List.of(OffsetDateTime.now())).getDataType())
			.isSameAs(SqlArrays.instants(List.of(OffsetDateTime.now())).getDataType());
	}

	@Test
	void unnestWritesEveryRowAsGiven() {
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		OffsetDateTime at = OffsetDateTime.parse("2026-12-06T23:10:00.123456+08:00");
		List<String> texts = Arrays.asList("a,b", "{\"quoted\"} \\ 张三", null);
		int written = db.insertInto(T, List.of(ID, N, TEXT, DEGREES, AT, DAY, FLAG, COUNT))
			.select(SqlArrays.rows(SqlArrays.uuids(ids), SqlArrays.longs(List.of(1L, 2L, 3L)), SqlArrays.texts(texts),
					SqlArrays.decimals(Arrays.asList(new BigDecimal("36.5"), null, new BigDecimal("42.9"))),
					SqlArrays.instants(List.of(at, at.plusSeconds(1), at.plusDays(1))),
					SqlArrays.dates(
							List.of(LocalDate.of(2026, 12, 6), LocalDate.of(2020, 2, 29), LocalDate.of(1999, 12, 31))),
					SqlArrays.booleans(Arrays.asList(true, false, null)),
					SqlArrays.integers(Arrays.asList(3, null, -1))))
			.execute();

		assertThat(written).isEqualTo(3);
		var rows = db.select(ID, N, TEXT, DEGREES, AT, DAY, FLAG, COUNT).from(T).orderBy(N).fetch();
		assertThat(rows.getValues(ID)).containsExactlyElementsOf(ids);
		assertThat(rows.getValues(TEXT)).containsExactlyElementsOf(texts);
		assertThat(rows.getValues(DEGREES)).containsExactly(new BigDecimal("36.5"), null, new BigDecimal("42.9"));
		assertThat(rows.getValues(AT).stream().map(OffsetDateTime::toInstant)).containsExactly(at.toInstant(),
				at.plusSeconds(1).toInstant(), at.plusDays(1).toInstant());
		assertThat(rows.getValues(DAY)).containsExactly(LocalDate.of(2026, 12, 6), LocalDate.of(2020, 2, 29),
				LocalDate.of(1999, 12, 31));
		assertThat(rows.getValues(FLAG)).containsExactly(true, false, null);
		assertThat(rows.getValues(COUNT)).containsExactly(3, null, -1);
	}

	@Test
	void anyOfFindsExactlyItsKeys() {
		List<UUID> ids = IntStream.range(0, 3_000).mapToObj(i -> UUID.randomUUID()).toList();
		List<Long> numbers = IntStream.range(0, 3_000).mapToObj(i -> (long) i).toList();
		db.insertInto(T, List.of(ID, N))
			.select(SqlArrays.rows(SqlArrays.uuids(ids), SqlArrays.longs(numbers)))
			.execute();
		List<UUID> wanted = new ArrayList<>(ids.subList(1_000, 2_000));
		wanted.add(UUID.randomUUID());

		assertThat(db.select(N).from(T).where(SqlArrays.anyOfUuids(ID, wanted)).orderBy(N).fetch(N))
			.containsExactlyElementsOf(numbers.subList(1_000, 2_000));
		assertThat(db.fetchCount(T, SqlArrays.anyOf(N, List.of(5L, 7L, 99_999L)))).isEqualTo(2);
		assertThat(db.fetchCount(T, SqlArrays.anyOf(N, List.of()))).isZero();
		assertThat(db.fetchCount(T, SqlArrays.anyOfTexts(TEXT, List.of("x")))).isZero();
	}

	/**
	 * The cause of plans that went bad: jOOQ's own array bind reaches PostgreSQL as text
	 * (cast to the array type), which a sequential scan parses again for every row.
	 */
	@Test
	void postgresSeesOneTypedArray() {
		assumeThat(db.family()).isEqualTo(SQLDialect.POSTGRES);
		List<UUID> ids = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();

		String typed = plan(db.select(ID).from(T).where(SqlArrays.anyOfUuids(ID, ids)));
		String jooqOwn = plan(db.select(ID).from(T).where(ID.eq(DSL.any(ids.toArray(UUID[]::new)))));

		assertThat(typed).contains("::uuid[]").doesNotContain("cstring").doesNotContain("::text");
		// the binding this class replaces, for the record
		assertThat(jooqOwn).containsAnyOf("cstring", "::text");
	}

	/** EXPLAIN VERBOSE of a query with its parameters bound as the query binds them. */
	private String plan(org.jooq.Select<?> query) {
		db.execute("set local enable_indexscan = off");
		db.execute("set local enable_bitmapscan = off");
		return String.join("\n", db.fetch("explain (verbose) {0}", query).getValues(0, String.class));
	}

}
