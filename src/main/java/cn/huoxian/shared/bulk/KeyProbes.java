package cn.huoxian.shared.bulk;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The rows of many keys of a non-unique indexed column (a household's residents, a
 * person's roles) in one statement whose plan does not depend on statistics. As
 * {@code column = any(…)} a table never analysed is guessed to match 0.5 % of its rows
 * per value, so a few hundred values read the whole table; here the owning module's query
 * is run once per key, one index probe per value (docs/BENCHMARKS.md "Plans that stay
 * good"). On PostgreSQL as a {@code lateral} subquery with {@code offset 0}, which the
 * planner never merges into a join (it stays a nested loop over the keys); elsewhere as a
 * correlated multiset (rows read back from JSON: under the visit batch that cost 13 % of
 * the server's CPU and a jsonb aggregate per key in PostgreSQL, issue 13).
 */
public final class KeyProbes {

	private KeyProbes() {
	}

	/**
	 * The rows {@code rowsOf} selects for each key (each distinct key once), given the
	 * key as a field, in no particular order.
	 */
	public static <R extends Record> List<R> rows(DSLContext db, Collection<Long> keys,
			Function<Field<Long>, Select<R>> rowsOf) {
		if (keys.isEmpty()) {
			return List.of();
		}
		List<Long> distinct = keys.stream().distinct().toList();
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			Table<?> probe = DSL.table("unnest({0})", SqlArrays.longs(distinct)).as("probe", "probe_key");
			Table<R> rows = rowsOf.apply(DSL.field(DSL.name("probe", "probe_key"), Long.class)).asTable("probed");
			// offset 0: a subquery with an offset is never pulled up into the join
			Table<R> lateral = DSL.lateral(DSL.selectFrom(rows).offset(0).asTable("probed"));
			// coerced: the columns read by position into the caller's record type, not
			// matched by name record by record
			return db.select(lateral.fields()).from(probe).crossJoin(lateral).coerce(rows).fetch();
		}
		var probe = DSL.unnest(distinct.toArray(Long[]::new)).as("probe", "probe_key");
		return db.select(DSL.multiset(rowsOf.apply(probe.field("probe_key", Long.class))))
			.from(probe)
			.fetch(Record1::value1)
			.stream()
			.flatMap(Result::stream)
			.toList();
	}

}
