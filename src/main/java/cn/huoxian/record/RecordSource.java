package cn.huoxian.record;

import java.util.function.Consumer;

/**
 * Where entries come from. A source turns its records into entries, and the same
 * conversion serves the inbox (the records its events named) and the rebuild (every
 * record), so the two cannot disagree. Adding a source — duty shifts, volunteer hours,
 * care, commendations — is one {@link TableSource} bean: the conversion, which rows a key
 * names, and an {@code @EventListener} that queues the event's keys.
 */
public interface RecordSource {

	/** The {@code source_type} of its entries, e.g. {@code DEPLOYMENT}. */
	String type();

	/** Every entry its records give, for the rebuild. */
	void forEach(Consumer<Entry> entries);

}
