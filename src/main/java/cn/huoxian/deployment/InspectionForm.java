package cn.huoxian.deployment;

import java.time.LocalDate;
import java.util.List;

/**
 * Recording an inspection: the inspecting cadre, a target region code or a target unit
 * code (exactly one), the day (default today), the four looks each rated 1 to 5 with
 * findings, a summary, optionally the liaison group it was made by, and the findings
 * turned into rectifications.
 */
public record InspectionForm(Long inspectorId, String targetRegion, String targetUnit, LocalDate date,
		List<LookEntry> looks, String summary, Long liaisonGroupId, List<RectificationForm> rectifications) {

	/** One of the four looks: its rating (1–5) and what was found. */
	public record LookEntry(Look look, Integer rating, String findings) {
	}

}
