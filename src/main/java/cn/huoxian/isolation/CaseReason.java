package cn.huoxian.isolation;

/** Why a case was opened. */
public enum CaseReason {

	RETURNED_FROM_HIGH_RISK_AREA, CLOSE_CONTACT, FLAGGED_IN_SCREENING, OTHER

}
