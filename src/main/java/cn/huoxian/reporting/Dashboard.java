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
import cn.huoxian.shared.CampaignFigures;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.PastFigures;
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

	/**
	 * An open campaign's figures: households covered and to cover, by campaign id (their
	 * trends are kept like every figure's).
	 */
	static final String CAMPAIGN_COVERED = "campaignCovered_", CAMPAIGN_HOUSEHOLDS = "campaignHouseholds_";

	/** Residents flagged in the open campaigns. */
	static final String RESIDENTS_FLAGGED = "residentsFlagged";

	/** Today's reports figures, added to the modules' ones. */
	static final String REPORTS_SUBMITTED = "reportsSubmitted", REPORTS_ON_TIME = "reportsOnTime",
			REPORTS_EXPECTED = "reportsExpected";

	private final Headline headline;

	private final List<RegionFigure> regionFigures;

	private final DailyRollups rollups;

	private final List<CampaignFigures> campaignFigures;

	private final List<PastFigures> pastFigures;

	private final DailyReports reportTally;

	private final Regions regions;

	private final DSLContext db;

	private final Clock clock;

	Dashboard(Headline headline, List<RegionFigure> regionFigures, DailyRollups rollups,
			List<CampaignFigures> campaignFigures, List<PastFigures> pastFigures, DailyReports reportTally,
			Regions regions, DSLContext db, Clock clock) {
		this.reportTally = reportTally;
		this.campaignFigures = campaignFigures;
		this.pastFigures = pastFigures;
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

	/**
	 * An open screening campaign's coverage of the region, with the trend of households
	 * covered.
	 */
	public record CampaignCoverage(long campaignId, String name, long households, long covered, long flagged,
			java.math.BigDecimal rate, List<TrendPoint> trend) {
	}

	/** The dashboard of a region. */
	public record DashboardView(String region, String regionName, String level, LocalDate date,
			List<DashboardFigure> figures, List<CampaignCoverage> campaigns, List<ChildRegion> children) {
	}

	/** The dashboard of a region in scope (or the scope's first root). */
	@Transactional(readOnly = true)
	public DashboardView of(String regionCode, int days, CurrentUser user) {
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		LocalDate today = BusinessDay.today(clock);
		List<CampaignFigures.CampaignLine> lines = campaignLines(region);
		Map<String, Long> now = current(region, today, user.scope(), lines);
		Map<String, List<TrendPoint>> trends = history(region, today, days);
		List<DashboardFigure> figures = new ArrayList<>();
		now.forEach((name, value) -> {
			if (!name.startsWith(CAMPAIGN_COVERED) && !name.startsWith(CAMPAIGN_HOUSEHOLDS)) {
				List<TrendPoint> trend = new ArrayList<>(trends.getOrDefault(name, List.of()));
				trend.add(new TrendPoint(today, value));
				figures.add(new DashboardFigure(name, value, trend));
			}
		});
		List<CampaignCoverage> campaigns = new ArrayList<>();
		for (CampaignFigures.CampaignLine line : lines) {
			List<TrendPoint> trend = new ArrayList<>(
					trends.getOrDefault(CAMPAIGN_COVERED + line.campaignId(), List.of()));
			trend.add(new TrendPoint(today, line.covered()));
			campaigns.add(new CampaignCoverage(line.campaignId(), line.name(), line.households(), line.covered(),
					line.flagged(), rate(line.covered(), line.households()), trend));
		}
		List<ChildRegion> children = new ArrayList<>();
		if (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.GRID) {
			for (RegionView child : regions.children(region.code(), user.scope())) {
				if (child.level() != RegionLevel.GRID) {
					children.add(new ChildRegion(child.code(), child.name(), compared(child, today, user.scope())));
				}
			}
		}
		return new DashboardView(region.code(), region.name(), region.level().name(), today, figures, campaigns,
				children);
	}

	/** Covered of households, as a percentage with one decimal. */
	private static java.math.BigDecimal rate(long covered, long households) {
		return households == 0 ? java.math.BigDecimal.ZERO
				: java.math.BigDecimal.valueOf(covered * 1000 / households, 1);
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
		return current(region, day, scope, campaignLines(region));
	}

	private List<CampaignFigures.CampaignLine> campaignLines(RegionView region) {
		List<CampaignFigures.CampaignLine> lines = new ArrayList<>();
		campaignFigures.forEach(source -> lines.addAll(source.openUnder(region.path())));
		return lines;
	}

	private Map<String, Long> current(RegionView region, LocalDate day, DataScope scope,
			List<CampaignFigures.CampaignLine> lines) {
		Map<String, Long> figures = compared(region, day, scope);
		headline.of(region.code(), scope).forEach((name, value) -> {
			if (value instanceof Number number && !"day".equals(name)) {
				figures.put(name, number.longValue());
			}
		});
		long flagged = 0;
		for (CampaignFigures.CampaignLine line : lines) {
			figures.put(CAMPAIGN_COVERED + line.campaignId(), line.covered());
			figures.put(CAMPAIGN_HOUSEHOLDS + line.campaignId(), line.households());
			flagged += line.flagged();
		}
		figures.put(RESIDENTS_FLAGGED, flagged);
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

	/**
	 * Past days' figures read, by region, day and span: the days before today do not
	 * change during the day (a snapshot writes today's; only {@link #record} of a past
	 * day, a backfill, clears this), and a wall of dashboards asks every 4 s.
	 */
	private final Map<String, Map<String, List<TrendPoint>>> pastDays = new java.util.concurrent.ConcurrentHashMap<>();

	/** The figures of the days before today within {@code days}, oldest first. */
	private Map<String, List<TrendPoint>> history(RegionView region, LocalDate today, int days) {
		String key = region.path().value() + "|" + today + "|" + days;
		Map<String, List<TrendPoint>> kept = pastDays.get(key);
		if (kept != null) {
			return kept;
		}
		if (pastDays.size() > 5_000) {
			pastDays.clear(); // about 200 regions are snapshotted; yesterday's keys go
								// too
		}
		Map<String, List<TrendPoint>> read = read(region, today, days);
		pastDays.put(key, read);
		return read;
	}

	private Map<String, List<TrendPoint>> read(RegionView region, LocalDate today, int days) {
		Map<String, List<TrendPoint>> trends = new TreeMap<>();
		db.select(DAILY_FIGURE.FIGURE, DAILY_FIGURE.FIGURE_DAY, DAILY_FIGURE.FIGURE_VALUE)
			.from(DAILY_FIGURE)
			.where(DAILY_FIGURE.PATH.eq(region.path().value())
				.and(DAILY_FIGURE.FIGURE_DAY.between(today.minusDays(days - 1L), today.minusDays(1))))
			.orderBy(DAILY_FIGURE.FIGURE, DAILY_FIGURE.FIGURE_DAY)
			.forEach(r -> trends.computeIfAbsent(r.value1(), k -> new ArrayList<>())
				.add(new TrendPoint(r.value2(), r.value3())));
		trends.replaceAll((figure, points) -> List.copyOf(points));
		return java.util.Collections.unmodifiableMap(trends);
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

	/**
	 * A region's figures at the end of each day from {@code from} to {@code to},
	 * recounted from the records (scans: the trends of days without a snapshot): today's
	 * reports, the headline's numbers as of the day, and what the modules recount
	 * ({@link PastFigures}). Figures whose history the records do not hold (residents
	 * flagged, households to cover) are left out.
	 */
	Map<LocalDate, Map<String, Long>> recount(RegionView region, LocalDate from, LocalDate to) {
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		// the villages expected to report are today's for every day (the tree has no
		// history)
		long expected = rollups.expected(region);
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Map<String, Long> figures = new LinkedHashMap<>();
			Map<String, Long> reports = reportTally.tally(region.path(), day);
			figures.put(REPORTS_SUBMITTED, reports.getOrDefault(DailyReports.SUBMITTED, 0L));
			figures.put(REPORTS_ON_TIME, reports.getOrDefault(DailyReports.ON_TIME, 0L));
			figures.put(REPORTS_EXPECTED, expected);
			figures.putAll(headline.numbersOn(region.path(), day));
			days.put(day, figures);
		}
		for (PastFigures source : pastFigures) {
			source.asOf(region.path(), from, to)
				.forEach((day, figures) -> figures
					.forEach((name, value) -> days.get(day).put(name.replace('.', '_'), value)));
		}
		return days;
	}

	/**
	 * Fills the trends of the city and its counties for the last {@code days} days before
	 * today from a recount (the demo's emergency, or days the application did not run);
	 * the days written.
	 */
	@Transactional
	public int backfill(int days) {
		LocalDate today = BusinessDay.today(clock);
		int written = 0;
		for (RegionLevel level : List.of(RegionLevel.CITY, RegionLevel.COUNTY)) {
			for (RegionView region : regions.atLevel(level)) {
				var recounted = recount(region, today.minusDays(days), today.minusDays(1));
				recounted.forEach((day, figures) -> record(region, day, figures));
				written += recounted.size();
			}
		}
		return written;
	}

	/** Stores a region's figures of a day (replacing those stored for it). */
	void record(RegionView region, LocalDate day, Map<String, Long> figures) {
		if (day.isBefore(BusinessDay.today(clock))) {
			pastDays.clear();
		}
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
