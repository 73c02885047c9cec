package cn.huoxian.record;

import java.util.function.Consumer;

/**
 * Where entries come from. A source turns its records into entries, and the same
 * conversion serves the event listener (one record) and the rebuild (every record), so
 * the two cannot disagree. Adding a source — duty shifts, volunteer hours, care,
 * commendations — is one bean implementing this and one listener calling
 * {@link RecordWriter#add}.
 */
public interface RecordSource {

	/** The {@code source_type} of its entries, e.g. {@code DEPLOYMENT}. */
	String type();

	/** Every entry its records give, for the rebuild. */
	void forEach(Consumer<Entry> entries);

}
