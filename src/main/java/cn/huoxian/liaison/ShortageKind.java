package cn.huoxian.liaison;

/** What a community is short of: protective supplies or manpower. */
public enum ShortageKind {

	PROTECTIVE_SUPPLIES, MANPOWER

}
