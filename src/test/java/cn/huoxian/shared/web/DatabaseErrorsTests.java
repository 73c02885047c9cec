package cn.huoxian.shared.web;

import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Optional;

import cn.huoxian.shared.web.DatabaseErrors.Refusal;
import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The safety net: each constraint a client can violate, raised by the real database (H2
 * here, PostgreSQL in the sql profile), is a 4xx naming the field where the database
 * tells it; a fault that is not the client's stays unclassified (5xx).
 */
@SqlTest
class DatabaseErrorsTests {

	@Autowired
	DSLContext db;

	private long region() {
		return db.select(REGION.ID).from(REGION).limit(1).fetchSingle().value1();
	}

	private Optional<Refusal> refusal(Runnable write) {
		Throwable thrown = catchThrowable(write::run);
		assertThat(thrown).isNotNull();
		return DatabaseErrors.classify(thrown);
	}

	private int insertUnit(String code, String name, String kind, long region) {
		return db.insertInto(UNIT)
			.set(UNIT.CODE, code)
			.set(UNIT.NAME, name)
			.set(UNIT.KIND, kind)
			.set(UNIT.REGION_ID, region)
			.set(UNIT.PATH, "/")
			.execute();
	}

	private static String code() {
		return "DBE-" + System.nanoTime() % 1_000_000_000L;
	}

	@Test
	void duplicateIsConflictNamingTheField() {
		String code = code();
		insertUnit(code, "n", "GOVERNMENT_ORGAN", region());
		Refusal refusal = refusal(() -> insertUnit(code, "n", "GOVERNMENT_ORGAN", region())).orElseThrow();
		assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refusal.field()).isEqualTo("code");
	}

	@Test
	void missingReferenceIsNotFoundNamingTheField() {
		Refusal refusal = refusal(() -> insertUnit(code(), "n", "GOVERNMENT_ORGAN", 987_654_321L)).orElseThrow();
		assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refusal.field()).isEqualTo("regionId");
	}

	@Test
	void stillReferencedIsConflict() {
		long region = region();
		insertUnit(code(), "n", "GOVERNMENT_ORGAN", region);
		Refusal refusal = refusal(() -> db.deleteFrom(REGION).where(REGION.ID.eq(region)).execute()).orElseThrow();
		assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void failedCheckIsBadRequestNamingTheField() {
		Refusal refusal = refusal(() -> insertUnit(code(), "n", "NO_SUCH_KIND", region())).orElseThrow();
		assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.field()).isEqualTo("kind");
	}

	@Test
	void tooLongTextAndOutOfRangeNumbersAreBadRequests() {
		assertThat(
				refusal(() -> insertUnit(code(), "长".repeat(201), "GOVERNMENT_ORGAN", region())).orElseThrow().status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal(
				() -> db.select(DSL.cast(DSL.inline(new java.math.BigDecimal("1e30")), SQLDataType.NUMERIC(4, 1)))
					.fetch())
			.orElseThrow()
			.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal(() -> db.insertInto(UNIT)
			.set(UNIT.CODE, code())
			.set(UNIT.KIND, "GOVERNMENT_ORGAN")
			.set(UNIT.REGION_ID, region())
			.set(UNIT.PATH, "/")
			.execute()).orElseThrow().status()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aServerFaultIsNotTheClientsError() {
		assertThat(refusal(() -> db.fetch("select * from no_such_table"))).isEmpty();
	}

}
