package cn.huoxian.shared.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huoxian.support.SqlTest;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hot tables the modules name are vacuumed on PostgreSQL (its statistics count the
 * vacuum), and nothing is done on H2.
 */
@SqlTest
class HotTableVacuumTests {

	@Autowired
	HotTableVacuum vacuum;

	@Autowired
	DSLContext db;

	@Test
	void theModulesHotTablesAreVacuumedOnPostgres() throws Exception {
		if (db.dialect().family() != SQLDialect.POSTGRES) {
			assertThat(vacuum.vacuum()).isEmpty();
			return;
		}
		long before = vacuums();
		List<String> vacuumed = vacuum.vacuum();
		assertThat(vacuumed).contains("daily_report_tally");
		// the statistics collector reports the vacuum a moment later
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (vacuums() == before && System.nanoTime() < deadline) {
			Thread.sleep(100);
			db.execute("select pg_stat_clear_snapshot()");
		}
		assertThat(vacuums()).isGreaterThan(before);
	}

	private long vacuums() {
		return db.fetchValue(org.jooq.impl.DSL
			.field("(select vacuum_count from pg_stat_user_tables where relname = 'daily_report_tally')", Long.class));
	}

}
