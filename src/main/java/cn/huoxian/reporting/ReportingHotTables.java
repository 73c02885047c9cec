package cn.huoxian.reporting;

import java.util.List;

import cn.huoxian.shared.HotTables;
import org.springframework.stereotype.Component;

/**
 * The daily reports' tally: every report adds to its township's, county's and city's rows
 * of the day, thousands of times in the afternoon's hour.
 */
@Component
class ReportingHotTables implements HotTables {

	@Override
	public List<String> hotTables() {
		return List.of("daily_report_tally");
	}

}
