package cn.huoxian.reporting;

import static cn.huoxian.db.Tables.DAILY_REPORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reports rolled up at a region (township, county, city): how many villages and
 * communities are expected to report, how many did and on time, the totals of their
 * figures, the same for each region below, and the exact list of those that have not.
 * Totals come from the maintained tally; only the expected counts read the regions.
 */
@Service
public class DailyRollups {

	private final DSLContext db;

	private final Regions regions;

	private final DailyReports reports;

	private final List<cn.huoxian.shared.DailyReportFigures> contributors;

	DailyRollups(DSLContext db, Regions regions, DailyReports reports,
			List<cn.huoxian.shared.DailyReportFigures> contributors) {
		this.contributors = contributors;
		this.db = db;
		this.regions = regions;
		this.reports = reports;
	}

	/** A region's roll-up: counts of reports and the sums of their figures. */
	public record RollupLine(String region, String regionName, String level, long expected, long submitted, long onTime,
			long zeroReports, Map<String, Long> totals) {

		/** Reports still missing. */
		public long missing() {
			return Math.max(0, expected - submitted);
		}

		/** Per cent of the expected reports submitted, 0–100. */
		public int completeness() {
			return expected == 0 ? 100 : (int) Math.min(100, submitted * 100 / expected);
		}

		/** Per cent of the expected reports submitted on time, 0–100. */
		public int timeliness() {
			return expected == 0 ? 100 : (int) Math.min(100, onTime * 100 / expected);
		}

	}

	/** The roll-up of a region and each region directly below it. */
	public record Rollup(String region, String regionName, String level, LocalDate date, long expected, long submitted,
			long onTime, long zeroReports, Map<String, Long> totals, List<RollupLine> children) {
	}

	/** A village or community without a report for the day. */
	public record Missing(String region, String regionName, String township) {
	}

	/** The roll-up at a region in scope (or the scope's first root) on a day. */
	@Transactional(readOnly = true)
	public Rollup rollup(String regionCode, LocalDate day, CurrentUser user) {
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		// the modules' figures read as 0 where nothing was reported (the open
		// campaigns'):
		// asked once for the roll-up, not per line (the dashboard reads lines every few
		// seconds)
		Set<String> shown = new HashSet<>();
		contributors.forEach(c -> shown.addAll(c.shownIn(region.path())));
		RollupLine own = showing(line(region, day), shown);
		List<RollupLine> children = new ArrayList<>();
		if (region.level() != RegionLevel.VILLAGE) {
			regions.children(region.code(), user.scope())
				.stream()
				.filter(c -> c.level() != RegionLevel.GRID)
				.forEach(c -> children.add(showing(line(c, day), shown)));
		}
		return new Rollup(own.region(), own.regionName(), own.level(), day, own.expected(), own.submitted(),
				own.onTime(), own.zeroReports(), own.totals(), children);
	}

	private static RollupLine showing(RollupLine line, Set<String> shown) {
		if (line.totals().keySet().containsAll(shown)) {
			return line;
		}
		Set<String> names = new HashSet<>(line.totals().keySet());
		names.addAll(shown);
		Map<String, Long> totals = new java.util.LinkedHashMap<>();
		DailyRollupLedger.ordered(names).forEach(f -> totals.put(f, line.totals().getOrDefault(f, 0L)));
		return new RollupLine(line.region(), line.regionName(), line.level(), line.expected(), line.submitted(),
				line.onTime(), line.zeroReports(), totals);
	}

	/** The roll-up of one region, without the regions below. */
	RollupLine line(RegionView region, LocalDate day) {
		Map<String, Long> tally = reports.tally(region.path(), day);
		// every figure offices read, 0 where nothing was reported, in their order
		Set<String> names = new HashSet<>(DailyRollupLedger.ALWAYS_SHOWN);
		names.addAll(tally.keySet());
		names.removeAll(List.of(DailyReports.SUBMITTED, DailyReports.ON_TIME, DailyReports.ZERO));
		Map<String, Long> totals = new java.util.LinkedHashMap<>();
		DailyRollupLedger.ordered(names).forEach(f -> totals.put(f, tally.getOrDefault(f, 0L)));
		return new RollupLine(region.code(), region.name(), region.level().name(), expected(region),
				tally.getOrDefault(DailyReports.SUBMITTED, 0L), tally.getOrDefault(DailyReports.ON_TIME, 0L),
				tally.getOrDefault(DailyReports.ZERO, 0L), totals);
	}

	/** The villages and communities at and below a region: those expected to report. */
	long expected(RegionView region) {
		if (region.level() == RegionLevel.VILLAGE) {
			return 1;
		}
		Regions.Rows rows = Regions.under(region.path());
		return db.fetchCount(DSL.selectOne().from(rows.table()).where(rows.level().eq(RegionLevel.VILLAGE.name())));
	}

	/**
	 * The villages and communities at and below a region in scope without a report for
	 * the day, in path order (township by township): the reminder list.
	 */
	@Transactional(readOnly = true)
	public PageResult<Missing> missing(String regionCode, LocalDate day, int page, int size, CurrentUser user) {
		PageResult.check(page, size);
		RegionView region = regions.findOrFirstRoot(regionCode, user.scope());
		Regions.Rows rows = Regions.under(region.path());
		Condition missing = rows.level()
			.eq(RegionLevel.VILLAGE.name())
			.andNotExists(DSL.selectOne()
				.from(DAILY_REPORT)
				.where(DAILY_REPORT.REGION_ID.eq(rows.id()).and(DAILY_REPORT.REPORT_DAY.eq(day))));
		long total = db.fetchCount(DSL.selectOne().from(rows.table()).where(missing));
		var page1 = db.select(rows.code(), rows.name(), rows.path())
			.from(rows.table())
			.where(missing)
			.orderBy(rows.path())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		Map<RegionPath, RegionView> townships = regions.byPaths(page1.stream()
			.map(r -> new RegionPath(r.value3()).parent())
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		List<Missing> items = page1.stream().map(r -> {
			RegionView township = townships.get(new RegionPath(r.value3()).parent());
			return new Missing(r.value1(), r.value2(), township == null ? "" : township.name());
		}).toList();
		return new PageResult<>(items, total, page, size);
	}

}
