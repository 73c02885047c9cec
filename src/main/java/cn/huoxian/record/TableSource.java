package cn.huoxian.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * A source whose entries come from rows of a table: it says how the rows matching a
 * condition become entries, and which rows a queued key names. Its listeners queue keys
 * in the record's inbox ({@link #queue}); the drainer asks for the entries of many keys
 * at once, the rebuild for those of every row.
 * <p>
 * This is how a module contributes to the record: the module that owns the rows declares
 * a {@code TableSource} bean beside them (screening's visits, isolation's contacts, the
 * deployment network's posts …), so the record reads no other module's tables.
 */
public abstract class TableSource implements RecordSource {

	/**
	 * Rows fetched at a time when a source walks its table (the rebuild): PostgreSQL's
	 * driver streams only with a fetch size, otherwise it reads every row first.
	 */
	static final int FETCH_SIZE = 5_000;

	protected final DSLContext db;

	private final RecordInbox inbox;

	private final String type;

	protected TableSource(DSLContext db, RecordInbox inbox, String type) {
		this.db = db;
		this.inbox = inbox;
		this.type = type;
	}

	@Override
	public final String type() {
		return this.type;
	}

	/** The entries of the rows matching the condition. */
	protected abstract void entries(Condition which, Consumer<Entry> entries);

	/** The rows the queued keys name (keys as {@link #queue} was given them). */
	protected abstract Condition rows(List<String> keys);

	@Override
	public void forEach(Consumer<Entry> entries) {
		entries(DSL.trueCondition(), entries);
	}

	/** The entries of the rows the keys name. */
	final void entriesOf(List<String> keys, Consumer<Entry> entries) {
		entries(rows(keys), entries);
	}

	/**
	 * Queues the rows an event names for the record, in the publishing transaction.
	 */
	protected void queue(Collection<?> keys) {
		this.inbox.enqueue(type(), keys);
	}

	protected void queue(Object key) {
		queue(List.of(key));
	}

	/**
	 * {@code field = any(ids)}: one typed array bind however many keys (no long IN list
	 * whose plans vary with its length, no text parsed again for every row scanned).
	 */
	protected static Condition ids(Field<Long> field, List<String> keys) {
		return SqlArrays.anyOf(field, keys.stream().map(Long::valueOf).toList());
	}

	protected static Condition uuids(Field<UUID> field, List<String> keys) {
		return SqlArrays.anyOfUuids(field, keys.stream().map(UUID::fromString).toList());
	}

	/**
	 * Each row of the query, streamed with a fetch size (the rebuild walks whole tables;
	 * PostgreSQL's driver otherwise reads every row first).
	 */
	protected static <R extends Record> void each(ResultQuery<R> query, Consumer<R> row) {
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
	protected static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(BusinessDay.ZONE).toOffsetDateTime();
	}

	/**
	 * The entry's text: what, and with its detail (a duty, a reason) when there is one.
	 */
	protected static EntryText with(EntryKind kind, String what, String detail) {
		return detail == null || detail.isBlank() ? EntryText.of(kind, what)
				: EntryText.variant(kind, "with", what, detail.strip());
	}

}
