package cn.huoxian.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found in a file: counts them all, keeps the first
 * {@link ImportResult#LISTED}.
 */
class RowErrors {

	private final List<RowError> listed = new ArrayList<>();

	private int count;

	void add(int row, String column, String header, String key, Object... args) {
		count++;
		if (listed.size() < ImportResult.LISTED) {
			listed.add(new RowError(row, column, header, Reason.of(key, args)));
		}
	}

	int count() {
		return count;
	}

	/** Listed errors by row; a row's errors keep the order they were found in. */
	List<RowError> sorted() {
		List<RowError> sorted = new ArrayList<>(listed);
		sorted.sort(Comparator.comparingInt(RowError::row));
		return sorted;
	}

}
