package cn.huoxian.record;

/** The kinds of accountability (问责), mildest first. */
public enum AccountabilityKind {

	/** 提醒谈话. */
	REMINDER_TALK("提醒谈话"),
	/** 诫勉. */
	ADMONISHMENT("诫勉"),
	/** 通报批评. */
	CRITICISM("通报批评"),
	/** 党纪处分. */
	PARTY_DISCIPLINE("党纪处分"),
	/** 政务处分. */
	GOVERNMENT_SANCTION("政务处分"),
	/** 免职. */
	DISMISSAL("免职");

	private final String label;

	AccountabilityKind(String label) {
		this.label = label;
	}

	/** The Chinese name, used in the entry's summary. */
	public String label() {
		return label;
	}

}
