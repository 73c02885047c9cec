package cn.huoxian.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.Nullable;

/**
 * A community's report for a day as read: the stored one, or (status NOT_SUBMITTED) a
 * draft with the figures prefilled from the records now.
 *
 * @param locked no longer submitted or changed without the level above reopening it
 */
public record ReportView(String region, String regionName, LocalDate date, String status, boolean zero,
		@Nullable Boolean onTime, List<FigureView> figures, int newConfirmed, int newSuspected,
		@Nullable String helpNeeded, @Nullable String remarks, @Nullable String submittedBy,
		@Nullable OffsetDateTime submittedAt, int version, OffsetDateTime deadline, OffsetDateTime locksAt,
		boolean locked, List<ChangeView> history) {

	public static final String NOT_SUBMITTED = "NOT_SUBMITTED";

	/**
	 * A figure: what the records said, what the community reported, and why it differs.
	 */
	public record FigureView(String name, long prefilled, long reported, @Nullable String note) {

		public boolean corrected() {
			return prefilled != reported;
		}

	}

	/** One step of the report's history. */
	public record ChangeView(String action, String by, OffsetDateTime at, @Nullable String reason) {
	}

	public boolean submitted() {
		return !NOT_SUBMITTED.equals(status);
	}

}
