package cn.huoxian.screening;

import static cn.huoxian.db.Tables.SCREENING_VISIT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.huoxian.people.People;
import cn.huoxian.people.PersonForm;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.IdNumber;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.Phones;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.bulk.SqlArrays;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records batches of visits: the whole batch is validated first (one bad visit rejects
 * it, named), visits already stored under the same client {@code visitId} are skipped,
 * and the households' latest state and the coverage counters at every level change in the
 * same transaction.
 */
@Service
public class Visits {

	public static final int MAX_BATCH = 1000;

	private static final Pattern NEW_RESIDENT_FIELD = Pattern.compile("^unregistered\\[(\\d+)]\\.");

	private final DSLContext db;

	private final Campaigns campaigns;

	private final People people;

	private final VisitWriter writer;

	private final Clock clock;

	private final List<String> highRiskAreas;

	private final cn.huoxian.org.Households households;

	private final Forms forms;

	Visits(DSLContext db, Campaigns campaigns, People people, VisitWriter writer, Clock clock,
			ScreeningSettings settings, cn.huoxian.org.Households households, Forms forms) {
		this.households = households;
		this.db = db;
		this.campaigns = campaigns;
		this.people = people;
		this.writer = writer;
		this.clock = clock;
		this.highRiskAreas = settings.highRiskAreas().stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
		this.forms = forms;
	}

	/**
	 * What a batch did: visits stored, and visits skipped because their visitId was
	 * already stored.
	 */
	public record BatchResult(int accepted, int duplicates) {
	}

	/**
	 * A household the batch touches: where it is and who is registered in it (with their
	 * names, for the reasons that name a resident).
	 */
	record Target(long id, RegionPath path, Set<Long> residents, Map<Long, String> names) {
	}

	@Transactional
	public BatchResult record(long campaignId, List<VisitInput> visits, CurrentUser user) {
		user.requirePeopleEditor();
		CampaignView campaign = campaigns.find(campaignId, user.scope());
		if (visits == null || visits.isEmpty() || visits.size() > MAX_BATCH) {
			throw new InvalidInputException("visits", Messages.text("screening.problem.batch-size", MAX_BATCH));
		}
		checkShapes(visits, campaign);
		visits = visits.stream().map(Visits::toMicros).toList();
		Map<Long, Target> targets = targets(visits, campaign, user);
		// a retried visit is skipped before its residents are checked: the household may
		// have changed since
		Set<UUID> stored = storedVisitIds(visits);
		List<VisitInput> fresh = visits.stream().filter(v -> !stored.contains(v.visitId())).toList();
		checkResidents(fresh, visits, targets);
		if (!fresh.isEmpty()) {
			List<VisitInput> withNewResidents = registerUnregistered(fresh, targets, user);
			writer.write(campaign.id(), withNewResidents, targets, user);
		}
		return new BatchResult(fresh.size(), visits.size() - fresh.size());
	}

	private void checkShapes(List<VisitInput> visits, CampaignView campaign) {
		Set<UUID> seen = new HashSet<>();
		OffsetDateTime latest = OffsetDateTime.now(clock).plusMinutes(5);
		LocalDate today = BusinessDay.today(clock);
		for (int i = 0; i < visits.size(); i++) {
			VisitInput visit = visits.get(i);
			String at = "visits[" + i + "].";
			if (visit == null || visit.visitId() == null) {
				throw invalid(at + "visitId", null, Messages.text("screening.problem.visit-id"));
			}
			if (!seen.add(visit.visitId())) {
				throw invalid(at + "visitId", visit, Messages.text("screening.problem.twice-in-batch"));
			}
			if (visit.householdId() == null) {
				throw invalid(at + "householdId", visit, Messages.text("problem.required"));
			}
			if (visit.outcome() == null) {
				throw invalid(at + "outcome", visit, Messages.text("screening.problem.outcome"));
			}
			if (!VisitLimits.plainlyWithin(visit, today)) {
				checkLimits(at, visit);
			}
			if (visit.visitedAt() == null || visit.visitedAt().isAfter(latest)) {
				throw invalid(at + "visitedAt", visit, Messages.text("screening.problem.visited-at"));
			}
			var day = visit.visitedAt().atZoneSameInstant(BusinessDay.ZONE).toLocalDate();
			if (day.isBefore(campaign.startsOn()) || day.isAfter(campaign.endsOn())) {
				throw invalid(at + "visitedAt", visit,
						Messages.text("screening.problem.outside-campaign", campaign.startsOn(), campaign.endsOn()));
			}
		}
	}

	private Map<Long, Target> targets(List<VisitInput> visits, CampaignView campaign, CurrentUser user) {
		Set<Long> ids = visits.stream().map(VisitInput::householdId).collect(Collectors.toSet());
		// locking the households serialises batches that touch the same ones, so state
		// deltas stay exact
		Map<Long, RegionPath> paths = households.lockPaths(ids);
		Map<Long, Set<Long>> residents = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		people.residentNames(ids).forEach((household, persons) -> {
			residents.put(household, new HashSet<>(persons.keySet()));
			names.putAll(persons);
		});
		Map<Long, Target> targets = new HashMap<>();
		Set<Long> targeted = campaigns.targetsAmong(campaign, paths);
		for (int i = 0; i < visits.size(); i++) {
			VisitInput visit = visits.get(i);
			RegionPath path = paths.get(visit.householdId());
			// a household the caller cannot read answers like a missing one
			if (!user.scope().coversRegion(path)) {
				throw new cn.huoxian.shared.ReferenceNotFoundException("visits[" + i + "].householdId");
			}
			if (!targeted.contains(visit.householdId())) {
				throw invalid("visits[" + i + "].householdId", visit,
						Messages.text("screening.problem.not-target", visit.householdId()));
			}
			targets.put(visit.householdId(), new Target(visit.householdId(), path,
					residents.getOrDefault(visit.householdId(), new HashSet<>()), names));
		}
		return targets;
	}

	private void checkResidents(List<VisitInput> fresh, List<VisitInput> batch, Map<Long, Target> targets) {
		// each visit's place in the batch, by identity: indexOf would compare whole
		// visits
		Map<VisitInput, Integer> places = new java.util.IdentityHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			places.put(batch.get(i), i);
		}
		for (VisitInput visit : fresh) {
			String at = "visits[" + places.get(visit) + "].";
			Target target = targets.get(visit.householdId());
			if (visit.outcome() == Outcome.NOBODY_HOME) {
				if (!visit.residentsOrEmpty().isEmpty() || !visit.unregisteredOrEmpty().isEmpty()) {
					throw invalid(at + "residents", visit, Messages.text("screening.problem.nobody-home"));
				}
				continue;
			}
			Set<Long> accounted = new HashSet<>();
			for (int r = 0; r < visit.residentsOrEmpty().size(); r++) {
				VisitInput.ResidentCheck check = visit.residentsOrEmpty().get(r);
				String field = at + "residents[" + r + "].";
				if (check == null || check.personId() == null || !target.residents().contains(check.personId())) {
					throw invalid(field + "personId", visit,
							Messages.text("screening.problem.not-resident", target.id()));
				}
				String name = target.names().get(check.personId());
				if (!accounted.add(check.personId())) {
					throw invalid(field + "personId", visit, name, Messages.text("screening.problem.listed-twice"));
				}
				if (check.status() == null) {
					throw invalid(field + "status", visit, name, Messages.text("screening.problem.status"));
				}
				checkTemperature(field, visit, name, check.temperature());
				if (check.travelFrom() != null && !check.travelFrom().isBlank()
						&& !highRiskAreas.contains(check.travelFrom().strip())) {
					throw invalid(field + "travelFrom", visit, name, Messages.text("screening.problem.travel-from",
							String.join(Messages.text("screening.list-separator"), highRiskAreas)));
				}
			}
			if (!accounted.equals(target.residents())) {
				List<String> missing = target.residents()
					.stream()
					.filter(id -> !accounted.contains(id))
					.sorted()
					.map(id -> target.names().getOrDefault(id, String.valueOf(id)))
					.toList();
				throw invalid(at + "residents", visit, Messages.text("screening.problem.missing-residents",
						String.join(Messages.text("screening.list-separator"), missing)));
			}
			checkUnregistered(at, visit);
		}
	}

	private void checkUnregistered(String at, VisitInput visit) {
		Set<String> seen = new HashSet<>();
		for (int n = 0; n < visit.unregisteredOrEmpty().size(); n++) {
			VisitInput.NewResident resident = visit.unregisteredOrEmpty().get(n);
			String field = at + "unregistered[" + n + "].";
			if (resident == null || resident.name() == null || resident.name().isBlank()) {
				throw invalid(field + "name", visit, Messages.text("problem.required"));
			}
			String name = resident.name().strip();
			IdNumber.problem(resident.idNumber(), BusinessDay.today(clock)).ifPresent(p -> {
				throw invalid(field + "idNumber", visit, name, p);
			});
			if (!seen.add(resident.idNumber().toUpperCase())) {
				throw invalid(field + "idNumber", visit, name, Messages.text("screening.problem.listed-twice"));
			}
			if (resident.phone() != null && !resident.phone().isBlank() && !Phones.isValid(resident.phone())) {
				throw invalid(field + "phone", visit, name, Messages.text("screening.problem.phone"));
			}
			checkTemperature(field, visit, name, resident.temperature());
		}
	}

	/**
	 * The declared limits (lengths, ranges) of one visit, named by its place in the
	 * batch.
	 */
	private void checkLimits(String at, VisitInput visit) {
		try {
			forms.check(visit);
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldProblem first = ex.problems().get(0);
			throw invalid(at + first.field(), visit, newResidentAt(visit, first.field()), first.reason());
		}
	}

	/**
	 * The name of the unregistered person a field of the visit is about, when it is one
	 * (registered residents are named once the household is read).
	 */
	private static String newResidentAt(VisitInput visit, String field) {
		Matcher m = NEW_RESIDENT_FIELD.matcher(field);
		if (!m.find()) {
			return null;
		}
		int n = Integer.parseInt(m.group(1));
		VisitInput.NewResident resident = n < visit.unregisteredOrEmpty().size() ? visit.unregisteredOrEmpty().get(n)
				: null;
		return resident == null || resident.name() == null || resident.name().isBlank() ? null
				: resident.name().strip();
	}

	private static void checkTemperature(String field, VisitInput visit, String name, BigDecimal temperature) {
		if (temperature != null
				&& (temperature.compareTo(VisitLimits.LOWEST) < 0 || temperature.compareTo(VisitLimits.HIGHEST) > 0)) {
			throw invalid(field + "temperature", visit, name, Messages.text("problem.field.body-temperature"));
		}
	}

	private Set<UUID> storedVisitIds(List<VisitInput> visits) {
		return new HashSet<>(db.select(SCREENING_VISIT.VISIT_ID)
			.from(SCREENING_VISIT)
			.where(SqlArrays.anyOfUuids(SCREENING_VISIT.VISIT_ID, visits.stream().map(VisitInput::visitId).toList()))
			.fetch(SCREENING_VISIT.VISIT_ID));
	}

	/**
	 * People found but not registered become residents; the visit then accounts for them
	 * like the rest.
	 */
	private List<VisitInput> registerUnregistered(List<VisitInput> visits, Map<Long, Target> targets,
			CurrentUser user) {
		List<VisitInput> result = new ArrayList<>(visits.size());
		for (VisitInput visit : visits) {
			if (visit.unregisteredOrEmpty().isEmpty()) {
				result.add(visit);
				continue;
			}
			List<VisitInput.ResidentCheck> residents = new ArrayList<>(visit.residentsOrEmpty());
			for (VisitInput.NewResident found : visit.unregisteredOrEmpty()) {
				try {
					long id = people
						.create(new PersonForm(found.name().strip(), found.idNumber(), found.phone(),
								visit.householdId(), null, List.of()), user)
						.id();
					targets.get(visit.householdId()).residents().add(id);
					residents.add(new VisitInput.ResidentCheck(id, ResidentStatus.PRESENT, null, found.temperature(),
							found.flags()));
				}
				catch (InvalidInputException ex) {
					throw invalid("unregistered", visit, found.name().strip(),
							ex.problems()
								.stream()
								.map(InvalidInputException.FieldProblem::reason)
								.collect(Collectors.joining("; ")));
				}
			}
			result.add(new VisitInput(visit.visitId(), visit.householdId(), visit.visitedAt(), visit.outcome(),
					residents, List.of()));
		}
		return result;
	}

	/**
	 * The high-risk areas a resident's travel is asked about
	 * (huoxian.screening.high-risk-areas).
	 */
	public List<String> highRiskAreas() {
		return highRiskAreas;
	}

	/**
	 * Times are kept to the microsecond, as both databases store them, so "latest"
	 * compares alike in memory and SQL.
	 */
	private static VisitInput toMicros(VisitInput visit) {
		return new VisitInput(visit.visitId(), visit.householdId(),
				visit.visitedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), visit.outcome(), visit.residents(),
				visit.unregistered());
	}

	/** The flags a check raises: those given, plus fever from the temperature. */
	static Set<Flag> flagsOf(VisitInput.ResidentCheck check) {
		Set<Flag> flags = check.flags() == null || check.flags().isEmpty() ? EnumSet.noneOf(Flag.class)
				: EnumSet.copyOf(check.flags());
		if (check.temperature() != null && check.temperature().compareTo(Flag.FEVER_FROM) >= 0) {
			flags.add(Flag.FEVER);
		}
		if (check.travelFrom() != null && !check.travelFrom().isBlank()) {
			flags.add(Flag.HIGH_RISK_TRAVEL);
		}
		return flags;
	}

	/** A problem of one visit in the batch, named by its visitId. */
	private static InvalidInputException invalid(String field, VisitInput visit, String reason) {
		return invalid(field, visit, null, reason);
	}

	/**
	 * A problem of one visit in the batch, named by its visitId and, when known, the name
	 * of the resident it is about.
	 */
	private static InvalidInputException invalid(String field, VisitInput visit, String resident, String reason) {
		if (visit == null || visit.visitId() == null) {
			return new InvalidInputException(field, reason);
		}
		return new InvalidInputException(field,
				resident == null ? Messages.text("screening.problem.visit", visit.visitId(), reason)
						: Messages.text("screening.problem.visit-resident", visit.visitId(), resident, reason));
	}

	/** A visit that names its visitor: what its batch's event carried. */
	public record VisitedBy(UUID visitId, long campaignId, long visitorPersonId) {
	}

	/**
	 * The first {@code size} visits that name a visitor, by campaign and visitor: for
	 * benchmarks publishing their events again.
	 */
	public List<VisitedBy> withVisitor(int size) {
		return db.select(SCREENING_VISIT.VISIT_ID, SCREENING_VISIT.CAMPAIGN_ID, SCREENING_VISIT.VISITOR_PERSON_ID)
			.from(SCREENING_VISIT)
			.where(SCREENING_VISIT.VISITOR_PERSON_ID.isNotNull())
			.orderBy(SCREENING_VISIT.CAMPAIGN_ID, SCREENING_VISIT.VISITOR_PERSON_ID)
			.limit(size)
			.fetch(r -> new VisitedBy(r.value1(), r.value2(), r.value3()));
	}

}
