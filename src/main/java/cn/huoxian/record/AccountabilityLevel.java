package cn.huoxian.record;

/** Which level decided an accountability: city, county or township. */
public enum AccountabilityLevel {

	/** 市级. */
	CITY("市级"),
	/** 县级. */
	COUNTY("县级"),
	/** 乡级. */
	TOWNSHIP("乡级");

	private final String label;

	AccountabilityLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
