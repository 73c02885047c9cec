package cn.huoxian.screening;

/**
 * A visit either accounted for every registered resident, or found nobody home (revisit
 * due).
 */
public enum Outcome {

	COVERED, NOBODY_HOME

}
