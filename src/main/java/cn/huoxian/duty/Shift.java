package cn.huoxian.duty;

/**
 * A shift to staff at a checkpoint: from {@code start} to {@code end} in minutes since
 * the epoch (whole minutes keep the rules' arithmetic exact and cheap), with at least
 * {@code minStaff} people on duty.
 */
public record Shift(long id, long checkpointId, long start, long end, int minStaff) {

	public Shift {
		if (end <= start) {
			throw new IllegalArgumentException("a shift ends after it starts");
		}
	}

	public long minutes() {
		return end - start;
	}

	boolean overlaps(Shift other) {
		return start < other.end && other.start < end;
	}

}
