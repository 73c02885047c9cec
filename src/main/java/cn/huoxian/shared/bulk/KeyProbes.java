package cn.huoxian.shared.bulk;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The rows of many keys of a non-unique indexed column (a household's residents, a
 * person's roles) in one statement whose plan does not depend on statistics. As
 * {@code column = any(…)} a table never analysed is guessed to match 0.5 % of its rows
 * per value, so a few hundred values read the whole table; here each value is a
 * correlated scalar subquery (a multiset), which PostgreSQL never turns into a join: one
 * index probe per value (docs/BENCHMARKS.md "Plans that stay good"). The owning module
 * passes its own query.
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
		var probe = DSL.unnest(keys.stream().distinct().toArray(Long[]::new)).as("probe", "probe_key");
		return db.select(DSL.multiset(rowsOf.apply(probe.field("probe_key", Long.class))))
			.from(probe)
			.fetch(Record1::value1)
			.stream()
			.flatMap(Result::stream)
			.toList();
	}

}
