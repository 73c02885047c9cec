package cn.huoxian.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.HeadlineFigures;
import org.springframework.stereotype.Service;

/**
 * The headline of a region: the article's figures counted from records for everything
 * under it, as of today's business day in Asia/Shanghai.
 */
@Service
public class Headline {

	private final Regions regions;

	private final List<HeadlineFigures> contributors;

	private final Clock clock;

	Headline(Regions regions, List<HeadlineFigures> contributors, Clock clock) {
		this.regions = regions;
		this.contributors = contributors;
		this.clock = clock;
	}

	/**
	 * The headline of the region with this code (404 outside the scope), or of the
	 * scope's first root when no code is given.
	 */
	public Map<String, Object> of(String regionCode, DataScope scope) {
		RegionView region = regions.findOrFirstRoot(regionCode, scope);
		LocalDate day = BusinessDay.today(clock);
		Map<String, Object> headline = new LinkedHashMap<>();
		headline.put("region", region.code());
		headline.put("regionName", region.name());
		headline.put("level", region.level());
		headline.put("day", day);
		for (HeadlineFigures contributor : contributors) {
			contributor.addTo(headline, region.path(), day);
		}
		return headline;
	}

	/**
	 * The numbers of the headline of a region on a day (the contributors count as of the
	 * day where their records allow it): the dashboard's recount of past days.
	 */
	Map<String, Long> numbersOn(RegionPath path, LocalDate day) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (HeadlineFigures contributor : contributors) {
			contributor.addTo(figures, path, day);
		}
		Map<String, Long> numbers = new LinkedHashMap<>();
		figures.forEach((name, value) -> {
			if (value instanceof Number number) {
				numbers.put(name, number.longValue());
			}
		});
		return numbers;
	}

}
