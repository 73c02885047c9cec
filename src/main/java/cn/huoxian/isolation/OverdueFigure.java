package cn.huoxian.isolation;

import java.time.Clock;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionFigure;
import org.springframework.stereotype.Component;

/** Today's active cases not yet reached by their daily contact, on every region page. */
@Component
class OverdueFigure implements RegionFigure {

	private final Cases cases;

	private final Clock clock;

	OverdueFigure(Cases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	@Override
	public String labelKey() {
		return "isolation.figure.overdue";
	}

	@Override
	public long value(String regionPath, DataScope scope) {
		return cases.overdue(regionPath, BusinessDay.today(clock), 0, 1, scope).total();
	}

}
