package cn.huoxian.duty;

import java.util.List;

/**
 * A checkpoint's shift template: the shifts of each day, by start hour (Asia/Shanghai)
 * and length. A shift starting late ends the next day.
 */
public enum ShiftPattern {

	/** Three 8-hour shifts around the clock: 00–08, 08–16, 16–24. */
	THREE_EIGHTS(List.of(new Slot(0, 8), new Slot(8, 8), new Slot(16, 8))),
	/** Two 12-hour shifts around the clock: 08–20, 20–08. */
	TWO_TWELVES(List.of(new Slot(8, 12), new Slot(20, 12))),
	/** One daytime shift: 08–18. */
	DAYTIME(List.of(new Slot(8, 10)));

	private final List<Slot> slots;

	ShiftPattern(List<Slot> slots) {
		this.slots = slots;
	}

	public List<Slot> slots() {
		return slots;
	}

	/** A shift of the day: its start hour and length in hours. */
	public record Slot(int startHour, int hours) {

		/** "08:00–16:00". */
		public String label() {
			return String.format("%02d:00–%02d:00", startHour, (startHour + hours) % 24);
		}

	}

}
