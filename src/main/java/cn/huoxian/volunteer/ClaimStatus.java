package cn.huoxian.volunteer;

/** Where a member's claim on a need stands. */
public enum ClaimStatus {

	/** Claimed: a place is theirs. */
	CLAIMED,
	/** The community confirmed attendance and hours. */
	CONFIRMED,
	/** The community recorded they did not come. */
	ABSENT,
	/** The member gave the place back before the start. */
	WITHDRAWN

}
