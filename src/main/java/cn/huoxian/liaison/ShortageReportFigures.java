package cn.huoxian.liaison;

import static cn.huoxian.db.Tables.SHORTAGE;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shortages in a community's daily report: those it raised to its paired unit and that
 * are not resolved yet (answered ones included: nothing has arrived).
 */
@Component
@Order(25)
class ShortageReportFigures implements DailyReportFigures {

	private final DSLContext db;

	ShortageReportFigures(DSLContext db) {
		this.db = db;
	}

	@Override
	public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
		figures.put("shortagesOpen", (long) db.fetchCount(SHORTAGE,
				DataScope.under(SHORTAGE.PATH, community).and(SHORTAGE.STATUS.in(Shortages.OPEN))));
	}

}
