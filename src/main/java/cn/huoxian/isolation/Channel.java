package cn.huoxian.isolation;

/**
 * How the cadre reached (or tried to reach) the person: video call, phone, door visit.
 */
public enum Channel {

	VIDEO, PHONE, VISIT

}
