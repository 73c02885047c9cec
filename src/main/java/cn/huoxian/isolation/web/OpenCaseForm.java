package cn.huoxian.isolation.web;

/**
 * The page's form to open a case, as typed: parsed by {@link IsolationPages} so that each
 * bad field is reported beside it. {@code responsibleIds} is comma-separated.
 */
record OpenCaseForm(String personId, String type, String reason, String startDate, String periodDays, String place,
		String contactTime, String responsibleIds) {
}
