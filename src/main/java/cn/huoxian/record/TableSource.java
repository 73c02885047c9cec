package cn.huoxian.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A source whose entries come from rows of a table: it says how the rows matching a
 * condition become entries; the rebuild takes every row, a listener the rows of one
 * event.
 */
abstract class TableSource implements RecordSource {

	protected final DSLContext db;

	private final RecordWriter writer;

	TableSource(DSLContext db, RecordWriter writer) {
		this.db = db;
		this.writer = writer;
	}

	/** The entries of the rows matching the condition. */
	protected abstract void entries(Condition which, Consumer<Entry> entries);

	@Override
	public void forEach(Consumer<Entry> entries) {
		entries(DSL.trueCondition(), entries);
	}

	/** Adds the entries of the rows matching the condition (each once). */
	protected void record(Condition which) {
		entries(which, writer::add);
	}

	/** Adds the entries of the rows matching the condition in one batch. */
	protected void recordAll(Condition which) {
		List<Entry> batch = new ArrayList<>();
		entries(which, batch::add);
		writer.addAll(batch);
	}

}
