package cn.huoxian.record;

/**
 * Which level decided an accountability: city, county or township (labelled
 * {@code record.accountability.level.*}).
 */
public enum AccountabilityLevel {

	/** 市级. */
	CITY,
	/** 县级. */
	COUNTY,
	/** 乡级. */
	TOWNSHIP

}
