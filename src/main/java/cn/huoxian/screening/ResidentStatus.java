package cn.huoxian.screening;

/** Where a registered resident was found: present, away (where), or moved out. */
public enum ResidentStatus {

	PRESENT, AWAY, MOVED_OUT

}
