package cn.huoxian.reporting;

import static cn.huoxian.db.Tables.DAILY_FIGURE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.RegionFigure;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command dashboard (指挥驾驶舱, ADR 42): a region's figures now — the headline's numbers,
 * the figures every region page shows, today's daily reports — each with its trend over
 * the last days from {@code daily_figure} (the latest snapshot of each day), and the same
 * figures for each region below, to drill down.
 */
@Service
public class Dashboard {

	/** Today's reports figures, added to the modules' ones. */
	static final String REPORTS_SUBMITTED = "reportsSubmitted", REPORTS_ON_TIME = "reportsOnTime",
			REPORTS_EXPECTED = "reportsExpected";

	private final Headline headline;

	private final List<RegionFigure> regionFigures;

	private final DailyRollups rollups;

	private final Regions regions;

	private final DSLContext db;

	private final Clock clock;

	Dashboard(Headline headline, List<RegionFigure> regionFigures, DailyRollups rollups, Regions regions, DSLContext db,
			Clock clock) {
		this.headline = headline;
		this.regionFigures = regionFigures;
		this.rollups = rollups;
		this.regions = regions;
		this.db = db;
		this.clock = clock;
	}

	/** A figure: its name (a message key {@code dashboard.figure.<name>}) and value. */
	public record DashboardFigure(String name, long value, List<TrendPoint> trend) {
	}

	/** One day of a trend. */
	public record TrendPoint(LocalDate date, long value) {
	}

	/** A region below with the figures compared across regions now, to drill down to. */
	public record ChildRegion(String region, String regionName, Map<String, Long> figures) {
	}

	/** The dashboard of a region. */
	public record DashboardView(String region, String regionName, String level, LocalDate date,
			List<DashboardFigure> figures, List<ChildRegion> children) {
	}

	/** The dashboard of a region in scope (or the scope's first root). */
	@Transactional(readOnly = true)
	public DashboardView of(String regionCode, int days, CurrentUser user) {
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		LocalDate today = BusinessDay.today(clock);
		Map<String, Long> now = current(region, today, user.scope());
		Map<String, List<TrendPoint>> trends = history(region, today, days);
		List<DashboardFigure> figures = new ArrayList<>();
		now.forEach((name, value) -> {
			List<TrendPoint> trend = new ArrayList<>(trends.getOrDefault(name, List.of()));
			trend.add(new TrendPoint(today, value));
			figures.add(new DashboardFigure(name, value, trend));
		});
		List<ChildRegion> children = new ArrayList<>();
		if (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.GRID) {
			for (RegionView child : regions.children(region.code(), user.scope())) {
				if (child.level() != RegionLevel.GRID) {
					children.add(new ChildRegion(child.code(), child.name(), compared(child, today, user.scope())));
				}
			}
		}
		return new DashboardView(region.code(), region.name(), region.level().name(), today, figures, children);
	}

	/**
	 * One figure's trend over the last days, today's value live (400 for an unknown
	 * figure).
	 */
	@Transactional(readOnly = true)
	public List<TrendPoint> trend(String regionCode, String figure, int days, CurrentUser user) {
		if (days < 1 || days > 366) {
			throw new InvalidInputException("days", Messages.text("problem.field.between", 1, 366));
		}
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		LocalDate today = BusinessDay.today(clock);
		Map<String, Long> now = current(region, today, user.scope());
		if (figure == null || !now.containsKey(figure)) {
			throw new InvalidInputException("figure",
					Messages.text("problem.field.unknown-value", figure == null ? "" : figure));
		}
		List<TrendPoint> trend = new ArrayList<>(history(region, today, days).getOrDefault(figure, List.of()));
		trend.add(new TrendPoint(today, now.get(figure)));
		return trend;
	}

	/**
	 * A region's figures now, each counted from the modules' counters: the headline's
	 * numbers, the region pages' figures, today's reports.
	 */
	Map<String, Long> current(RegionView region, LocalDate day, DataScope scope) {
		Map<String, Long> figures = compared(region, day, scope);
		headline.of(region.code(), scope).forEach((name, value) -> {
			if (value instanceof Number number && !"day".equals(name)) {
				figures.put(name, number.longValue());
			}
		});
		return figures;
	}

	/**
	 * The figures a command compares across the regions below (today's reports, the
	 * region pages' figures): each a key read or a kept count, where a region's whole
	 * headline would cost a few milliseconds per region.
	 */
	private Map<String, Long> compared(RegionView region, LocalDate day, DataScope scope) {
		Map<String, Long> figures = new LinkedHashMap<>();
		DailyRollups.RollupLine reports = rollups.line(region, day);
		figures.put(REPORTS_SUBMITTED, reports.submitted());
		figures.put(REPORTS_ON_TIME, reports.onTime());
		figures.put(REPORTS_EXPECTED, reports.expected());
		for (RegionFigure figure : regionFigures) {
			figures.put(figure.labelKey().replace('.', '_'), figure.value(region.path(), scope));
		}
		return figures;
	}

	/** The figures of the days before today within {@code days}, oldest first. */
	private Map<String, List<TrendPoint>> history(RegionView region, LocalDate today, int days) {
		Map<String, List<TrendPoint>> trends = new TreeMap<>();
		db.select(DAILY_FIGURE.FIGURE, DAILY_FIGURE.FIGURE_DAY, DAILY_FIGURE.FIGURE_VALUE)
			.from(DAILY_FIGURE)
			.where(DAILY_FIGURE.PATH.eq(region.path().value())
				.and(DAILY_FIGURE.FIGURE_DAY.between(today.minusDays(days - 1L), today.minusDays(1))))
			.orderBy(DAILY_FIGURE.FIGURE, DAILY_FIGURE.FIGURE_DAY)
			.forEach(r -> trends.computeIfAbsent(r.value1(), k -> new ArrayList<>())
				.add(new TrendPoint(r.value2(), r.value3())));
		return trends;
	}

	/**
	 * Writes today's figures of the city, its counties and townships (the latest snapshot
	 * of a day is that day's value); the number of regions written.
	 */
	@Transactional
	public int snapshot() {
		LocalDate today = BusinessDay.today(clock);
		int written = 0;
		for (RegionLevel level : List.of(RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP)) {
			for (RegionView region : regions.atLevel(level)) {
				record(region, today, current(region, today, DataScope.ofRegions(region.path())));
				written++;
			}
		}
		return written;
	}

	/** Stores a region's figures of a day (replacing those stored for it). */
	void record(RegionView region, LocalDate day, Map<String, Long> figures) {
		var batch = db.batch(db
			.insertInto(DAILY_FIGURE, DAILY_FIGURE.PATH, DAILY_FIGURE.FIGURE_DAY, DAILY_FIGURE.FIGURE,
					DAILY_FIGURE.FIGURE_VALUE)
			.values((String) null, null, null, null)
			.onConflict(DAILY_FIGURE.PATH, DAILY_FIGURE.FIGURE, DAILY_FIGURE.FIGURE_DAY)
			.doUpdate()
			.set(DAILY_FIGURE.FIGURE_VALUE, org.jooq.impl.DSL.excluded(DAILY_FIGURE.FIGURE_VALUE)));
		figures.forEach((name, value) -> batch.bind(region.path().value(), day, name, value));
		batch.execute();
	}

}
