package cn.huoxian.reporting;

import static cn.huoxian.db.Tables.DAILY_REPORT;
import static cn.huoxian.db.Tables.DAILY_REPORT_CHANGE;
import static cn.huoxian.db.Tables.DAILY_REPORT_FIGURE;
import static cn.huoxian.db.Tables.DAILY_REPORT_TALLY;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import cn.huoxian.db.tables.records.DailyReportRecord;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DailyReportFigures;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily situation reports (情况报送, issue 15): one per village or community and business
 * day, its figures prefilled from the records ({@link DailyReportFigures}) and corrected
 * with a note, a few entered; on time by the deadline, locked after the deadline plus the
 * grace until the level above reopens it. Every write changes the roll-up tally of the
 * community and each region above it in the same transaction.
 */
@Service
public class DailyReports {

	/** Tally figures that count reports rather than sum a figure. */
	static final String SUBMITTED = "submitted", ON_TIME = "onTime", ZERO = "zeroReports", HELP = "helpNeeded",
			NEW_CONFIRMED = "newConfirmed", NEW_SUSPECTED = "newSuspected";

	private static final long MAX_FIGURE = 10_000_000;

	private final DSLContext db;

	private final Regions regions;

	private final List<DailyReportFigures> contributors;

	private final FigureLabels labels;

	private final DailyReportSettings settings;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	DailyReports(DSLContext db, Regions regions, List<DailyReportFigures> contributors, DailyReportSettings settings,
			Clock clock, org.springframework.transaction.support.TransactionTemplate transactions,
			FigureLabels labels) {
		this.labels = labels;
		this.transactions = transactions;
		this.db = db;
		this.regions = regions;
		this.contributors = contributors;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The figures the records give for a community on a day, in the contributors' order.
	 */
	public Map<String, Long> prefilled(RegionPath community, LocalDate day) {
		Map<String, Long> figures = new LinkedHashMap<>();
		contributors.forEach(c -> c.addTo(figures, community, day));
		return figures;
	}

	/** The report of a village or community in scope for a day, or a prefilled draft. */
	@Transactional(readOnly = true)
	public ReportView find(String regionCode, LocalDate day, CurrentUser user) {
		RegionView community = community(regionCode, user);
		checkDay(day);
		DailyReportRecord report = stored(community, day, false);
		return view(community, day, report);
	}

	/**
	 * Submits (or resubmits) the report: 400 naming each field in error, 409 once locked
	 * (unless reopened); the same content again changes nothing. Two first submissions at
	 * once: the second finds the first's report and resubmits over it.
	 */
	public ReportView submit(String regionCode, LocalDate day, ReportForm form, CurrentUser user) {
		return submitAsOf(regionCode, day, form, user, OffsetDateTime.now(clock));
	}

	/**
	 * Submits as {@link #submit} does, as if at moment {@code at} (its deadline, lock and
	 * history go by that moment): for the demo city, whose reports of earlier days were
	 * submitted on those days.
	 */
	public ReportView submitAsOf(String regionCode, LocalDate day, ReportForm form, CurrentUser user,
			OffsetDateTime at) {
		try {
			return transactions.execute(status -> submitOnce(regionCode, day, form, user, at));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return transactions.execute(status -> submitOnce(regionCode, day, form, user, at));
		}
	}

	private ReportView submitOnce(String regionCode, LocalDate day, ReportForm form, CurrentUser user,
			OffsetDateTime now) {
		RegionView community = community(regionCode, user);
		if (!user.mayReportDaily()) {
			throw new ForbiddenException(Messages.text("report.problem.role", user.role().label()));
		}
		checkDay(day);
		Map<String, Long> prefilled = prefilled(community.path(), day);
		Map<String, ReportView.FigureView> figures = checked(form, prefilled);
		DailyReportRecord report = stored(community, day, true);
		if (report != null && sameContent(report, form, figures)) {
			return view(community, day, report);
		}
		if (report == null ? locked(day, now) : "SUBMITTED".equals(report.getStatus()) && locked(day, now)) {
			throw new RuleViolationException(Messages.text("report.problem.locked", community.name(), day));
		}
		Map<String, Long> before = report == null ? Map.of() : tallyOf(report, figuresOf(report.getId()));
		boolean first = report == null;
		if (first) {
			report = db.newRecord(DAILY_REPORT);
			report.setRegionId(community.id());
			report.setPath(community.path().value());
			report.setReportDay(day);
			report.setOnTime(!now.isAfter(deadline(day)));
			report.setVersion(0);
		}
		report.setStatus("SUBMITTED");
		report.setZeroReport(form.isZero());
		report.setNewConfirmed(form.isZero() ? 0 : orZero(form.newConfirmed()));
		report.setNewSuspected(form.isZero() ? 0 : orZero(form.newSuspected()));
		report.setHelpNeeded(form.isZero() ? null : blankToNull(form.helpNeeded()));
		report.setRemarks(blankToNull(form.remarks()));
		report.setSubmittedBy(user.username());
		report.setSubmittedAt(now);
		report.setVersion(report.getVersion() + 1);
		report.store();
		db.deleteFrom(DAILY_REPORT_FIGURE).where(DAILY_REPORT_FIGURE.REPORT_ID.eq(report.getId())).execute();
		int position = 0;
		for (ReportView.FigureView figure : figures.values()) {
			db.insertInto(DAILY_REPORT_FIGURE, DAILY_REPORT_FIGURE.REPORT_ID, DAILY_REPORT_FIGURE.FIGURE,
					DAILY_REPORT_FIGURE.POSITION, DAILY_REPORT_FIGURE.PREFILLED, DAILY_REPORT_FIGURE.REPORTED,
					DAILY_REPORT_FIGURE.NOTE)
				.values(report.getId(), figure.name(), position++, figure.prefilled(), figure.reported(), figure.note())
				.execute();
		}
		change(report.getId(), first ? "SUBMITTED" : "RESUBMITTED", user, null, now);
		addToTally(community.path(), day, before, tallyOf(report, List.copyOf(figures.values())));
		return view(community, day, report);
	}

	/**
	 * Reopens a submitted report so the community may submit it again: only a user whose
	 * scope covers the region above the community (and whose role reports), with a
	 * reason; kept in the report's history.
	 */
	@Transactional
	public ReportView reopen(String regionCode, LocalDate day, String reason, CurrentUser user) {
		RegionView community = community(regionCode, user);
		RegionPath above = community.path().parent();
		if (!user.mayReportDaily() || above == null || !user.scope().coversRegion(above)) {
			throw new ForbiddenException(Messages.text("report.problem.reopen-role", community.name()));
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new InvalidInputException("reason", Messages.text("report.problem.reason"));
		}
		DailyReportRecord report = stored(community, day, true);
		if (report == null) {
			throw new NotFoundException(Messages.text("report.what.report", community.name(), day));
		}
		if ("SUBMITTED".equals(report.getStatus())) {
			report.setStatus("REOPENED");
			report.store();
			change(report.getId(), "REOPENED", user, reason.strip(), OffsetDateTime.now(clock));
		}
		return view(community, day, report);
	}

	/** When a day's reports are due (on time until then). */
	public OffsetDateTime deadline(LocalDate day) {
		return day.atTime(settings.deadline()).atZone(BusinessDay.ZONE).toOffsetDateTime();
	}

	/** When a day's reports lock. */
	public OffsetDateTime locksAt(LocalDate day) {
		return deadline(day).plus(settings.grace());
	}

	private boolean locked(LocalDate day, OffsetDateTime now) {
		return now.isAfter(locksAt(day));
	}

	/**
	 * A village or community in the user's scope (404 outside it, 400 at another level).
	 */
	RegionView community(String regionCode, CurrentUser user) {
		RegionView region = regions.resolve("regionCode", regionCode, user.scope());
		if (region.level() != RegionLevel.VILLAGE) {
			throw new InvalidInputException("regionCode", Messages.text("report.problem.level", region.name()));
		}
		return region;
	}

	private void checkDay(LocalDate day) {
		if (day.isAfter(BusinessDay.today(clock))) {
			throw new InvalidInputException("date", Messages.text("problem.field.future"));
		}
	}

	private DailyReportRecord stored(RegionView community, LocalDate day, boolean forUpdate) {
		var query = db.selectFrom(DAILY_REPORT)
			.where(DAILY_REPORT.REGION_ID.eq(community.id()).and(DAILY_REPORT.REPORT_DAY.eq(day)));
		return forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
	}

	/**
	 * The figures as reported, each checked: known, within range, a note where the value
	 * differs from the records; the entered fields within their limits.
	 */
	private Map<String, ReportView.FigureView> checked(ReportForm form, Map<String, Long> prefilled) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, ReportView.FigureView> figures = new LinkedHashMap<>();
		for (String name : form.figuresOrEmpty().keySet()) {
			if (!prefilled.containsKey(name)) {
				problems.add(new FieldProblem("figures." + name, Messages.text("report.problem.figure-unknown")));
			}
		}
		for (Map.Entry<String, Long> figure : prefilled.entrySet()) {
			String field = "figures." + figure.getKey();
			ReportForm.FigureInput input = form.isZero() ? null : form.figuresOrEmpty().get(figure.getKey());
			long value = input == null || input.value() == null ? figure.getValue() : input.value();
			String note = input == null ? null : blankToNull(input.note());
			if (value < 0 || value > MAX_FIGURE) {
				problems.add(new FieldProblem(field, Messages.text("problem.field.between", 0, MAX_FIGURE)));
			}
			else if (value != figure.getValue() && note == null) {
				problems.add(new FieldProblem(field,
						Messages.text("report.problem.note-needed", labels.of(figure.getKey()), figure.getValue())));
			}
			if (note != null && note.length() > 500) {
				problems.add(new FieldProblem(field, Messages.text("problem.field.too-long", 500)));
			}
			figures.put(figure.getKey(), new ReportView.FigureView(figure.getKey(), figure.getValue(), value,
					value == figure.getValue() ? null : note));
		}
		checkCount(problems, "newConfirmed", form.newConfirmed());
		checkCount(problems, "newSuspected", form.newSuspected());
		if (form.isZero() && (orZero(form.newConfirmed()) > 0 || orZero(form.newSuspected()) > 0
				|| blankToNull(form.helpNeeded()) != null)) {
			problems.add(new FieldProblem("zero", Messages.text("report.problem.zero")));
		}
		checkLength(problems, "helpNeeded", form.helpNeeded(), 1000);
		checkLength(problems, "remarks", form.remarks(), 2000);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return figures;
	}

	private static void checkCount(List<FieldProblem> problems, String field, Integer value) {
		if (value != null && (value < 0 || value > 100_000)) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.between", 0, 100_000)));
		}
	}

	private static void checkLength(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, Messages.text("problem.field.too-long", max)));
		}
	}

	/**
	 * Whether the stored report already says exactly this (a resubmission changes
	 * nothing).
	 */
	private boolean sameContent(DailyReportRecord report, ReportForm form, Map<String, ReportView.FigureView> figures) {
		if (!"SUBMITTED".equals(report.getStatus()) || report.getZeroReport() != form.isZero()
				|| report.getNewConfirmed() != (form.isZero() ? 0 : orZero(form.newConfirmed()))
				|| report.getNewSuspected() != (form.isZero() ? 0 : orZero(form.newSuspected()))
				|| !Objects.equals(report.getHelpNeeded(), form.isZero() ? null : blankToNull(form.helpNeeded()))
				|| !Objects.equals(report.getRemarks(), blankToNull(form.remarks()))) {
			return false;
		}
		Map<String, Long> stored = new TreeMap<>();
		figuresOf(report.getId()).forEach(f -> stored.put(f.name(), f.reported()));
		Map<String, Long> sent = new TreeMap<>();
		figures.values().forEach(f -> sent.put(f.name(), f.reported()));
		return stored.equals(sent);
	}

	List<ReportView.FigureView> figuresOf(long reportId) {
		return db.selectFrom(DAILY_REPORT_FIGURE)
			.where(DAILY_REPORT_FIGURE.REPORT_ID.eq(reportId))
			.orderBy(DAILY_REPORT_FIGURE.POSITION)
			.fetch(r -> new ReportView.FigureView(r.getFigure(), r.getPrefilled(), r.getReported(), r.getNote()));
	}

	/** What one report adds to the roll-up of every region above it. */
	static Map<String, Long> tallyOf(DailyReportRecord report, List<ReportView.FigureView> figures) {
		Map<String, Long> tally = new TreeMap<>();
		tally.put(SUBMITTED, 1L);
		tally.put(ON_TIME, report.getOnTime() ? 1L : 0L);
		tally.put(ZERO, report.getZeroReport() ? 1L : 0L);
		tally.put(HELP, report.getHelpNeeded() == null ? 0L : 1L);
		tally.put(NEW_CONFIRMED, (long) report.getNewConfirmed());
		tally.put(NEW_SUSPECTED, (long) report.getNewSuspected());
		figures.forEach(f -> tally.put(f.name(), f.reported()));
		return tally;
	}

	/**
	 * Adds the difference between a report's old and new contributions to the tallies of
	 * its community and every region above, in path order (concurrent reports lock the
	 * same rows in the same order).
	 */
	private void addToTally(RegionPath community, LocalDate day, Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((k, v) -> delta.merge(k, v, Long::sum));
		before.forEach((k, v) -> delta.merge(k, -v, Long::sum));
		delta.values().removeIf(v -> v == 0);
		if (delta.isEmpty()) {
			return;
		}
		var batch = db.batch(db
			.insertInto(DAILY_REPORT_TALLY, DAILY_REPORT_TALLY.PATH, DAILY_REPORT_TALLY.REPORT_DAY,
					DAILY_REPORT_TALLY.FIGURE, DAILY_REPORT_TALLY.TALLY)
			.values((String) null, null, null, null)
			.onConflict(DAILY_REPORT_TALLY.PATH, DAILY_REPORT_TALLY.REPORT_DAY, DAILY_REPORT_TALLY.FIGURE)
			.doUpdate()
			.set(DAILY_REPORT_TALLY.TALLY, DAILY_REPORT_TALLY.TALLY.plus(DSL.excluded(DAILY_REPORT_TALLY.TALLY))));
		for (RegionPath path : community.withAncestors()) {
			delta.forEach((figure, n) -> batch.bind(path.value(), day, figure, n));
		}
		batch.execute();
	}

	/** The roll-up of everything under a path on a day, from the tally. */
	Map<String, Long> tally(RegionPath path, LocalDate day) {
		return db.select(DAILY_REPORT_TALLY.FIGURE, DAILY_REPORT_TALLY.TALLY)
			.from(DAILY_REPORT_TALLY)
			.where(DAILY_REPORT_TALLY.PATH.eq(path.value()).and(DAILY_REPORT_TALLY.REPORT_DAY.eq(day)))
			.fetchMap(DAILY_REPORT_TALLY.FIGURE, DAILY_REPORT_TALLY.TALLY);
	}

	/**
	 * The roll-up of everything under a path on a day, counted from the reports
	 * themselves.
	 */
	Map<String, Long> recount(RegionPath path, LocalDate day) {
		Map<String, Long> sums = new TreeMap<>();
		db.selectFrom(DAILY_REPORT)
			.where(cn.huoxian.shared.DataScope.under(DAILY_REPORT.PATH, path).and(DAILY_REPORT.REPORT_DAY.eq(day)))
			.forEach(r -> tallyOf(r, figuresOf(r.getId())).forEach((k, v) -> sums.merge(k, v, Long::sum)));
		sums.values().removeIf(v -> v == 0);
		return sums;
	}

	private void change(long reportId, String action, CurrentUser user, String reason, OffsetDateTime at) {
		db.insertInto(DAILY_REPORT_CHANGE, DAILY_REPORT_CHANGE.REPORT_ID, DAILY_REPORT_CHANGE.ACTION,
				DAILY_REPORT_CHANGE.CHANGED_BY, DAILY_REPORT_CHANGE.CHANGED_AT, DAILY_REPORT_CHANGE.REASON)
			.values(reportId, action, user.username(), at, reason)
			.execute();
	}

	private ReportView view(RegionView community, LocalDate day, DailyReportRecord report) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (report == null) {
			List<ReportView.FigureView> figures = new ArrayList<>();
			prefilled(community.path(), day)
				.forEach((name, value) -> figures.add(new ReportView.FigureView(name, value, value, null)));
			return new ReportView(community.code(), community.name(), day, ReportView.NOT_SUBMITTED, false, null,
					figures, 0, 0, null, null, null, null, 0, deadline(day), locksAt(day), locked(day, now), List.of());
		}
		List<ReportView.ChangeView> history = db.selectFrom(DAILY_REPORT_CHANGE)
			.where(DAILY_REPORT_CHANGE.REPORT_ID.eq(report.getId()))
			.orderBy(DAILY_REPORT_CHANGE.ID)
			.fetch(r -> new ReportView.ChangeView(r.getAction(), r.getChangedBy(), r.getChangedAt(), r.getReason()));
		return new ReportView(community.code(), community.name(), day, report.getStatus(), report.getZeroReport(),
				report.getOnTime(), figuresOf(report.getId()), report.getNewConfirmed(), report.getNewSuspected(),
				report.getHelpNeeded(), report.getRemarks(), report.getSubmittedBy(), report.getSubmittedAt(),
				report.getVersion(), deadline(day), locksAt(day),
				"SUBMITTED".equals(report.getStatus()) && locked(day, now), history);
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
