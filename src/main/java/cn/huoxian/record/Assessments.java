package cn.huoxian.record;

import static cn.huoxian.db.Tables.ASSESSMENT_CADRE;
import static cn.huoxian.db.Tables.ASSESSMENT_CHANGE;
import static cn.huoxian.db.Tables.ASSESSMENT_ROUND;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment rounds (考察识别): an evaluator or the city administrator opens a round over the
 * cadres under a region in scope (of some ranks, optionally only those at a current
 * post), scores each on the round's dimensions with a conclusion and a recommendation,
 * and closes it (then read-only). A round is read whole with its cadres ranked and their
 * figures beside the median of the peers of the same rank, in a handful of set queries.
 * Every change is kept in the round's history. Other roles: 404 on reads, 403 on writes.
 */
@Service
public class Assessments {

	/** The figures of a cadre in a round: days at post, then the entry kinds. */
	public static final List<String> FIGURES;

	public static final String DAYS_AT_POST = "DAYS_AT_POST";

	static {
		List<String> figures = new ArrayList<>();
		figures.add(DAYS_AT_POST);
		Arrays.stream(EntryKind.values()).map(Enum::name).forEach(figures::add);
		FIGURES = List.copyOf(figures);
	}

	private final DSLContext db;

	private final Clock clock;

	private final Regions regions;

	private final People people;

	private final Postings postings;

	private final Forms forms;

	private final AssessmentSettings settings;

	Assessments(DSLContext db, Regions regions, Clock clock, People people, Postings postings, Forms forms,
			AssessmentSettings settings) {
		this.db = db;
		this.settings = settings;
		this.people = people;
		this.postings = postings;
		this.regions = regions;
		this.clock = clock;
		this.forms = forms;
	}

	/** Opens a round and selects its cadres once; 422 when none match. */
	@Transactional
	public RoundView open(RoundForm form, CurrentUser user) {
		requireAssessor(user);
		forms.check(form);
		String name = form.name().strip();
		List<String> dimensions = dimensions(form.dimensions());
		RegionPath path = regions.resolve("region", form.region(), user.scope()).path();
		List<CadreRank> ranks = form.ranks() == null ? List.of()
				: form.ranks().stream().filter(r -> r != null).distinct().sorted().toList();
		if (!user.scope().coversRegion(path)) {
			throw new ForbiddenException(Messages.text("record.error.outside-scope.region", form.region()));
		}
		boolean deployedOnly = Boolean.TRUE.equals(form.deployedOnly());
		String criteria = "region=" + form.region().strip() + "; ranks="
				+ (ranks.isEmpty() ? "ALL" : ranks.stream().map(Enum::name).collect(Collectors.joining(",")))
				+ "; deployedOnly=" + deployedOnly;
		long id = db.insertInto(ASSESSMENT_ROUND)
			.set(ASSESSMENT_ROUND.NAME, name)
			.set(ASSESSMENT_ROUND.PATH, path.value())
			.set(ASSESSMENT_ROUND.CRITERIA, criteria)
			.set(ASSESSMENT_ROUND.DIMENSIONS, String.join(",", dimensions))
			.set(ASSESSMENT_ROUND.STATUS, "OPEN")
			.set(ASSESSMENT_ROUND.CREATED_BY, user.username())
			.returning(ASSESSMENT_ROUND.ID)
			.fetchOne()
			.getId();
		People.Cadres cadres = People.cadresUnder(path, ranks);
		Condition selection = deployedOnly ? postings.holdsPostOn(cadres.personId(), BusinessDay.today(clock))
				: DSL.noCondition();
		int selected = db
			.insertInto(ASSESSMENT_CADRE, ASSESSMENT_CADRE.ROUND_ID, ASSESSMENT_CADRE.PERSON_ID,
					ASSESSMENT_CADRE.CADRE_RANK)
			.select(DSL.select(DSL.val(id), cadres.personId(), cadres.rank()).from(cadres.table()).where(selection))
			.execute();
		if (selected == 0) {
			throw new RuleViolationException(noCadre(form.region().strip(), ranks, deployedOnly));
		}
		change(id, null, user,
				"opened: " + criteria + "; " + selected + " cadres; dimensions " + String.join(",", dimensions));
		return find(id, user);
	}

	/** The rounds under a region (or the whole scope), newest first. */
	public List<RoundView> list(String regionCode, CurrentUser user) {
		readable(user);
		Condition where = user.scope().regionCondition(ASSESSMENT_ROUND.PATH);
		if (regionCode != null && !regionCode.isBlank()) {
			RegionPath path = regions.byCode(regionCode.strip()).map(RegionView::path).orElse(null);
			if (path == null || !user.scope().coversRegion(path)) {
				throw new NotFoundException(Messages.text("record.what.scope-region", regionCode));
			}
			where = where.and(DataScope.under(ASSESSMENT_ROUND.PATH, path));
		}
		var count = DSL
			.field(DSL.selectCount().from(ASSESSMENT_CADRE).where(ASSESSMENT_CADRE.ROUND_ID.eq(ASSESSMENT_ROUND.ID)))
			.as("cadres");
		return db.select(ASSESSMENT_ROUND.asterisk(), count)
			.from(ASSESSMENT_ROUND)
			.where(where)
			.orderBy(ASSESSMENT_ROUND.CREATED_AT.desc(), ASSESSMENT_ROUND.ID.desc())
			.limit(500)
			.fetch(r -> round(r, r.get(count), List.of()));
	}

	/** The round with its cadres ranked; 404 outside scope or for other roles. */
	public RoundView find(long id, CurrentUser user) {
		Record round = load(id, user);
		List<RoundCadreView> cadres = rank(id, dimensionsOf(round));
		return round(round, cadres.size(), cadres);
	}

	/** One cadre of a round as ranked; 404 when not in the round. */
	public RoundCadreView cadre(long id, long personId, CurrentUser user) {
		return find(id, user).cadres()
			.stream()
			.filter(c -> c.personId() == personId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Messages.text("record.what.round-cadre", personId, id)));
	}

	/** Records a cadre's scores, comment, conclusion and recommendation. */
	@Transactional
	public RoundCadreView score(long id, long personId, ScoreForm form, CurrentUser user) {
		Record round = writable(id, user);
		List<String> dimensions = dimensionsOf(round);
		boolean inRound = db.fetchExists(ASSESSMENT_CADRE,
				ASSESSMENT_CADRE.ROUND_ID.eq(id).and(ASSESSMENT_CADRE.PERSON_ID.eq(personId)));
		if (!inRound) {
			throw new cn.huoxian.shared.ReferenceNotFoundException("personId");
		}
		forms.check(form);
		// the scores (1 to 10: the form's annotations) are checked against the round's
		// dimensions, all named at once
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> scores = form.scores() == null ? Map.of() : form.scores();
		for (String dimension : dimensions) {
			Integer score = scores.get(dimension);
			if (score == null) {
				problems.add(new FieldProblem("scores." + dimension,
						Messages.text("record.error.assessment.score-required")));
			}
		}
		for (String key : scores.keySet()) {
			if (!dimensions.contains(key)) {
				problems.add(new FieldProblem("scores." + key, Messages.text("record.error.assessment.not-a-dimension",
						String.join(Messages.text("record.list-separator"), dimensions))));
			}
		}
		String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String stored = dimensions.stream().map(d -> String.valueOf(scores.get(d))).collect(Collectors.joining(","));
		int total = dimensions.stream().mapToInt(scores::get).sum();
		db.update(ASSESSMENT_CADRE)
			.set(ASSESSMENT_CADRE.SCORES, stored)
			.set(ASSESSMENT_CADRE.TOTAL, total)
			.set(ASSESSMENT_CADRE.REMARK, comment)
			.set(ASSESSMENT_CADRE.CONCLUSION, form.conclusion().name())
			.set(ASSESSMENT_CADRE.RECOMMENDATION, form.recommendation() == null ? null : form.recommendation().name())
			.set(ASSESSMENT_CADRE.SCORED_BY, user.username())
			.set(ASSESSMENT_CADRE.SCORED_AT, OffsetDateTime.now(clock))
			.where(ASSESSMENT_CADRE.ROUND_ID.eq(id).and(ASSESSMENT_CADRE.PERSON_ID.eq(personId)))
			.execute();
		String scoreText = dimensions.stream().map(d -> d + "=" + scores.get(d)).collect(Collectors.joining(","));
		change(id, personId, user,
				"scored " + scoreText + "; total " + total + "; conclusion " + form.conclusion() + "; recommendation "
						+ (form.recommendation() == null ? "-" : form.recommendation().name())
						+ (comment == null ? "" : "; comment: " + comment));
		return cadre(id, personId, user);
	}

	/**
	 * The dimensions of a round the user may score now: 403 for other roles, 404 outside
	 * scope, 422 when closed.
	 */
	public List<String> scoringDimensions(long id, CurrentUser user) {
		return dimensionsOf(writable(id, user));
	}

	/** Closes the round: read-only from now on. */
	@Transactional
	public RoundView close(long id, CurrentUser user) {
		writable(id, user);
		db.update(ASSESSMENT_ROUND)
			.set(ASSESSMENT_ROUND.STATUS, "CLOSED")
			.set(ASSESSMENT_ROUND.CLOSED_BY, user.username())
			.set(ASSESSMENT_ROUND.CLOSED_AT, OffsetDateTime.now(clock))
			.where(ASSESSMENT_ROUND.ID.eq(id))
			.execute();
		change(id, null, user, "closed");
		return find(id, user);
	}

	/** The round's history, oldest first. */
	public List<RoundChange> history(long id, CurrentUser user) {
		load(id, user);
		var changes = db.selectFrom(ASSESSMENT_CHANGE)
			.where(ASSESSMENT_CHANGE.ROUND_ID.eq(id))
			.orderBy(ASSESSMENT_CHANGE.ID)
			.fetch();
		Map<Long, String> names = people.names(changes.stream()
			.map(r -> r.getPersonId())
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		return changes.map(r -> new RoundChange(r.getId(), r.getPersonId(),
				r.getPersonId() == null ? null : names.get(r.getPersonId()), r.getChangedBy(), r.getChangedAt(),
				r.getDetail()));
	}

	/** Throws 404 unless the user may read assessments and the round is in scope. */
	Record load(long id, CurrentUser user) {
		readable(user);
		Record round = db.select(ASSESSMENT_ROUND.asterisk())
			.from(ASSESSMENT_ROUND)
			.where(ASSESSMENT_ROUND.ID.eq(id))
			.fetchOne();
		if (round == null || !user.scope().coversRegion(RegionPath.of(round.get(ASSESSMENT_ROUND.PATH)))) {
			throw new NotFoundException(Messages.text("record.what.round", id));
		}
		return round;
	}

	private Record writable(long id, CurrentUser user) {
		requireAssessor(user);
		Record round = load(id, user);
		if (!"OPEN".equals(round.get(ASSESSMENT_ROUND.STATUS))) {
			throw new RuleViolationException(Messages.text("record.error.assessment.closed", id));
		}
		return round;
	}

	private static void readable(CurrentUser user) {
		if (!user.mayAssess()) {
			throw new NotFoundException(Messages.text("record.what.assessments"));
		}
	}

	private static void requireAssessor(CurrentUser user) {
		if (!user.mayAssess()) {
			throw new ForbiddenException(Messages.text("record.error.assessment.role", user.role().label()));
		}
	}

	/** Why a round selected nobody, its selection worded in the caller's language. */
	private static String noCadre(String region, List<CadreRank> ranks, boolean deployedOnly) {
		String rankNames = ranks.isEmpty() ? Messages.text("record.error.assessment.all-ranks")
				: ranks.stream()
					.map(r -> Messages.text("assessment.rank." + r.name()))
					.collect(Collectors.joining(Messages.text("record.list-separator")));
		return Messages.text("record.error.assessment.no-cadre", region, rankNames,
				deployedOnly ? Messages.text("record.error.assessment.deployed-only") : "");
	}

	private void change(long id, Long personId, CurrentUser user, String detail) {
		db.insertInto(ASSESSMENT_CHANGE)
			.set(ASSESSMENT_CHANGE.ROUND_ID, id)
			.set(ASSESSMENT_CHANGE.PERSON_ID, personId)
			.set(ASSESSMENT_CHANGE.CHANGED_BY, user.username())
			.set(ASSESSMENT_CHANGE.CHANGED_AT, OffsetDateTime.now(clock))
			.set(ASSESSMENT_CHANGE.DETAIL, detail.length() > 1000 ? detail.substring(0, 1000) : detail)
			.execute();
	}

	/**
	 * The round's dimensions, stripped (their count and names are checked by the form's
	 * annotations), none repeated.
	 */
	private static List<String> dimensions(List<String> given) {
		if (given == null || given.isEmpty()) {
			return RoundForm.DEFAULT_DIMENSIONS;
		}
		List<String> dimensions = given.stream().map(String::strip).toList();
		if (new HashSet<>(dimensions).size() != dimensions.size()) {
			throw new InvalidInputException("dimensions", Messages.text("record.error.assessment.dimension-repeated"));
		}
		return dimensions;
	}

	static List<String> dimensionsOf(Record round) {
		return List.of(round.get(ASSESSMENT_ROUND.DIMENSIONS).split(","));
	}

	private static RoundView round(Record r, int cadreCount, List<RoundCadreView> cadres) {
		RegionPath path = RegionPath.of(r.get(ASSESSMENT_ROUND.PATH));
		return new RoundView(r.get(ASSESSMENT_ROUND.ID), r.get(ASSESSMENT_ROUND.NAME), path.code(), path,
				r.get(ASSESSMENT_ROUND.CRITERIA), dimensionsOf(r), r.get(ASSESSMENT_ROUND.STATUS),
				r.get(ASSESSMENT_ROUND.CREATED_BY), r.get(ASSESSMENT_ROUND.CREATED_AT),
				r.get(ASSESSMENT_ROUND.CLOSED_BY), r.get(ASSESSMENT_ROUND.CLOSED_AT), cadreCount, cadres);
	}

	/**
	 * The round's cadres ranked, with figures and peer medians: one query for the cadres,
	 * one for their counted figures, one for their deployments.
	 */
	private List<RoundCadreView> rank(long id, List<String> dimensions) {
		var name = People.nameOf(ASSESSMENT_CADRE.PERSON_ID).as("name");
		var unitName = Units.nameOf(People.cadreUnitOf(ASSESSMENT_CADRE.PERSON_ID)).as("unit_name");
		List<Record> rows = db
			.select(ASSESSMENT_CADRE.PERSON_ID, ASSESSMENT_CADRE.CADRE_RANK, ASSESSMENT_CADRE.SCORES,
					ASSESSMENT_CADRE.TOTAL, ASSESSMENT_CADRE.REMARK, ASSESSMENT_CADRE.CONCLUSION,
					ASSESSMENT_CADRE.RECOMMENDATION, ASSESSMENT_CADRE.SCORED_BY, ASSESSMENT_CADRE.SCORED_AT, name,
					unitName)
			.from(ASSESSMENT_CADRE)
			.where(ASSESSMENT_CADRE.ROUND_ID.eq(id))
			.fetch()
			.stream()
			.map(r -> (Record) r)
			.toList();
		Map<Long, Map<String, Long>> figures = new HashMap<>();
		db.select(RECORD_FIGURE.PERSON_ID, RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)
			.from(RECORD_FIGURE)
			.join(ASSESSMENT_CADRE)
			.on(ASSESSMENT_CADRE.PERSON_ID.eq(RECORD_FIGURE.PERSON_ID).and(ASSESSMENT_CADRE.ROUND_ID.eq(id)))
			.forEach(r -> figures.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
		LocalDate today = BusinessDay.today(clock);
		postings.periods(
				DSL.select(ASSESSMENT_CADRE.PERSON_ID).from(ASSESSMENT_CADRE).where(ASSESSMENT_CADRE.ROUND_ID.eq(id)),
				today)
			.forEach(p -> {
				LocalDate end = p.end() == null || p.end().isAfter(today) ? today : p.end();
				long days = ChronoUnit.DAYS.between(p.start(), end) + 1;
				figures.computeIfAbsent(p.personId(), k -> new HashMap<>()).merge(DAYS_AT_POST, days, Long::sum);
			});
		// medians per rank and figure
		Map<String, List<Long>> byRank = new HashMap<>();
		for (Record row : rows) {
			byRank.computeIfAbsent(rankKey(row.get(ASSESSMENT_CADRE.CADRE_RANK)), k -> new ArrayList<>())
				.add(row.get(ASSESSMENT_CADRE.PERSON_ID));
		}
		Map<String, Map<String, Double>> medians = new HashMap<>();
		byRank.forEach((rank, people) -> {
			Map<String, Double> perFigure = new HashMap<>();
			for (String figure : FIGURES) {
				long[] values = people.stream()
					.mapToLong(p -> figures.getOrDefault(p, Map.of()).getOrDefault(figure, 0L))
					.sorted()
					.toArray();
				perFigure.put(figure, median(values));
			}
			medians.put(rank, perFigure);
		});
		List<Record> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator
			.<Record, Integer>comparing(r -> r.get(ASSESSMENT_CADRE.TOTAL),
					Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(r -> r.get(name))
			.thenComparing(r -> r.get(ASSESSMENT_CADRE.PERSON_ID)));
		List<RoundCadreView> ranked = new ArrayList<>(ordered.size());
		int place = 0;
		for (Record r : ordered) {
			long personId = r.get(ASSESSMENT_CADRE.PERSON_ID);
			String rank = r.get(ASSESSMENT_CADRE.CADRE_RANK);
			Map<String, Long> own = figures.getOrDefault(personId, Map.of());
			Map<String, Double> median = medians.get(rankKey(rank));
			Map<String, RoundCadreView.Figure> shown = new LinkedHashMap<>();
			for (String figure : FIGURES) {
				shown.put(figure, figure(own.getOrDefault(figure, 0L), median.get(figure)));
			}
			String conclusion = r.get(ASSESSMENT_CADRE.CONCLUSION);
			String recommendation = r.get(ASSESSMENT_CADRE.RECOMMENDATION);
			ranked.add(new RoundCadreView(++place, personId, r.get(name), rank, r.get(unitName),
					r.get(ASSESSMENT_CADRE.TOTAL), scores(dimensions, r.get(ASSESSMENT_CADRE.SCORES)),
					r.get(ASSESSMENT_CADRE.REMARK), conclusion == null ? null : Conclusion.valueOf(conclusion),
					recommendation == null ? null : Recommendation.valueOf(recommendation),
					r.get(ASSESSMENT_CADRE.SCORED_BY), r.get(ASSESSMENT_CADRE.SCORED_AT), shown));
		}
		return ranked;
	}

	private RoundCadreView.Figure figure(long value, double median) {
		return new RoundCadreView.Figure(value, median, settings.below(value, median));
	}

	/** The settings that decide what is marked below the median. */
	public AssessmentSettings settings() {
		return settings;
	}

	private static String rankKey(String rank) {
		return rank == null ? "" : rank;
	}

	static double median(long[] sorted) {
		if (sorted.length == 0) {
			return 0;
		}
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
	}

	private static Map<String, Integer> scores(List<String> dimensions, String stored) {
		if (stored == null) {
			return null;
		}
		String[] values = stored.split(",");
		Map<String, Integer> scores = new LinkedHashMap<>();
		for (int i = 0; i < dimensions.size() && i < values.length; i++) {
			scores.put(dimensions.get(i), Integer.valueOf(values[i]));
		}
		return scores;
	}

}
