package cn.huoxian.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Figures a module prefills in a village's or community's daily situation report (issue
 * 15): each counted from that module's records for the community on the business day, so
 * the report grows as modules are added without reporting depending on them. A name has
 * the label {@code report.figure.<name>} in the message bundles, unless its module labels
 * it ({@link #label}: a figure per campaign is named after the campaign).
 */
public interface DailyReportFigures {

	/**
	 * Puts this module's figures (name → count) for the community at this path on this
	 * business day; the community holds hundreds of households, so a count over its rows
	 * is bounded.
	 */
	void addTo(Map<String, Long> figures, RegionPath community, LocalDate day);

	/**
	 * The figures of this module a roll-up at this region shows even when no report under
	 * it has a value for them (a figure per open campaign, a module's figures outside the
	 * offices' fixed list): a zero is then read as zero, not as a figure missing.
	 */
	default List<String> shownIn(RegionPath region) {
		return List.of();
	}

	/**
	 * The label of one of this module's figures whose name is not a fixed message key
	 * (such as a figure per campaign), in this language; empty for the others.
	 */
	default Optional<String> label(String figure, Locale locale) {
		return Optional.empty();
	}

}
