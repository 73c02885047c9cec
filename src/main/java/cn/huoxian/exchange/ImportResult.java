package cn.huoxian.exchange;

import java.util.List;

/**
 * The outcome of an import: either every row was written ({@code imported}), or nothing
 * was, because of the listed row errors (the first {@link #LISTED} of {@code errorCount})
 * or a problem with the file as a whole. A visits import also counts the visits an
 * earlier upload already stored.
 */
public record ImportResult(int imported, List<RowError> errors, int errorCount, Reason fileProblem, int duplicates) {

	/**
	 * At most this many errors are listed; enough to fix a file, bounded for a
	 * 100,000-row one.
	 */
	public static final int LISTED = 1000;

	public ImportResult {
		errors = List.copyOf(errors);
	}

	static ImportResult imported(int rows) {
		return new ImportResult(rows, List.of(), 0, null, 0);
	}

	/** Visits: those stored, and those skipped because an earlier upload stored them. */
	static ImportResult imported(int rows, int duplicates) {
		return new ImportResult(rows, List.of(), 0, null, duplicates);
	}

	static ImportResult rejected(RowErrors errors) {
		return new ImportResult(0, errors.sorted(), errors.count(), null, 0);
	}

	static ImportResult rejected(Reason fileProblem) {
		return new ImportResult(0, List.of(), 0, fileProblem, 0);
	}

	public boolean succeeded() {
		return errorCount == 0 && fileProblem == null;
	}

}
