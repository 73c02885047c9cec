package cn.huoxian.shared.bulk;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * Planner statistics after a bulk change, so plans do not wait for autovacuum (which a
 * PostgreSQL may run late or not at all; docs/BENCHMARKS.md "Plans that stay good"). The
 * module that owns the tables calls it with its own jOOQ tables; on H2 it does nothing.
 * ANALYZE may run inside the changing transaction: it counts the transaction's own new
 * rows. It takes a lock that only another ANALYZE or VACUUM of the same table waits for,
 * so callers analyse few tables, always in the same order, once per bulk change.
 */
public final class Statistics {

	/**
	 * Rows changed in one go from which a change is bulk: about what autovacuum's default
	 * threshold would wait for on a mid-size table (50 rows + 10 %), and small enough
	 * that an import of a few thousand rows into an empty database counts.
	 */
	public static final long BULK_ROWS = 1_000;

	private Statistics() {
	}

	/** Analyses these tables now (PostgreSQL only). */
	public static void refresh(DSLContext db, Table<?>... tables) {
		if (db.dialect().family() != SQLDialect.POSTGRES || tables.length == 0) {
			return;
		}
		db.execute("analyze " + Arrays.stream(tables).map(t -> t.getName()).collect(Collectors.joining(", ")));
	}

	/**
	 * Analyses these tables when {@code changedRows} reaches {@link #BULK_ROWS}; a small
	 * change leaves the statistics as they are.
	 */
	public static void refreshAfter(DSLContext db, long changedRows, Table<?>... tables) {
		if (changedRows >= BULK_ROWS) {
			refresh(db, tables);
		}
	}

}
