package cn.huoxian.duty;

import java.time.Duration;

/**
 * The rules every roster change is checked against: nobody in two places at once, at
 * least {@code minRest} between the end of a person's shift and the start of their next,
 * at most {@code weeklyCap} on duty in a week (Monday to Sunday, Asia/Shanghai), and no
 * shift taken below its minimum staff.
 */
public record RosterRules(Duration minRest, Duration weeklyCap) {

	/** Eight hours' rest, 48 hours a week: the defaults. */
	public static final RosterRules DEFAULT = new RosterRules(Duration.ofHours(8), Duration.ofHours(48));

	long restMinutes() {
		return minRest.toMinutes();
	}

	long capMinutes() {
		return weeklyCap.toMinutes();
	}

	/**
	 * The week a minute falls in: whole weeks since Monday 1970-01-05 00:00 in Shanghai.
	 */
	static long week(long minute) {
		// 1970-01-05 00:00 +08:00 is 1970-01-04 16:00 UTC: 4 days less 8 hours after the
		// epoch
		long mondayZero = (4L * 24 - 8) * 60;
		return Math.floorDiv(minute - mondayZero, 7L * 24 * 60);
	}

}
