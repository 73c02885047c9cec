package cn.huoxian.isolation;

/** 居家隔离, 集中隔离, 居家医学观察 — each with its default period in days. */
public enum CaseType {

	HOME_ISOLATION(14), CENTRALISED_ISOLATION(14), MEDICAL_OBSERVATION(14);

	private final int defaultDays;

	CaseType(int defaultDays) {
		this.defaultDays = defaultDays;
	}

	public int defaultDays() {
		return defaultDays;
	}

}
