package cn.huoxian.inspection;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.shared.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Recording an inspection: the inspecting cadre, a target region code or a target unit
 * code (exactly one), the day (default today), the four looks each rated 1 to 5 with
 * findings, a summary, optionally the liaison group it was made by, and the findings
 * turned into rectifications.
 */
public record InspectionForm(@Min(1) Long inspectorId, @Size(max = 20) String targetRegion,
		@Size(max = 40) String targetUnit, @PlausibleDate LocalDate date,
		@Valid @Size(max = 4) List<@Valid LookEntry> looks, @Size(max = 1000) String summary,
		@Min(1) Long liaisonGroupId, @Valid @Size(max = 20) List<@Valid RectificationForm> rectifications) {

	/** One of the four looks: its rating (1–5) and what was found. */
	public record LookEntry(Look look, @Min(1) @Max(5) Integer rating, @Size(max = 1000) String findings) {
	}

}
