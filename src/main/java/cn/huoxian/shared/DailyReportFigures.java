package cn.huoxian.shared;

import java.time.LocalDate;
import java.util.Map;

/**
 * Figures a module prefills in a village's or community's daily situation report (issue
 * 15): each counted from that module's records for the community on the business day, so
 * the report grows as modules are added without reporting depending on them. Every name
 * has the label {@code report.figure.<name>} in the message bundles.
 */
public interface DailyReportFigures {

	/**
	 * Puts this module's figures (name → count) for the community at this path on this
	 * business day; the community holds hundreds of households, so a count over its rows
	 * is bounded.
	 */
	void addTo(Map<String, Long> figures, RegionPath community, LocalDate day);

}
