package cn.huoxian.shared;

import java.time.LocalDate;
import java.util.Map;

/**
 * A module's dashboard figures as they stood at the end of past days, recounted from its
 * records (scans: for filling the trends of days no snapshot was taken on, never when a
 * page opens). For today the recount equals the figure the module keeps, which the tests
 * check. Names as the dashboard uses them (a region figure by its label key).
 */
public interface PastFigures {

	/** The figures at a region at the end of each day from {@code from} to {@code to}. */
	Map<LocalDate, Map<String, Long>> asOf(RegionPath region, LocalDate from, LocalDate to);

}
