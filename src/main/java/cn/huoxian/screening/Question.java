package cn.huoxian.screening;

/** The screening questions a campaign may ask of each resident. */
public enum Question {

	TEMPERATURE, SYMPTOMS, TRAVEL, CONTACT

}
