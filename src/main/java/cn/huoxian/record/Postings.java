package cn.huoxian.record;

import java.time.LocalDate;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * Cadres' posts as the record needs them (days at post, "deployed only" rounds). The
 * deployment network implements it: it owns the positions and already contributes to the
 * record, so the record cannot depend on it.
 */
public interface Postings {

	/**
	 * A condition: the person in this field holds a position that has not ended by the
	 * day.
	 */
	Condition holdsPostOn(Field<Long> personId, LocalDate day);

	/**
	 * The positions of the persons a subquery selects that started on or before the day,
	 * in one query.
	 */
	List<Period> periods(Select<? extends Record1<Long>> personIds, LocalDate startedBy);

	/** One position's dates; no end while it lasts. */
	record Period(long personId, LocalDate start, LocalDate end) {
	}

}
