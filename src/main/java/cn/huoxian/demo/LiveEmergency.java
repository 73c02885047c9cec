package cn.huoxian.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.huoxian.isolation.CaseForm;
import cn.huoxian.isolation.CaseReason;
import cn.huoxian.isolation.CaseType;
import cn.huoxian.isolation.CaseView;
import cn.huoxian.isolation.Cases;
import cn.huoxian.isolation.Channel;
import cn.huoxian.isolation.ContactForm;
import cn.huoxian.isolation.Needs;
import cn.huoxian.org.CityReads;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.RegionView;
import cn.huoxian.reporting.ReportForm;
import cn.huoxian.people.People;
import cn.huoxian.people.PeopleReads;
import cn.huoxian.record.Assessments;
import cn.huoxian.record.Conclusion;
import cn.huoxian.record.Recommendation;
import cn.huoxian.record.RoundCadreView;
import cn.huoxian.record.RoundForm;
import cn.huoxian.record.RoundView;
import cn.huoxian.record.ScoreForm;
import cn.huoxian.screening.CampaignForm;
import cn.huoxian.screening.CampaignView;
import cn.huoxian.screening.Campaigns;
import cn.huoxian.screening.Flag;
import cn.huoxian.screening.Flags;
import cn.huoxian.screening.Outcome;
import cn.huoxian.screening.ResidentStatus;
import cn.huoxian.screening.VisitInput;
import cn.huoxian.screening.VisitInput.ResidentCheck;
import cn.huoxian.screening.Visits;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's emergency as it stands today, recorded through the modules' own services as
 * their users would record it (so every counter, flag, overdue list and record entry
 * follows): a city-wide screening campaign opened two days ago and partly done (every
 * grid between a twentieth and nearly half done, the grid01 account's grid at 40 %),
 * residents flagged on the way, home-isolation cases started over the last twelve days
 * with their daily contacts (some missed yesterday, most not yet made today), needs
 * raised and some delivered, and an assessment round in 新华区 with every fourth of its
 * cadres scored (a few dozen at most). Deterministic (one seed); dated from the day of
 * generation. At most {@link #VISIT_BUDGET} visits, {@link #CASE_BUDGET} cases and
 * {@link #SCORED_BUDGET} scores whatever the scale, so the full city's generation is not
 * dominated by it: above the small demo the visited grids are a sample of the city's. One
 * transaction.
 */
@Component
class LiveEmergency {

	static final int VISIT_BUDGET = 12_000;

	static final int CASE_BUDGET = 120;

	/**
	 * Each score re-ranks the round (its answer names the cadre's place): a few dozen.
	 */
	static final int SCORED_BUDGET = 40;

	static final String CAMPAIGN_NAME = "全市第二轮入户排查";

	static final String ROUND_NAME = "疫情防控一线干部考核（新华区）";

	private static final String CITY = "130900";

	private static final String XINHUA = "130902";

	private static final String[] AWAY = { "在外地务工", "在外地探亲", "在县城子女家", "在外地上学" };

	/** The most villages and communities whose reports the demo writes, at any scale. */
	private static final int REPORTS = 300;

	private static final String[] HELP = { "医用口罩不足，需补充2000只", "需要额外体温枪5把", "消毒液库存仅够两天", "卡口值守人手不足" };

	private static final String[] NEEDS = { "代购米面油和蔬菜", "代购降压药", "代取快递", "代缴电费" };

	private final CityReads city;

	private final PeopleReads peopleReads;

	private final People people;

	private final Campaigns campaigns;

	private final Visits visits;

	private final Flags flags;

	private final Cases cases;

	private final Needs needs;

	private final Assessments assessments;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final cn.huoxian.reporting.DailyReports dailyReports;

	private final cn.huoxian.org.Regions regions;

	private final cn.huoxian.supplies.Supplies suppliesService;

	private final cn.huoxian.liaison.Pairings pairings;

	private final cn.huoxian.reporting.Dashboard dashboard;

	private final cn.huoxian.duty.Checkpoints checkpointService;

	private final cn.huoxian.duty.Rosters rosters;

	private final cn.huoxian.duty.DutyLogs dutyLogs;

	private final cn.huoxian.org.Units units;

	private final cn.huoxian.duty.Swaps swaps;

	/** A step that may be refused, inside the generation's transaction. */
	private final TransactionTemplate attempt;

	private final VolunteerDemo volunteerDemo;

	private final cn.huoxian.liaison.Shortages shortages;

	/** The days of trends the demo's dashboard starts with. */
	private static final int TREND_DAYS = 30;

	LiveEmergency(CityReads city, PeopleReads peopleReads, People people, Campaigns campaigns, Visits visits,
			Flags flags, Cases cases, Needs needs, Assessments assessments, Clock clock,
			PlatformTransactionManager transactions, cn.huoxian.reporting.DailyReports dailyReports,
			cn.huoxian.org.Regions regions, cn.huoxian.supplies.Supplies suppliesService,
			cn.huoxian.liaison.Pairings pairings, cn.huoxian.liaison.Shortages shortages,
			cn.huoxian.reporting.Dashboard dashboard, cn.huoxian.duty.Checkpoints checkpoints,
			cn.huoxian.duty.Rosters rosters, cn.huoxian.duty.DutyLogs dutyLogs, cn.huoxian.org.Units units,
			cn.huoxian.duty.Swaps swaps, VolunteerDemo volunteerDemo) {
		this.swaps = swaps;
		this.volunteerDemo = volunteerDemo;
		this.checkpointService = checkpoints;
		this.rosters = rosters;
		this.dutyLogs = dutyLogs;
		this.units = units;
		this.shortages = shortages;
		this.dashboard = dashboard;
		this.suppliesService = suppliesService;
		this.pairings = pairings;
		this.dailyReports = dailyReports;
		this.regions = regions;
		this.city = city;
		this.peopleReads = peopleReads;
		this.people = people;
		this.campaigns = campaigns;
		this.visits = visits;
		this.flags = flags;
		this.cases = cases;
		this.needs = needs;
		this.assessments = assessments;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.attempt = new TransactionTemplate(transactions);
		this.attempt.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
	}

	/** What was recorded, for the log and the tests. */
	record Written(long campaignId, int visits, long flagged, int cases, int contacts, int needs, long roundId,
			int scored, int reports, Map<String, Long> millis) {
	}

	/**
	 * Records the emergency in the city generated at this scale; {@code accounts} are the
	 * demo accounts' persons by account name.
	 */
	Written generate(double scale, DemoCalendar calendar, Map<String, Long> accounts, String grid01Code) {
		return transaction.execute(status -> new Run(scale, calendar, accounts, grid01Code).run());
	}

	/** One generation. */
	private final class Run {

		private final SplittableRandom random = new SplittableRandom(DemoCityGenerator.SEED + 14);

		private final double scale;

		private final DemoCalendar calendar;

		private final String grid01Code;

		private final OffsetDateTime now = OffsetDateTime.now(clock);

		private final CurrentUser admin;

		private final CurrentUser evaluator;

		/**
		 * A cadre living in each village or community (by the village's path): its
		 * visitor.
		 */
		private final Map<String, Long> visitorOf = new HashMap<>();

		/** Milliseconds per step, for the log. */
		private final Map<String, Long> millis = new LinkedHashMap<>();

		private long lap = System.nanoTime();

		/** The demo accounts' persons by account name. */
		private final Map<String, Long> accountsPersons;

		Run(double scale, DemoCalendar calendar, Map<String, Long> accounts, String grid01Code) {
			this.accountsPersons = accounts;
			this.scale = scale;
			this.calendar = calendar;
			this.grid01Code = grid01Code;
			DataScope wholeCity = DataScope.ofRegions(RegionPath.of("/" + CITY + "/"));
			this.admin = new CurrentUser("admin", accounts.get("admin"), Role.CITY_ADMIN, wholeCity);
			this.evaluator = new CurrentUser("zzb", accounts.get("zzb"), Role.EVALUATOR, wholeCity);
		}

		Written run() {
			visitors();
			CampaignView campaign = campaigns.create(new CampaignForm(CAMPAIGN_NAME, CITY,
					calendar.today().minusDays(2), calendar.today().plusDays(4), null), admin);
			lap("campaign");
			int visited = visit(campaign);
			long flagged = flags.list(CITY, true, 0, 1, admin.scope()).total();
			lap("visits");
			int[] isolation = isolate();
			lap("isolation");
			RoundView round = assessments.open(new RoundForm(ROUND_NAME, XINHUA, null, true, null), evaluator);
			int scored = score(round);
			lap("assessment");
			int reported = report();
			lap("reports");
			supplies();
			lap("supplies");
			checkpoints();
			lap("checkpoints");
			Long xinhua = accountsPersons.get("xinhua");
			volunteerDemo.record(admin,
					xinhua == null ? null : people.cadreRole(xinhua).map(r -> r.unitId()).orElse(null), XINHUA, now);
			lap("volunteers");
			// the dashboard's trends of the days the emergency ran before today
			dashboard.backfill(TREND_DAYS);
			lap("trends");
			return new Written(campaign.id(), visited, flagged, isolation[0], isolation[1], isolation[2], round.id(),
					scored, reported, millis);
		}

		/**
		 * 新华区's villages and communities report (at most {@value #REPORTS} of them):
		 * yesterday nearly all, some late, most of them zero reports; today those that
		 * had reported by now (none before 08:00), as they would have on their phones.
		 */
		private int report() {
			List<RegionView> communities = regions.under(RegionPath.of("/" + CITY + "/" + XINHUA + "/"),
					RegionLevel.VILLAGE);
			int written = 0;
			java.time.LocalDate today = calendar.today();
			for (RegionView community : communities.subList(0, Math.min(REPORTS, communities.size()))) {
				for (java.time.LocalDate day : List.of(today.minusDays(1), today)) {
					// every draw made whatever the time of day: the same seed, the same
					// reports
					int minute = random.nextInt(100) < 10 ? 17 * 60 + random.nextInt(40) : 9 * 60 + random.nextInt(400);
					int missed = random.nextInt(100);
					boolean zero = random.nextInt(100) < 70;
					int suspected = random.nextInt(3) == 0 ? 1 : 0;
					String help = random.nextBoolean() ? HELP[random.nextInt(HELP.length)] : null;
					OffsetDateTime at = day.atStartOfDay(BusinessDay.ZONE).toOffsetDateTime().plusMinutes(minute);
					if (at.isAfter(now) || missed < (day.equals(today) ? 20 : 5)) {
						continue;
					}
					ReportForm form = zero ? ReportForm.zeroReport()
							: new ReportForm(false, null, 0, suspected, help, null);
					dailyReports.submitAsOf(community.code(), day, form, admin, at);
					written++;
				}
			}
			return written;
		}

		/**
		 * Supplies in 新华区: its warehouse and its first township's hold stocks, and its
		 * first communities have asked — one request delivered, one allocated and on its
		 * way, the rest open — and the units paired with its first communities hold
		 * stocks of their own.
		 */
		private void supplies() {
			RegionPath xinhua = RegionPath.of("/" + CITY + "/" + XINHUA + "/");
			List<RegionView> townships = regions.under(xinhua, RegionLevel.TOWNSHIP);
			List<RegionView> communities = regions.under(xinhua, RegionLevel.VILLAGE);
			if (townships.isEmpty() || communities.isEmpty()) {
				return;
			}
			List<cn.huoxian.supplies.Supplies.Item> items = suppliesService.items();
			int[] received = { 200_000, 5_000, 3_000, 400 };
			for (int i = 0; i < items.size() && i < received.length; i++) {
				suppliesService.receive(XINHUA, items.get(i).id(), (long) received[i], "市指挥部下拨", admin);
				suppliesService.receive(townships.get(0).code(), items.get(i).id(), (long) received[i] / 20, "区指挥部下拨",
						admin);
			}
			int[] asked = { 2_000, 50, 100, 10 };
			for (int c = 0; c < Math.min(4, communities.size()); c++) {
				int i = c % items.size();
				var request = suppliesService
					.request(new cn.huoxian.supplies.Supplies.RequestForm(communities.get(c).code(), items.get(i).id(),
							(long) asked[i % asked.length], c == 0 ? "URGENT" : "NORMAL", c == 0 ? "卡口值守人员每日更换" : null),
							admin);
				if (c < 2) {
					suppliesService.allocate(request.id(), townships.get(0).code(), admin);
				}
				if (c == 0) {
					suppliesService.deliver(request.id(), admin);
				}
			}
			// the units paired with its communities keep masks and suits of their own,
			// and
			// the first community has just asked its unit for suits
			var paired = pairings.list(xinhua, null, false, 0, 20, admin.scope()).items();
			paired.stream().map(p -> p.unitId()).distinct().forEach(unit -> {
				suppliesService.receiveAtUnit(unit, items.get(0).id(), 3_000L, "单位自筹", admin);
				suppliesService.receiveAtUnit(unit, items.get(1).id(), 60L, "单位自筹", admin);
			});
			if (!paired.isEmpty()) {
				shortages.raise(paired.get(0).id(), new cn.huoxian.liaison.ShortageForm(
						cn.huoxian.liaison.ShortageKind.PROTECTIVE_SUPPLIES, "医用防护服", 40, "入户排查人员明日用量"), admin);
			}
		}

		/**
		 * Checkpoints in 新华区 (卡口值勤): a road checkpoint at the county's edge, the railway
		 * station and the first community's gate, staffed by the county's units with the
		 * most cadres (xinhua's own unit among them); this week's roster as made on its
		 * Monday, and the duty logs of the shifts already over.
		 */
		private void checkpoints() {
			List<RegionView> communities = regions.under(RegionPath.of("/" + CITY + "/" + XINHUA + "/"),
					RegionLevel.VILLAGE);
			List<Long> staffing = new java.util.ArrayList<>(units.list(XINHUA, null, 0, 200, admin.scope())
				.items()
				.stream()
				.map(u -> u.id())
				.filter(u -> !people.cadresOfUnits(List.of(u)).isEmpty())
				.limit(3)
				.toList());
			Long xinhuaPerson = accountsPersons.get("xinhua");
			if (xinhuaPerson != null) {
				people.cadreRole(xinhuaPerson)
					.map(r -> r.unitId())
					.filter(u -> u != null && !staffing.contains(u))
					.ifPresent(u -> {
						if (staffing.size() == 3) {
							staffing.remove(2);
						}
						staffing.add(u);
					});
			}
			if (staffing.isEmpty() || communities.isEmpty()) {
				return;
			}
			java.time.LocalDate monday = cn.huoxian.duty.Rosters.monday(calendar.today());
			OffsetDateTime madeAt = cn.huoxian.shared.BusinessDay.startOf(monday).minusHours(1);
			long road = 0;
			String[][] posts = { { "沧州西高速口卡口", "ROAD", XINHUA, "THREE_EIGHTS", "3" },
					{ "沧州火车站卡口", "STATION", XINHUA, "THREE_EIGHTS", "2" }, { communities.get(0).name() + "门岗",
							"COMMUNITY_GATE", communities.get(0).code(), "TWO_TWELVES", "1" } };
			for (int i = 0; i < posts.length; i++) {
				List<Long> unitIds = i == 2 ? List.of(staffing.get(staffing.size() - 1)) : staffing;
				var checkpoint = checkpointService.create(new cn.huoxian.duty.Checkpoints.CheckpointForm(posts[i][0],
						posts[i][1], posts[i][2], null, unitIds, Integer.valueOf(posts[i][4]), posts[i][3]), admin);
				var week = rosters.generateAsOf(checkpoint.id(), monday, madeAt, admin);
				if (i == 0) {
					road = checkpoint.id();
				}
				for (var day : week.grid()) {
					for (var shift : day) {
						if (shift != null && shift.endsAt().plusMinutes(30).isBefore(now) && !shift.staff().isEmpty()) {
							dutyLogs.write(shift.id(),
									new cn.huoxian.duty.DutyLogs.LogForm(shift.startsAt().minusMinutes(5),
											shift.endsAt().plusMinutes(random.nextInt(20)), 40 + random.nextInt(400),
											100 + random.nextInt(900), random.nextInt(12),
											random.nextInt(10) == 0 ? 1 : 0,
											random.nextInt(4) == 0 ? "体温枪电池已更换" : null),
									admin);
						}
					}
				}
			}
			// asked once every checkpoint's roster is made: the answer is checked against
			// them all
			// (late on a Sunday nothing is ahead this week: next week's roster is made
			// for it)
			if (!askASwap(rosters.week(road, monday, admin))) {
				askASwap(rosters.generateAsOf(road, monday.plusDays(7), now, admin));
			}
		}

		/**
		 * A colleague asks xinhua (or, without xinhua on the roster, someone else) to
		 * swap one of the week's shifts still to come: the first pair the rules allow.
		 */
		private boolean askASwap(cn.huoxian.duty.Rosters.WeekView week) {
			List<cn.huoxian.duty.Rosters.ShiftView> ahead = week.grid()
				.stream()
				.flatMap(List::stream)
				.filter(s -> s != null && s.startsAt().isAfter(now) && !s.staff().isEmpty())
				.toList();
			Long xinhua = accountsPersons.get("xinhua");
			int tries = 0;
			for (var theirs : ahead) {
				for (var other : ahead) {
					if (theirs.id() == other.id()) {
						continue;
					}
					var asker = theirs.staff().get(0);
					var answerer = other.staff()
						.stream()
						.filter(p -> xinhua == null || p.id() == xinhua)
						.findFirst()
						.orElse(null);
					if (answerer == null || other.staff().contains(asker) || theirs.staff().contains(answerer)
							|| tries++ > 40) {
						continue;
					}
					CurrentUser self = new CurrentUser("demo", asker.id(), Role.PARTY_MEMBER,
							new DataScope(List.of(), List.of(), List.of(), asker.id()));
					try {
						// in a savepoint: a refused pair leaves the demo's transaction
						// usable
						attempt.executeWithoutResult(
								status -> swaps.ask(theirs.id(), other.id(), answerer.id(), "家中老人就医，想换个班", self));
						return true;
					}
					catch (cn.huoxian.shared.RuleViolationException refused) {
						// the rules forbid this pair: try the next
					}
				}
			}
			return false;
		}

		private void lap(String step) {
			long now = System.nanoTime();
			millis.put(step, (now - lap) / 1_000_000);
			lap = now;
		}

		/** The first cadre (by id) whose home is in each village or community. */
		private void visitors() {
			List<PeopleReads.CadreLine> cadres = peopleReads.cadres();
			Map<Long, String> homes = peopleReads.paths(cadres.stream().map(PeopleReads.CadreLine::personId).toList());
			cadres.stream().map(PeopleReads.CadreLine::personId).sorted().forEach(id -> {
				String home = homes.get(id);
				if (home != null) {
					visitorOf.putIfAbsent(RegionPath.of(home).parent().value(), id);
				}
			});
		}

		/**
		 * Visits in the grids: grid01's first, then the others in order, each taken with
		 * the chance that keeps the total within the budget.
		 */
		private int visit(CampaignView campaign) {
			List<CityReads.RegionLine> grids = city.regions()
				.stream()
				.filter(r -> r.level() == RegionLevel.GRID)
				.sorted(Comparator.comparing((CityReads.RegionLine r) -> !r.path().endsWith("/" + grid01Code + "/"))
					.thenComparing(CityReads.RegionLine::path))
				.toList();
			double expected = DemoCityGenerator.HOUSEHOLDS_PER_GRID * 0.25 * grids.size();
			double chance = Math.min(1, VISIT_BUDGET / expected);
			int visited = 0;
			for (CityReads.RegionLine grid : grids) {
				boolean first = visited == 0;
				double share = first ? 0.4 : 0.05 + 0.4 * random.nextDouble();
				if (!first && (random.nextDouble() >= chance || visited >= VISIT_BUDGET)) {
					continue;
				}
				visited += visitGrid(campaign, grid, share);
			}
			return visited;
		}

		/**
		 * The first {@code share} of a grid's households (by id), over the campaign's
		 * days.
		 */
		private int visitGrid(CampaignView campaign, CityReads.RegionLine grid, double share) {
			List<Long> households = city.householdsUnder(grid.path())
				.stream()
				.map(CityReads.HouseholdLine::id)
				.sorted()
				.toList();
			households = households.subList(0, (int) Math.round(households.size() * share));
			if (households.isEmpty()) {
				return 0;
			}
			Long visitor = visitorOf.get(RegionPath.of(grid.path()).parent().value());
			CurrentUser user = new CurrentUser("demo", visitor != null ? visitor : admin.personId(), Role.CITY_ADMIN,
					admin.scope());
			Map<Long, Map<Long, String>> residents = people.residentNames(households);
			List<VisitInput> batch = new ArrayList<>();
			for (int i = 0; i < households.size(); i++) {
				long household = households.get(i);
				batch.add(
						visit(household, residents.getOrDefault(household, Map.of()), visitedAt(i, households.size())));
				if (batch.size() == Visits.MAX_BATCH) {
					visits.record(campaign.id(), List.copyOf(batch), user);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				visits.record(campaign.id(), batch, user);
			}
			return households.size();
		}

		/**
		 * The i-th of n visits: the campaign's three days in turn, by day between 08:30
		 * and 17:30; one that would lie ahead of now is made the day before.
		 */
		private OffsetDateTime visitedAt(int i, int n) {
			int day = Math.min(2, i * 3 / n);
			int minutes = 510 + (i * 37) % 540;
			OffsetDateTime at = calendar.today()
				.minusDays(2 - day)
				.atTime(minutes / 60, minutes % 60)
				.atZone(BusinessDay.ZONE)
				.toOffsetDateTime();
			return at.isAfter(now) ? at.minusDays(1) : at;
		}

		/**
		 * One household's visit: now and then nobody at home; otherwise each resident
		 * present (a few away), some with a fever or in contact with a case.
		 */
		private VisitInput visit(long household, Map<Long, String> residents, OffsetDateTime at) {
			if (random.nextInt(30) == 0 || residents.isEmpty()) {
				return new VisitInput(UUID.nameUUIDFromBytes(("demo-visit-" + household).getBytes()), household, at,
						Outcome.NOBODY_HOME, List.of(), List.of());
			}
			List<ResidentCheck> checks = new ArrayList<>();
			for (long person : residents.keySet().stream().sorted().toList()) {
				int roll = random.nextInt(1000);
				if (roll < 40) {
					checks
						.add(new ResidentCheck(person, ResidentStatus.AWAY, AWAY[roll % AWAY.length], null, Set.of()));
				}
				else if (roll < 46) {
					checks.add(new ResidentCheck(person, ResidentStatus.PRESENT, null,
							BigDecimal.valueOf(375 + random.nextInt(9), 1), Set.of(Flag.FEVER)));
				}
				else if (roll < 49) {
					checks.add(new ResidentCheck(person, ResidentStatus.PRESENT, null, normal(), Set.of(Flag.CONTACT)));
				}
				else {
					checks.add(new ResidentCheck(person, ResidentStatus.PRESENT, null, normal(), Set.of()));
				}
			}
			return new VisitInput(UUID.nameUUIDFromBytes(("demo-visit-" + household).getBytes()), household, at,
					Outcome.COVERED, checks, List.of());
		}

		private BigDecimal normal() {
			return BigDecimal.valueOf(361 + random.nextInt(9), 1);
		}

		/**
		 * Home isolation for half the flagged residents (the flag handled by the case),
		 * grid01's grid first so the grid worker has contacts to make, started over the
		 * last twelve days, each with its village's cadre responsible and its daily
		 * contacts; the rest of the flags wait to be handed on. Cases, contacts and needs
		 * recorded.
		 */
		private int[] isolate() {
			int wanted = (int) Math.max(8, Math.min(CASE_BUDGET, Math.round(scale * 3000)));
			int[] done = new int[3];
			isolate(flags.list(grid01Code, true, 0, 50, admin.scope()).items(), wanted, done);
			// listed again: the flags handled above are no longer open
			isolate(flags.list(CITY, true, 0, Math.min(wanted * 2, 500), admin.scope()).items(), wanted, done);
			return done;
		}

		/**
		 * Cases for every second of these flags while fewer than wanted: {cases,
		 * contacts, needs}.
		 */
		private void isolate(List<Flags.FlagView> flagged, int wanted, int[] done) {
			for (int i = 0; i < flagged.size() && done[0] < wanted; i += 2) {
				Flags.FlagView flag = flagged.get(i);
				Long responsible = visitorOf.get(flag.path().parent().value());
				if (responsible == null || responsible == flag.personId()) {
					continue;
				}
				int n = done[0];
				int daysIn = 1 + (n * 5) % 12;
				CaseView started = cases.open(new CaseForm(flag.personId(), CaseType.HOME_ISOLATION,
						flag.flags().contains(Flag.CONTACT.name()) ? CaseReason.CLOSE_CONTACT
								: CaseReason.FLAGGED_IN_SCREENING,
						flag.id(), calendar.today().minusDays(daysIn), null, null, "09:00", List.of(responsible)),
						admin);
				done[1] += contacts(started, daysIn, n, responsible);
				done[2] += needs(started, n, responsible);
				done[0]++;
			}
		}

		/**
		 * A case's daily contacts by its responsible cadre up to yesterday (every fifth
		 * case missed yesterday's), and today's for one case in three — not the first, so
		 * the grid01 account's case is still to be contacted today.
		 */
		private int contacts(CaseView opened, int daysIn, int n, long responsible) {
			// made by the case's responsible cadre: the contacts enter their record
			CurrentUser cadre = new CurrentUser("demo", responsible, Role.CITY_ADMIN, admin.scope());
			int made = 0;
			for (int back = daysIn; back >= 0; back--) {
				boolean missed = back == 1 && n % 5 == 0 || back == 0 && n % 3 != 2;
				OffsetDateTime at = calendar.today()
					.minusDays(back)
					.atTime(9, 5 + n % 40)
					.atZone(BusinessDay.ZONE)
					.toOffsetDateTime();
				if (missed || at.isAfter(now)) {
					continue;
				}
				cases.contact(opened.id(), new ContactForm(at, n % 4 == 0 ? Channel.VIDEO : Channel.PHONE, true,
						normal(), false, back % 3 == 0 ? "情绪稳定" : null, null), cadre);
				made++;
			}
			return made;
		}

		/** Every third case asks for something; half of those were delivered. */
		private int needs(CaseView opened, int n, long helper) {
			if (n % 3 != 0) {
				return 0;
			}
			var need = needs.raise(opened.id(), n % 2 == 0 ? Needs.Kind.NECESSITIES : Needs.Kind.MEDICINE,
					NEEDS[n % NEEDS.length], helper, admin);
			if (n % 6 == 0) {
				needs.deliver(need.id(), helper, admin);
			}
			return 1;
		}

		/**
		 * Every fourth of the round's cadres (at most {@link #SCORED_BUDGET}) scored by
		 * the organisation department.
		 */
		private int score(RoundView round) {
			List<RoundCadreView> cadres = assessments.find(round.id(), evaluator).cadres();
			int scored = 0;
			int step = Math.max(4, (cadres.size() + SCORED_BUDGET - 1) / SCORED_BUDGET);
			for (int i = 0; i < cadres.size(); i += step) {
				Map<String, Integer> scores = new LinkedHashMap<>();
				for (String dimension : round.dimensions()) {
					scores.put(dimension, 6 + random.nextInt(5));
				}
				int total = scores.values().stream().mapToInt(Integer::intValue).sum();
				Conclusion conclusion = total >= 45 ? Conclusion.EXCELLENT
						: total >= 36 ? Conclusion.COMPETENT : Conclusion.BASICALLY_COMPETENT;
				assessments.score(round.id(), cadres.get(i).personId(),
						new ScoreForm(scores, "坚守一线，" + (total >= 45 ? "表现突出。" : "认真履职。"), conclusion,
								total >= 47 ? Recommendation.COMMEND : null),
						evaluator);
				scored++;
			}
			return scored;
		}

	}

}
