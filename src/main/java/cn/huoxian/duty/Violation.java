package cn.huoxian.duty;

/**
 * A rule a roster (or a change to it) breaks: which rule, the shift and person it
 * concerns (person 0 for a shift's staffing), and the other shift involved (0 if none).
 */
public record Violation(Rule rule, long shiftId, long personId, long otherShiftId) {

	/** The roster rules. */
	public enum Rule {

		/** The shift has fewer people than its minimum. */
		BELOW_MINIMUM,
		/** The person is on two shifts that overlap. */
		TWO_PLACES,
		/** Less than the minimum rest between two of the person's shifts. */
		SHORT_REST,
		/** More than the weekly cap on duty in one week. */
		OVER_WEEKLY_CAP,
		/** The person is not among the staff of the checkpoint's units. */
		NOT_STAFF,
		/** The person is already on the shift, or not on it when they should be. */
		NOT_ON_SHIFT

	}

}
