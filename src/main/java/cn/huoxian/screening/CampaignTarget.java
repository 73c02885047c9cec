package cn.huoxian.screening;

/**
 * Which households a campaign must cover: all under its root, or those of residents who
 * returned since a date.
 */
public enum CampaignTarget {

	ALL_HOUSEHOLDS, RETURNEES_SINCE

}
