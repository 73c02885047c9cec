package cn.huoxian.exchange;

import java.util.List;

/**
 * One kind of import, stateful for one file: first every chunk of rows is checked
 * (against the rules, earlier rows and the database), then, if no row had an error, every
 * chunk is written.
 */
interface RowImport {

	void check(List<ImportRow> rows);

	/** After the last chunk: problems only the whole file reveals. */
	default void checked() {
	}

	void write(List<ImportRow> rows);

	/**
	 * False when the check pass keeps what it needs and the file need not be read again
	 * to write.
	 */
	default boolean rereads() {
		return true;
	}

	/** After the last chunk is written: counters, in the same transaction. */
	default void written() {
	}

	/** What the import did, once written. */
	default ImportResult result(int rows) {
		return ImportResult.imported(rows);
	}

}
