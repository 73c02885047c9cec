package cn.huoxian.people;

/** 厅局级, 县处级, 乡科级, 科员及以下 — from the highest down. */
public enum CadreRank {

	BUREAU, COUNTY, TOWNSHIP, STAFF;

	/** Leading cadres are those of township (section) rank and above. */
	public boolean isLeading() {
		return this != STAFF;
	}

}
