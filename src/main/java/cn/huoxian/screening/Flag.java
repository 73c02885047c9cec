package cn.huoxian.screening;

import java.math.BigDecimal;

/**
 * Why a resident needs follow-up: fever, symptoms, travel from a high-risk area, contact
 * with a case.
 */
public enum Flag {

	FEVER, SYMPTOMS, HIGH_RISK_TRAVEL, CONTACT;

	/** 37.3 °C and above counts as fever. */
	public static final BigDecimal FEVER_FROM = new BigDecimal("37.3");

}
