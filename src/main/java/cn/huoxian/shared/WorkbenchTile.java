package cn.huoxian.shared;

import jakarta.annotation.Nullable;

/**
 * One item of a user's home page (工作台): a count and what it counts, in the reader's
 * language, linking to where the work is done. With a {@code total} it is progress
 * (covered of households: a bar); {@code attention} colours it when something is late.
 *
 * @param group where it goes on the page: {@link #TODAY} (what is due), {@link #PROGRESS}
 * (how far the work is), {@link #OVERSIGHT} (what a department watches)
 * @param order its place within the group
 * @param atLeast the value is a lower bound (the count stopped there: shown "1,000+")
 */
public record WorkbenchTile(String group, int order, String label, @Nullable String detail, long value,
		@Nullable Long total, String href, boolean attention, boolean atLeast) {

	/** A tile whose value is exact. */
	public WorkbenchTile(String group, int order, String label, @Nullable String detail, long value,
			@Nullable Long total, String href, boolean attention) {
		this(group, order, label, detail, value, total, href, attention, false);
	}

	public static final String TODAY = "today";

	public static final String PROGRESS = "progress";

	public static final String OVERSIGHT = "oversight";

	/** Work due today: a count that wants attention when it is not zero. */
	public static WorkbenchTile due(int order, String label, @Nullable String where, long value, String href) {
		return new WorkbenchTile(TODAY, order, label, where, value, null, href, value > 0);
	}

	/**
	 * Where a tile's count stops ({@link PageResult#COUNT_BOUND}): a count taken with
	 * {@code limit(COUNT_BOUND + 1)} reads at most that many rows.
	 */
	public static final int COUNT_BOUND = PageResult.COUNT_BOUND;

	/**
	 * A due item whose count was taken up to {@link #COUNT_BOUND} + 1: above the bound it
	 * shows "1,000+".
	 */
	public static WorkbenchTile dueUpTo(int order, String label, @Nullable String where, long counted, String href) {
		return new WorkbenchTile(TODAY, order, label, where, Math.min(counted, COUNT_BOUND), null, href, counted > 0,
				counted > COUNT_BOUND);
	}

	/** Per cent of the total, 0–100, for the progress bar (0 without a total). */
	public int percent() {
		return total == null || total == 0 ? 0 : (int) Math.min(100, value * 100 / total);
	}

}
