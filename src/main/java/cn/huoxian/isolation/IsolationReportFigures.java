package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;

import java.time.LocalDate;
import java.util.Map;

import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Home isolation in a community's daily report: the cases under isolation on the day, and
 * those not yet reached by their daily contact (the overdue list's count).
 */
@Component
@Order(20)
class IsolationReportFigures implements DailyReportFigures {

	private final DSLContext db;

	private final Cases cases;

	IsolationReportFigures(DSLContext db, Cases cases) {
		this.db = db;
		this.cases = cases;
	}

	@Override
	public void addTo(Map<String, Long> figures, RegionPath community, LocalDate day) {
		figures.put("isolationActive",
				(long) db.fetchCount(ISOLATION_CASE,
						DataScope.under(ISOLATION_CASE.PATH, community)
							.and(ISOLATION_CASE.STATUS.in("ACTIVE", "EXTENDED"))
							.and(ISOLATION_CASE.START_DATE.le(day))
							.and(ISOLATION_CASE.END_DATE.ge(day))));
		figures.put("isolationNotContacted",
				cases.overdue(community, day, 0, 1, DataScope.ofRegions(community)).total());
	}

}
