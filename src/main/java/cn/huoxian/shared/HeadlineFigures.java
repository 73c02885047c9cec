package cn.huoxian.shared;

import java.time.LocalDate;
import java.util.Map;

/**
 * Figures a module contributes to the headline of a region
 * ({@code GET /api/v1/stats/headline}): each is counted from that module's records, so
 * the headline grows as modules are added without the reporting module depending on them.
 */
public interface HeadlineFigures {

	/**
	 * Puts this module's figures (name → number or small map) for everything under the
	 * region at this path, as of this business day.
	 */
	void addTo(Map<String, Object> figures, RegionPath regionPath, LocalDate day);

}
