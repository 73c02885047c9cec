package cn.huoxian.inspection;

import java.time.LocalDate;

import cn.huoxian.shared.RegionPath;

/**
 * The events inspections cause, for the performance record (issue 6): each names the
 * person whose record it belongs to.
 */
public final class Events {

	private Events() {
	}

	/** An inspection with its four looks was recorded. */
	public record InspectionCompleted(long inspectionId, long inspectorId, RegionPath path, LocalDate inspectedOn,
			int rectifications) {
	}

	/** A rectification was closed with evidence; on time when closed by its deadline. */
	public record RectificationClosed(long rectificationId, long inspectionId, long ownerId, LocalDate closedOn,
			LocalDate deadline) {

		public boolean onTime() {
			return !closedOn.isAfter(deadline);
		}

	}

}
