package cn.huoxian.record;

/**
 * The kinds of accountability (问责), mildest first (labelled
 * {@code record.accountability.kind.*}).
 */
public enum AccountabilityKind {

	/** 提醒谈话. */
	REMINDER_TALK,
	/** 诫勉. */
	ADMONISHMENT,
	/** 通报批评. */
	CRITICISM,
	/** 党纪处分. */
	PARTY_DISCIPLINE,
	/** 政务处分. */
	GOVERNMENT_SANCTION,
	/** 免职. */
	DISMISSAL

}
