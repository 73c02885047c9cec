package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import java.util.function.Consumer;

import cn.huoxian.shared.BusinessDay;
import org.jooq.Cursor;
import org.jooq.Record;
import org.jooq.ResultQuery;

/** Small helpers the sources share. */
final class Sources {

	/**
	 * Rows fetched at a time when a source walks its table (the rebuild): PostgreSQL's
	 * driver streams only with a fetch size, otherwise it reads every row first.
	 */
	static final int FETCH_SIZE = 5_000;

	private Sources() {
	}

	/**
	 * Each row of the query, streamed with a fetch size (the rebuild walks whole tables;
	 * PostgreSQL's driver otherwise reads every row first).
	 */
	static <R extends Record> void each(ResultQuery<R> query, Consumer<R> row) {
		try (Cursor<R> rows = query.fetchSize(FETCH_SIZE).fetchLazy()) {
			for (R r : rows) {
				row.accept(r);
			}
		}
	}

	/**
	 * A day's work without a time of its own counts from the start of that day in
	 * Shanghai.
	 */
	static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(BusinessDay.ZONE).toOffsetDateTime();
	}

	/** "text" or "text（detail）". */
	static String with(String text, String detail) {
		return detail == null || detail.isBlank() ? text : text + "（" + detail + "）";
	}

}
