package cn.huoxian.isolation;

import java.time.Clock;
import java.time.LocalDate;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RegionFigure;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * People in home isolation or medical observation today under a region, on every region
 * page and the dashboard; kept like the overdue figure ({@link KeptCounts}).
 */
@Component
@Order(1)
class ActiveFigure implements RegionFigure {

	private final Cases cases;

	private final KeptCounts kept;

	private final Clock clock;

	ActiveFigure(Cases cases, KeptCounts kept, Clock clock) {
		this.cases = cases;
		this.kept = kept;
		this.clock = clock;
	}

	@Override
	public String labelKey() {
		return "isolation.figure.active";
	}

	@Override
	public long value(RegionPath regionPath, DataScope scope) {
		LocalDate today = BusinessDay.today(clock);
		return kept.get("active" + regionPath.value() + today, () -> cases.activeOn(regionPath, today, scope));
	}

}
