package cn.huoxian.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.org.Households;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Flag;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.RegionPath;

/**
 * Visits of a screening campaign typed up from paper forms: one row per resident checked
 * (a visit that found nobody home is one row without person columns), rows of a visit
 * grouped by visitId or, without one, by household and time, from which a visitId is
 * derived so a second upload of the same file stores nothing twice. Rows are checked
 * alone first; the visits are then handed to {@link Visits#record} in batches inside the
 * import's one transaction, and a visit it refuses is reported at its rows.
 */
final class VisitImport implements RowImport {

	private static final List<String> PERSON_COLUMNS = List.of("personId", "status", "awayWhere", "temperature",
			"travelFrom", "flags");

	private static final Pattern FIELD = Pattern.compile("visits\\[(\\d+)]\\.(?:residents\\[(\\d+)]\\.?)?(\\w*).*");

	private static final Pattern FLAG_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

	private static final Map<String, Outcome> OUTCOMES = labels(Outcome.class, Map.of("已覆盖", Outcome.COVERED, "已覆蓋",
			Outcome.COVERED, "无人在家", Outcome.NOBODY_HOME, "無人在家", Outcome.NOBODY_HOME));

	private static final Map<String, ResidentStatus> STATUSES = labels(ResidentStatus.class,
			Map.of("在家", ResidentStatus.PRESENT, "外出", ResidentStatus.AWAY, "已迁出", ResidentStatus.MOVED_OUT, "已遷出",
					ResidentStatus.MOVED_OUT));

	private static final Map<String, Flag> FLAGS = labels(Flag.class,
			Map.of("有症状", Flag.SYMPTOMS, "有症狀", Flag.SYMPTOMS, "高风险地区旅居史", Flag.HIGH_RISK_TRAVEL, "高風險地區旅居史",
					Flag.HIGH_RISK_TRAVEL, "接触确诊或疑似病例", Flag.CONTACT, "接觸確診或疑似病例", Flag.CONTACT, "发热", Flag.FEVER, "發熱",
					Flag.FEVER));

	/**
	 * One checked row: the visit it belongs to and, unless nobody was home, the resident
	 * it checks.
	 */
	private record Line(UUID visitId, long householdId, OffsetDateTime visitedAt, Outcome outcome,
			VisitInput.ResidentCheck check) {
	}

	/**
	 * One visit gathered from its rows, the rows kept to report what {@link Visits}
	 * refuses.
	 */
	private static final class Draft {

		private final Line first;

		private final ImportRow firstRow;

		private final List<ImportRow> residentRows = new ArrayList<>();

		private final List<VisitInput.ResidentCheck> residents = new ArrayList<>();

		Draft(Line first, ImportRow firstRow) {
			this.first = first;
			this.firstRow = firstRow;
		}

		VisitInput input() {
			return new VisitInput(first.visitId(), first.householdId(), first.visitedAt(), first.outcome(),
					List.copyOf(residents), List.of());
		}

	}

	private final Households households;

	private final Visits visits;

	private final CampaignView campaign;

	private final CurrentUser user;

	private final Map<Long, Optional<RegionPath>> householdPaths = new HashMap<>();

	private final Map<UUID, Draft> drafts = new LinkedHashMap<>();

	private int accepted;

	private int duplicates;

	VisitImport(Households households, Visits visits, CampaignView campaign, CurrentUser user) {
		this.households = households;
		this.visits = visits;
		this.campaign = campaign;
		this.user = user;
	}

	@Override
	public void check(List<ImportRow> rows) {
		loadHouseholds(rows);
		for (ImportRow row : rows) {
			Line line = parse(row);
			if (line != null) {
				gather(row, line);
			}
		}
	}

	/** One query per chunk for where the households its rows name are. */
	private void loadHouseholds(List<ImportRow> rows) {
		List<Long> ids = rows.stream()
			.map(row -> quietLong(row.text("householdId")))
			.filter(Objects::nonNull)
			.filter(id -> !householdPaths.containsKey(id))
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return;
		}
		ids.forEach(id -> householdPaths.put(id, Optional.empty()));
		households.fetchAll(ids).values().forEach(h -> householdPaths.put(h.id(), Optional.of(h.path())));
	}

	private static Long quietLong(String text) {
		try {
			return text == null ? null : Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Line parse(ImportRow row) {
		UUID visitId = visitId(row);
		Long householdId = household(row);
		OffsetDateTime visitedAt = row.dateTime("visitedAt", BusinessDay.ZONE);
		if (visitedAt == null && row.text("visitedAt") == null) {
			row.error("visitedAt", "exchange.error.required");
		}
		Outcome outcome = required(row, "outcome", OUTCOMES, "exchange.error.visit.outcome");
		VisitInput.ResidentCheck check = outcome == null ? null : check(row, outcome);
		if (row.hasErrors()) {
			return null;
		}
		UUID id = visitId != null ? visitId : derivedId(householdId, visitedAt);
		return new Line(id, householdId, visitedAt, outcome, check);
	}

	/**
	 * The same file uploaded again derives the same ids, so its visits are skipped as
	 * duplicates.
	 */
	private UUID derivedId(long householdId, OffsetDateTime visitedAt) {
		String name = "visit:" + campaign.id() + ":" + householdId + ":" + visitedAt.toInstant();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private static UUID visitId(ImportRow row) {
		String text = row.text("visitId");
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			row.error("visitId", "exchange.error.visit.visitId");
			return null;
		}
	}

	private Long household(ImportRow row) {
		if (row.text("householdId") == null) {
			row.error("householdId", "exchange.error.required");
			return null;
		}
		Long id = row.wholeNumber("householdId");
		if (id == null) {
			return null;
		}
		RegionPath path = householdPaths.computeIfAbsent(id, k -> Optional.empty()).orElse(null);
		if (path == null || !user.scope().coversRegion(path)) {
			row.error("householdId", "exchange.error.household.unknown", id);
		}
		return id;
	}

	/**
	 * The resident a row checks; null for a visit that found nobody home, or a covered
	 * one of an empty household.
	 */
	private static VisitInput.ResidentCheck check(ImportRow row, Outcome outcome) {
		if (outcome == Outcome.NOBODY_HOME) {
			PERSON_COLUMNS.stream()
				.filter(c -> row.text(c) != null)
				.findFirst()
				.ifPresent(c -> row.error(c, "exchange.error.visit.nobodyHomePerson"));
			return null;
		}
		if (PERSON_COLUMNS.stream().allMatch(c -> row.text(c) == null)) {
			return null;
		}
		Long personId = row.wholeNumber("personId");
		if (row.text("personId") == null) {
			row.error("personId", "exchange.error.required");
		}
		ResidentStatus status = required(row, "status", STATUSES, "exchange.error.visit.status");
		String awayWhere = row.optional("awayWhere", 100);
		BigDecimal temperature = temperature(row);
		Set<Flag> flags = flags(row);
		return new VisitInput.ResidentCheck(personId, status, awayWhere, temperature, flags,
				row.optional("travelFrom", 100));
	}

	private static BigDecimal temperature(ImportRow row) {
		BigDecimal temperature = row.decimal("temperature", "exchange.error.visit.temperature");
		if (temperature != null && temperature.stripTrailingZeros().scale() > 1) {
			row.error("temperature", "exchange.error.visit.temperature");
			return null;
		}
		return temperature;
	}

	private static Set<Flag> flags(ImportRow row) {
		String text = row.text("flags");
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		if (text == null) {
			return flags;
		}
		for (String label : FLAG_SEPARATORS.split(text)) {
			Flag flag = label.isEmpty() ? null : FLAGS.get(label.toUpperCase(Locale.ROOT));
			if (flag == null && !label.isEmpty()) {
				row.error("flags", "exchange.error.visit.flag", label);
			}
			else if (flag != null) {
				flags.add(flag);
			}
		}
		return flags;
	}

	private static <E> E required(ImportRow row, String column, Map<String, E> labels, String key) {
		String text = row.text(column);
		if (text == null) {
			row.error(column, "exchange.error.required");
			return null;
		}
		E value = labels.get(text.toUpperCase(Locale.ROOT));
		if (value == null) {
			row.error(column, key, text);
		}
		return value;
	}

	/** Constant names (any case) and Chinese labels. */
	private static <E extends Enum<E>> Map<String, E> labels(Class<E> type, Map<String, E> chinese) {
		Map<String, E> labels = new HashMap<>(chinese);
		for (E value : type.getEnumConstants()) {
			labels.put(value.name(), value);
		}
		return Map.copyOf(labels);
	}

	/**
	 * Adds a row to its visit; the rows of one visit must agree on household, time and
	 * outcome.
	 */
	private void gather(ImportRow row, Line line) {
		Draft draft = drafts.get(line.visitId());
		if (draft == null) {
			draft = new Draft(line, row);
			drafts.put(line.visitId(), draft);
		}
		else if (!agrees(row, line, draft)) {
			return;
		}
		if (line.check() != null) {
			draft.residents.add(line.check());
			draft.residentRows.add(row);
		}
	}

	private static boolean agrees(ImportRow row, Line line, Draft draft) {
		Line first = draft.first;
		int firstRow = draft.firstRow.number();
		if (first.householdId() != line.householdId()) {
			row.error("householdId", "exchange.error.visit.differs", firstRow);
		}
		else if (!first.visitedAt().isEqual(line.visitedAt())) {
			row.error("visitedAt", "exchange.error.visit.differs", firstRow);
		}
		else if (first.outcome() != line.outcome()) {
			row.error("outcome", "exchange.error.visit.differs", firstRow);
		}
		else if (line.outcome() == Outcome.NOBODY_HOME) {
			row.error("outcome", "exchange.error.visit.nobodyHomeRows", firstRow);
		}
		else {
			repeatedPerson(row, line, draft);
		}
		return !row.hasErrors();
	}

	private static void repeatedPerson(ImportRow row, Line line, Draft draft) {
		for (int r = 0; r < draft.residents.size(); r++) {
			if (line.check() != null && Objects.equals(draft.residents.get(r).personId(), line.check().personId())) {
				row.error("personId", "exchange.error.repeats", draft.residentRows.get(r).number());
				return;
			}
		}
	}

	@Override
	public boolean rereads() {
		// the visits gathered while checking are all the write needs
		return false;
	}

	@Override
	public void write(List<ImportRow> rows) {
		// never called: see rereads()
	}

	/** Records the visits in batches; the import's transaction makes them one. */
	@Override
	public void written() {
		List<Draft> all = new ArrayList<>(drafts.values());
		for (int from = 0; from < all.size(); from += Visits.MAX_BATCH) {
			List<Draft> batch = all.subList(from, Math.min(from + Visits.MAX_BATCH, all.size()));
			try {
				Visits.BatchResult result = visits.record(campaign.id(), batch.stream().map(Draft::input).toList(),
						user);
				accepted += result.accepted();
				duplicates += result.duplicates();
			}
			catch (InvalidInputException ex) {
				throw new Imports.WriteRefused(refusal(batch, ex));
			}
		}
	}

	/**
	 * Where in the file each problem {@link Visits} names lies: the visit's first row, or
	 * the resident's row.
	 */
	private static RowErrors refusal(List<Draft> batch, InvalidInputException ex) {
		RowErrors errors = new RowErrors();
		for (InvalidInputException.FieldProblem problem : ex.problems()) {
			Matcher field = FIELD.matcher(problem.field());
			Draft draft = field.matches() ? batch.get(Integer.parseInt(field.group(1))) : batch.get(0);
			ImportRow row = draft.firstRow;
			String column = field.matches() ? field.group(3) : "";
			if (field.matches() && field.group(2) != null) {
				row = draft.residentRows.get(Integer.parseInt(field.group(2)));
			}
			column = known(column);
			errors.add(row.number(), column, row.header(column), "exchange.error.visit.refused", problem.reason());
		}
		return errors;
	}

	/**
	 * A column of the file: "residents" (someone missing) points at the person column.
	 */
	private static String known(String field) {
		return ImportKind.VISITS.columns()
			.stream()
			.map(ImportColumn::name)
			.filter(field::equals)
			.findFirst()
			.orElse("personId");
	}

	@Override
	public ImportResult result(int rows) {
		return ImportResult.imported(accepted, duplicates);
	}

}
