package cn.huoxian.org;

/**
 * The key posts temporary party organisations were set up at (医疗救治、疫情监测、交通检疫、物资保障、社会稳定).
 */
public enum TemporaryCategory {

	MEDICAL_TREATMENT, EPIDEMIC_MONITORING, TRANSPORT_QUARANTINE, SUPPLIES, SOCIAL_STABILITY

}
