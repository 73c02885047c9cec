package cn.huoxian.firstsecretary;

/** What a first secretary asks of their dispatching unit. */
public enum SupportKind {

	/** 物资. */
	SUPPLIES,
	/** 家庭困难. */
	FAMILY_DIFFICULTY,
	/** 其他. */
	OTHER

}
