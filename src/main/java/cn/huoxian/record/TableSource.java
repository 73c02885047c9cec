package cn.huoxian.record;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A source whose entries come from rows of a table: it says how the rows matching a
 * condition become entries, and which rows a queued key names. Its listeners queue keys
 * in the record's inbox ({@link #queue}); the drainer asks for the entries of many keys
 * at once, the rebuild for those of every row.
 */
abstract class TableSource implements RecordSource {

	protected final DSLContext db;

	private final RecordInbox inbox;

	private final String type;

	TableSource(DSLContext db, RecordInbox inbox, String type) {
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
	 * {@code field = any(ids)}: on PostgreSQL one array bind however many keys (no long
	 * IN list whose plans vary with its length); H2 gets the values expanded.
	 */
	protected static Condition ids(Field<Long> field, List<String> keys) {
		return field.eq(DSL.any(keys.stream().map(Long::valueOf).toArray(Long[]::new)));
	}

	protected static Condition uuids(Field<UUID> field, List<String> keys) {
		return field.eq(DSL.any(keys.stream().map(UUID::fromString).toArray(UUID[]::new)));
	}

}
