package cn.huoxian.isolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionFigure;
import cn.huoxian.shared.RegionPath;
import org.springframework.stereotype.Component;

/**
 * Today's active cases not yet reached by their daily contact, on every region page. The
 * count reads the index entry of every active case under the region (about 15 ms for a
 * city of 50,000), and the tree page is the hottest page there is, so a region's figure
 * is kept for {@value #KEEP_MILLIS} ms; the isolation pages themselves count afresh.
 */
@Component
class OverdueFigure implements RegionFigure {

	static final long KEEP_MILLIS = 30_000;

	private final Cases cases;

	private final Clock clock;

	private final Map<String, Counted> counted = new ConcurrentHashMap<>();

	OverdueFigure(Cases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	private record Counted(long value, long at) {
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
		long now = clock.millis();
		Counted kept = counted.get(regionPath.value() + today);
		if (kept != null && now - kept.at() < KEEP_MILLIS) {
			return kept.value();
		}
		long value = cases.overdue(regionPath, today, 0, 1, scope).total();
		if (counted.size() > 20_000) {
			counted.clear(); // a city has about 13,000 regions; yesterday's entries go
								// too
		}
		counted.put(regionPath.value() + today, new Counted(value, now));
		return value;
	}

}
