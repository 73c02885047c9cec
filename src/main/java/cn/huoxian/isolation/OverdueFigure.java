package cn.huoxian.isolation;

import java.time.Clock;
import java.time.LocalDate;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionFigure;
import cn.huoxian.shared.RegionPath;
import org.springframework.stereotype.Component;

/**
 * Today's active cases not yet reached by their daily contact, on every region page and
 * the dashboard. The count reads the index entry of every active case under the region
 * (about 15 ms for a city of 50,000), and the tree page is the hottest page there is, so
 * a region's figure is kept ({@link KeptCounts}); the isolation pages themselves count
 * afresh.
 */
@Component
class OverdueFigure implements RegionFigure {

	private final Cases cases;

	private final KeptCounts kept;

	private final Clock clock;

	OverdueFigure(Cases cases, KeptCounts kept, Clock clock) {
		this.cases = cases;
		this.kept = kept;
		this.clock = clock;
	}

	@Override
	public String labelKey() {
		return "isolation.figure.overdue";
	}

	/**
	 * The region page shows a region inside the scope, so the count depends only on
	 * region and day.
	 */
	@Override
	public long value(RegionPath regionPath, DataScope scope) {
		LocalDate today = BusinessDay.today(clock);
		return kept.get("overdue" + regionPath.value() + today,
				() -> cases.overdue(regionPath, today, 0, 1, scope).total());
	}

}
