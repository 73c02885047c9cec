package cn.huoxian.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.deployment.DeploymentBulkLoad;
import cn.huoxian.deployment.DeploymentBulkLoad.NewDeployment;
import cn.huoxian.deployment.PostKind;
import cn.huoxian.firstsecretary.FirstSecretaryBulkLoad;
import cn.huoxian.firstsecretary.SupportKind;
import cn.huoxian.householdlink.HouseholdLinkBulkLoad;
import cn.huoxian.inspection.InspectionBulkLoad;
import cn.huoxian.inspection.InspectionBulkLoad.NewInspection;
import cn.huoxian.inspection.InspectionBulkLoad.NewLook;
import cn.huoxian.inspection.InspectionBulkLoad.NewRectification;
import cn.huoxian.inspection.Look;
import cn.huoxian.liaison.LiaisonBulkLoad;
import cn.huoxian.liaison.LiaisonBulkLoad.NewGroup;
import cn.huoxian.liaison.LiaisonBulkLoad.NewGroupCommunity;
import cn.huoxian.liaison.LiaisonBulkLoad.NewLogEntry;
import cn.huoxian.liaison.LiaisonBulkLoad.NewPairing;
import cn.huoxian.liaison.LiaisonBulkLoad.NewShortage;
import cn.huoxian.liaison.ShortageKind;
import cn.huoxian.org.CityReads;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.UnitKind;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.PeopleReads;
import cn.huoxian.shared.bulk.BulkInsert;
import cn.huoxian.vanguard.BattleRequestStatus;
import cn.huoxian.vanguard.VanguardBulkLoad;
import cn.huoxian.vanguard.VanguardBulkLoad.NewTeam;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's deployment network, planned from the generated people once the city is
 * loaded, deterministically: every cadre at one position (leading cadres sink to the
 * villages and communities below them, some to checkpoints and hospitals), 57 city units
 * paired with 78 urban communities under 五个一 (a few pairings missing an element), a
 * liaison group per township, inspections with rectifications, members of the temporary
 * party organisations, a commando team per village with 79,700 members in all, battle
 * requests, zones, model and claimed posts, the 674 first secretaries back at post, and
 * 1+10 household links in 新华区's first township. Figures are the article's at scale 1.0
 * and shrink with the scale.
 * <p>
 * The demo decides what the network is; the city is read through org's and people's bulk
 * reads and the rows are written by the modules that own them (their {@code …BulkLoad}
 * beans), all in one transaction.
 */
@Component
class DeploymentNetworkDemo {

	static final int PAIRED_UNITS = 57;

	static final int PAIRED_COMMUNITIES = 78;

	static final int COMMANDO_MEMBERS = 79_700;

	private static final String BY = "demo";

	private static final Look[] LOOKS = { Look.TERRITORIAL_RESPONSIBILITY, Look.LIAISON, Look.RESOURCES,
			Look.PARTY_ROLE };

	private final CityReads city;

	private final PeopleReads people;

	private final DeploymentBulkLoad deployments;

	private final LiaisonBulkLoad liaison;

	private final InspectionBulkLoad inspections;

	private final VanguardBulkLoad vanguard;

	private final FirstSecretaryBulkLoad firstSecretaries;

	private final HouseholdLinkBulkLoad householdLinks;

	private final TransactionTemplate transaction;

	DeploymentNetworkDemo(CityReads city, PeopleReads people, DeploymentBulkLoad deployments, LiaisonBulkLoad liaison,
			InspectionBulkLoad inspections, VanguardBulkLoad vanguard, FirstSecretaryBulkLoad firstSecretaries,
			HouseholdLinkBulkLoad householdLinks, PlatformTransactionManager transactions) {
		this.city = city;
		this.people = people;
		this.deployments = deployments;
		this.liaison = liaison;
		this.inspections = inspections;
		this.vanguard = vanguard;
		this.firstSecretaries = firstSecretaries;
		this.householdLinks = householdLinks;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What a generation wrote: rows per table, and milliseconds per step for the log. */
	record Written(Map<String, Long> rows, Map<String, Long> timings) {
	}

	/**
	 * Writes the network at this scale, dated from the emergency's start, in one
	 * transaction.
	 */
	Written generate(double scale, DemoCalendar calendar) {
		return transaction.execute(status -> new Plan(scale, calendar.start()).generate());
	}

	private record Region(long id, String path, String name, RegionLevel level) {
	}

	private record Cadre(long personId, CadreRank rank, Long unitId, String homePath, Long village) {

		boolean firstSecretary() {
			return village != null;
		}

		boolean leading() {
			return rank != CadreRank.STAFF;
		}

	}

	private record Member(long personId, String path) {
	}

	/** One generation's view of the city and what it has written. */
	private final class Plan {

		private final double scale;

		private final Map<String, Long> written = new LinkedHashMap<>();

		private final Map<String, Long> timings = new LinkedHashMap<>();

		/** Regions above the grid by path and by id, and grids by path. */
		private final Map<String, Region> regions = new HashMap<>();

		private final Map<Long, Region> regionsById = new HashMap<>();

		private final Map<String, Long> grids = new HashMap<>();

		private final Map<Long, Region> villages = new HashMap<>();

		private final Map<String, List<Region>> villagesUnder = new HashMap<>();

		private final List<Cadre> cadres = new ArrayList<>();

		/**
		 * Cadres who go to their pairing's community, not where their rank would send
		 * them.
		 */
		private final Map<Long, Region> pairedPosts = new HashMap<>();

		/** The day the emergency began: positions, pairings and teams date from it. */
		private final LocalDate start;

		Plan(double scale, LocalDate start) {
			this.scale = scale;
			this.start = start;
		}

		Written generate() {
			loadRegions();
			loadCadres();
			timed("pairings", this::pairings);
			timed("deployments", this::deployments);
			timed("inspections", this::liaisonGroupsAndInspections);
			timed("temporary organisations", this::temporaryOrganisations);
			timed("commando teams", this::commandoTeams);
			timed("first secretaries", this::firstSecretaries);
			timed("household links", this::householdLinks);
			return new Written(written, timings);
		}

		private void timed(String name, Runnable step) {
			long start = System.nanoTime();
			step.run();
			timings.put(name, (System.nanoTime() - start) / 1_000_000);
		}

		private void wrote(Map<String, Long> rows) {
			rows.forEach((table, count) -> written.merge(table, count, Long::sum));
		}

		private void loadRegions() {
			for (CityReads.RegionLine line : city.regions()) {
				Region region = new Region(line.id(), line.path(), line.name(), line.level());
				regionsById.put(region.id(), region);
				if (region.level() == RegionLevel.GRID) {
					grids.put(region.path(), region.id());
					continue;
				}
				regions.put(region.path(), region);
				if (region.level() == RegionLevel.VILLAGE) {
					villages.put(region.id(), region);
					String path = region.path();
					// under its township, county and city
					for (int end = path.lastIndexOf('/', path.length() - 2); end > 0; end = path.lastIndexOf('/',
							end - 1)) {
						villagesUnder.computeIfAbsent(path.substring(0, end + 1), k -> new ArrayList<>()).add(region);
					}
				}
			}
		}

		/**
		 * Every cadre with their rank, unit and home: the unit's region, or for cadres
		 * without a unit the region of their party organisation (township and village
		 * leaders).
		 */
		private void loadCadres() {
			List<PeopleReads.CadreLine> lines = people.cadres();
			Set<Long> units = new HashSet<>();
			Set<Long> organisations = new HashSet<>();
			for (PeopleReads.CadreLine line : lines) {
				if (line.unitId() != null) {
					units.add(line.unitId());
				}
				else if (line.partyOrganisationId() != null) {
					organisations.add(line.partyOrganisationId());
				}
			}
			Map<Long, String> unitPaths = city.unitPaths(units);
			Map<Long, String> organisationPaths = city.organisationPaths(organisations);
			for (PeopleReads.CadreLine line : lines) {
				String home = line.unitId() != null ? unitPaths.get(line.unitId())
						: organisationPaths.get(line.partyOrganisationId());
				cadres.add(new Cadre(line.personId(), line.rank(), line.unitId(), home, line.villageId()));
			}
		}

		/**
		 * 五个一: city units paired with urban communities; the unit's county-level cadre
		 * leads, a section-level cadre answers, both with a small team go to the
		 * community.
		 */
		private void pairings() {
			List<Long> units = city.unitsAt("/130900/",
					List.of(UnitKind.GOVERNMENT_ORGAN, UnitKind.STATE_OWNED_ENTERPRISE));
			List<Region> urban = new ArrayList<>(villagesUnder.getOrDefault("/130900/130902/", List.of()));
			urban.addAll(villagesUnder.getOrDefault("/130900/130903/", List.of()));
			int unitCount = (int) Math.min(units.size(), Math.max(1, Math.round(PAIRED_UNITS * scale)));
			int communityCount = (int) Math.min(urban.size(),
					Math.max(unitCount, Math.round(PAIRED_COMMUNITIES * scale)));
			if (units.isEmpty() || communityCount == 0) {
				return;
			}
			Map<Long, List<Cadre>> byUnit = new HashMap<>();
			for (Cadre cadre : cadres) {
				if (cadre.unitId() != null && !cadre.firstSecretary()) {
					byUnit.computeIfAbsent(cadre.unitId(), k -> new ArrayList<>()).add(cadre);
				}
			}
			List<NewPairing> pairings = new ArrayList<>();
			for (int i = 0; i < communityCount; i++) {
				Region community = urban.get((int) ((long) i * urban.size() / communityCount));
				long unit = units.get(i % unitCount);
				List<Cadre> staff = byUnit.getOrDefault(unit, List.of());
				Cadre leader = first(staff, CadreRank.COUNTY);
				Cadre responsible = first(staff, CadreRank.TOWNSHIP);
				LocalDate started = start.plusDays(i % 3);
				boolean plan = i % 19 != 18;
				List<Long> team = new ArrayList<>();
				Set<Long> members = new HashSet<>();
				for (Cadre cadre : staff) {
					if (members.size() < 3 && (cadre == responsible || cadre.rank() == CadreRank.STAFF)) {
						members.add(cadre.personId());
						team.add(cadre.personId());
					}
				}
				for (Cadre cadre : staff) {
					if (cadre == leader || members.contains(cadre.personId())) {
						pairedPosts.putIfAbsent(cadre.personId(), community);
					}
				}
				List<NewLogEntry> log = new ArrayList<>();
				if (i % 13 != 12) {
					log.add(new NewLogEntry(started, "单位工作队进驻" + community.name() + "，与社区对接包联任务。", BY));
					log.add(new NewLogEntry(started.plusDays(4), "协助社区完成第一轮入户排查，补充防护物资。", BY));
				}
				List<NewShortage> shortages = new ArrayList<>();
				if (i % 4 == 0) {
					boolean resolved = i % 8 == 0;
					OffsetDateTime at = started.plusDays(2).atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
					shortages.add(new NewShortage(community.path(), ShortageKind.PROTECTIVE_SUPPLIES, "医用外科口罩",
							2000 + i * 10, "卡口和入户排查人员每日消耗", resolved ? "RESOLVED" : "ANSWERED", BY, "单位已协调调拨，两日内送达", BY,
							at, resolved ? BY : null, resolved ? at.plusDays(2) : null));
				}
				if (i % 6 == 1) {
					shortages.add(new NewShortage(community.path(), ShortageKind.MANPOWER, "卡口值守人员", 4, "夜间值守人手不足",
							"OPEN", BY, null, null, null, null, null));
				}
				pairings.add(new NewPairing(unit, community.id(), community.path(),
						leader == null ? null : leader.personId(), responsible == null ? null : responsible.personId(),
						plan ? "《" + community.name() + "疫情防控包联工作方案》：分片包干、入户排查、卡口值守、物资保障，每日向社区报告。" : null, started, BY,
						team, log, shortages));
			}
			wrote(liaison.loadPairings(pairings).rows());
		}

		/** One cadre, one position, all current since the emergency's first days. */
		private void deployments() {
			Map<String, Integer> turns = new HashMap<>();
			List<NewDeployment> rows = new ArrayList<>();
			for (Cadre cadre : cadres) {
				Region home = regions.get(cadre.homePath());
				if (home == null) {
					continue;
				}
				int turn = turns.merge(cadre.homePath(), 1, Integer::sum) - 1;
				PostKind kind = PostKind.REGION;
				String post = null;
				String duty;
				Region at;
				if (cadre.firstSecretary()) {
					at = villages.get(cadre.village());
					duty = "驻村第一书记";
				}
				else if (pairedPosts.containsKey(cadre.personId())) {
					at = pairedPosts.get(cadre.personId());
					duty = "“五个一”结对包联";
				}
				else if (home.level() == RegionLevel.VILLAGE) {
					at = home;
					duty = "村（社区）党组织书记，坚守本村阵地";
				}
				else {
					List<Region> below = villagesUnder.getOrDefault(home.path(), List.of());
					at = below.isEmpty() ? home : below.get(turn * 7 % below.size());
					duty = home.level() == RegionLevel.TOWNSHIP ? "包村干部" : "下沉村（社区）督导";
					if (home.level() == RegionLevel.COUNTY && turn % 5 == 4 && at != home) {
						kind = PostKind.CHECKPOINT;
						at = regions.get(parent(at.path()));
						post = at.name() + "疫情防控检查站";
						duty = "卡口值守";
					}
					else if (home.level() == RegionLevel.CITY && turn % 6 == 5) {
						kind = PostKind.HOSPITAL;
						at = home;
						post = "沧州市中心医院发热门诊";
						duty = "医疗救治保障";
					}
				}
				if (at == null) {
					continue;
				}
				rows.add(new NewDeployment(cadre.personId(), cadre.leading(), cadre.rank(), kind, at.id(), at.path(),
						post, duty, start.plusDays(cadre.personId() % 5), BY));
			}
			wrote(deployments.load(rows));
		}

		/**
		 * A liaison group per township (its leaders, its villages), an inspection of each
		 * township by a county-level cadre with one rectification, and each group's
		 * inspection of its first community.
		 */
		private void liaisonGroupsAndInspections() {
			Map<String, List<Cadre>> byHome = new HashMap<>();
			for (Cadre cadre : cadres) {
				if (!cadre.firstSecretary()) {
					byHome.computeIfAbsent(cadre.homePath(), k -> new ArrayList<>()).add(cadre);
				}
			}
			List<Region> townships = regions.values()
				.stream()
				.filter(r -> r.level() == RegionLevel.TOWNSHIP)
				.sorted((a, b) -> Long.compare(a.id(), b.id()))
				.toList();
			List<Region> inspected = new ArrayList<>();
			List<NewGroup> groups = new ArrayList<>();
			for (Region township : townships) {
				List<Cadre> leaders = byHome.getOrDefault(township.path(), List.of());
				List<Region> below = villagesUnder.getOrDefault(township.path(), List.of());
				if (leaders.isEmpty() || below.isEmpty()) {
					continue;
				}
				inspected.add(township);
				groups.add(new NewGroup(township.name() + "包联组", leaders.get(0).personId(), township.id(),
						township.path(), BY,
						leaders.subList(1, Math.min(4, leaders.size())).stream().map(Cadre::personId).toList(),
						below.stream().map(v -> new NewGroupCommunity(v.id(), v.path())).toList()));
			}
			BulkInsert.Loaded loaded = liaison.loadGroups(groups);
			wrote(loaded.rows());
			List<NewInspection> rows = new ArrayList<>();
			for (int t = 0; t < inspected.size(); t++) {
				Region township = inspected.get(t);
				long groupId = loaded.ids().get(t);
				long head = groups.get(t).leaderId();
				List<Region> below = villagesUnder.get(township.path());
				LocalDate day = start.plusDays(10 + t % 5);
				List<Cadre> county = byHome.getOrDefault(parent(township.path()), List.of())
					.stream()
					.filter(c -> c.rank() == CadreRank.COUNTY)
					.toList();
				if (!county.isEmpty()) {
					List<NewLook> looks = new ArrayList<>();
					for (int j = 0; j < LOOKS.length; j++) {
						looks.add(new NewLook(LOOKS[j], 3 + (t + j) % 3, j == 1 ? "部分包村干部入户排查不到位" : null));
					}
					boolean closed = t % 3 != 0;
					NewRectification rectification = new NewRectification(Look.LIAISON, township.path(),
							"补齐包村干部入户排查台账，逐户核实", head, day.plusDays(7), closed, closed ? "已补齐入户排查台账并逐户复核" : null,
							closed ? day.plusDays(2 + t % 5) : null, closed ? BY : null);
					rows.add(new NewInspection(county.get(t % county.size()).personId(), "COUNTY", township.id(),
							township.path(), null, day, "下沉一级督导：属地责任基本落实，包联入户需加强。", BY, looks, List.of(rectification)));
				}
				List<NewLook> looks = new ArrayList<>();
				for (int j = 0; j < LOOKS.length; j++) {
					looks.add(new NewLook(LOOKS[j], 4 + (t + j) % 2, null));
				}
				rows.add(new NewInspection(head, "TOWNSHIP", below.get(0).id(), below.get(0).path(), groupId,
						day.plusDays(1), "包联组检查社区卡口与隔离户服务。", BY, looks, List.of()));
			}
			wrote(inspections.load(rows).rows());
		}

		/**
		 * Each temporary party organisation: a secretary and four members, county cadres
		 * from several of the county's organs; the secretary's post is a model post.
		 */
		private void temporaryOrganisations() {
			Map<String, List<Cadre>> countyCadres = new HashMap<>();
			for (Cadre cadre : cadres) {
				Region home = regions.get(cadre.homePath());
				if (home != null && home.level() == RegionLevel.COUNTY && cadre.unitId() != null) {
					countyCadres.computeIfAbsent(home.path(), k -> new ArrayList<>()).add(cadre);
				}
			}
			Map<String, Integer> turns = new HashMap<>();
			List<VanguardBulkLoad.NewTemporaryMember> members = new ArrayList<>();
			List<VanguardBulkLoad.NewModelPost> posts = new ArrayList<>();
			for (CityReads.OrganisationLine organisation : city.temporaryOrganisations()) {
				List<Cadre> pool = countyCadres.getOrDefault(organisation.path(), List.of());
				if (pool.size() < 5) {
					continue;
				}
				int turn = turns.merge(organisation.path(), 1, Integer::sum) - 1;
				for (int k = 0; k < 5; k++) {
					// consecutive cadres of the pool belong to different organs
					Cadre cadre = pool.get((turn * 5 + k) % pool.size());
					members.add(new VanguardBulkLoad.NewTemporaryMember(organisation.id(), cadre.personId(),
							organisation.path(), k == 0, cadre.unitId(), start.plusDays(2 + turn % 7)));
					if (k == 0) {
						posts.add(new VanguardBulkLoad.NewModelPost(organisation.post() + "党员示范岗", organisation.id(),
								cadre.personId(), organisation.regionId(), organisation.path(), start.plusDays(5), BY));
					}
				}
			}
			wrote(vanguard.loadTemporaryOrganisations(members, posts));
		}

		/**
		 * A commando team per village branch; {@value #COMMANDO_MEMBERS} members at scale
		 * 1.0 apportioned by the branches' sizes. The first two members joined by a
		 * battle request, the leader answers for their grid and the second claimed the
		 * village's checkpoint; one more member's request waits for a decision.
		 */
		private void commandoTeams() {
			Map<Long, Region> branches = new LinkedHashMap<>();
			for (CityReads.OrganisationLine branch : city.villageBranches()) {
				branches.put(branch.id(), regions.get(branch.path()));
			}
			Map<Long, List<Long>> members = new HashMap<>();
			for (PeopleReads.MemberLine member : people.partyMembers()) {
				if (member.partyOrganisationId() != null && branches.containsKey(member.partyOrganisationId())) {
					members.computeIfAbsent(member.partyOrganisationId(), k -> new ArrayList<>())
						.add(member.personId());
				}
			}
			List<Long> ids = new ArrayList<>(branches.keySet());
			double[] weights = ids.stream().mapToDouble(id -> members.getOrDefault(id, List.of()).size()).toArray();
			long total = 0;
			for (double weight : weights) {
				total += (long) weight;
			}
			int[] sizes = Apportion.split(Math.min(total, Math.round(COMMANDO_MEMBERS * scale)), weights);
			Map<Long, String> paths = personPaths(ids, members, sizes);
			List<NewTeam> teams = new ArrayList<>();
			List<VanguardBulkLoad.NewZone> zones = new ArrayList<>();
			List<VanguardBulkLoad.NewClaimedPost> claimed = new ArrayList<>();
			for (int b = 0; b < ids.size(); b++) {
				if (sizes[b] == 0) {
					continue;
				}
				Region village = branches.get(ids.get(b));
				List<Member> pool = members.get(ids.get(b))
					.stream()
					.limit(sizes[b] + 1L)
					.map(id -> new Member(id, paths.get(id)))
					.toList();
				LocalDate formed = start.plusDays(1 + b % 3);
				List<VanguardBulkLoad.NewMember> teamMembers = new ArrayList<>(sizes[b]);
				for (int j = 0; j < sizes[b]; j++) {
					teamMembers.add(new VanguardBulkLoad.NewMember(pool.get(j).personId(), village.path(),
							formed.plusDays(j % 5)));
				}
				List<VanguardBulkLoad.NewTask> tasks = List.of(
						new VanguardBulkLoad.NewTask(village.path(), "完成全村（社区）第一轮入户排查", formed.plusDays(5),
								formed.plusDays(4), BY),
						new VanguardBulkLoad.NewTask(village.path(), "村口卡点24小时值守", formed.plusDays(20), null, BY));
				List<VanguardBulkLoad.NewBattleRequest> requests = new ArrayList<>();
				for (int j = 0; j < Math.min(2, sizes[b]); j++) {
					requests.add(new VanguardBulkLoad.NewBattleRequest(pool.get(j).personId(), pool.get(j).path(),
							formed.minusDays(1), "疫情就是命令，防控就是责任。我志愿加入党员突击队，服从安排，冲锋在前！", BattleRequestStatus.ACCEPTED,
							BY, formed));
				}
				if (sizes[b] < pool.size()) {
					Member next = pool.get(sizes[b]);
					requests.add(new VanguardBulkLoad.NewBattleRequest(next.personId(), next.path(), formed.plusDays(3),
							"我是一名党员，请求到卡口一线值守。", BattleRequestStatus.SUBMITTED, null, null));
				}
				teams.add(new NewTeam(village.name() + "党员突击队", ids.get(b), village.id(), village.path(),
						pool.get(0).personId(), "入户排查、卡口值守、物资配送", formed, BY, teamMembers, tasks, requests));
				Long grid = grids.get(pool.get(0).path());
				if (grid != null) {
					zones.add(new VanguardBulkLoad.NewZone(pool.get(0).personId(), grid, pool.get(0).path(),
							"本网格楼栋（排）及周边道路", formed, BY));
				}
				if (sizes[b] > 1) {
					claimed.add(new VanguardBulkLoad.NewClaimedPost(pool.get(1).personId(), village.name() + "村口卡点值守岗",
							village.id(), village.path(), formed, BY));
				}
			}
			wrote(vanguard.loadTeams(teams, zones, claimed).rows());
		}

		/**
		 * The paths of the persons who need one (the first three of each team and the
		 * next member), read by id rather than every party member's.
		 */
		private Map<Long, String> personPaths(List<Long> branches, Map<Long, List<Long>> members, int[] sizes) {
			List<Long> wanted = new ArrayList<>();
			for (int b = 0; b < branches.size(); b++) {
				List<Long> pool = members.getOrDefault(branches.get(b), List.of());
				if (sizes[b] > 0) {
					wanted.addAll(pool.subList(0, Math.min(pool.size(), 3)));
					if (sizes[b] < pool.size()) {
						wanted.add(pool.get(sizes[b]));
					}
				}
			}
			return people.paths(wanted);
		}

		/**
		 * Every first secretary back in their village in the first days of February, with
		 * their work log; some ask their dispatching unit for support.
		 */
		private void firstSecretaries() {
			SupportKind[] kinds = { SupportKind.SUPPLIES, SupportKind.FAMILY_DIFFICULTY, SupportKind.OTHER };
			String[] needs = { "申请消毒液200升、口罩1000只", "家中老人独居，请派出单位帮助照看", "请派出单位协调村卡口照明设备" };
			List<FirstSecretaryBulkLoad.NewReturn> returns = new ArrayList<>();
			List<FirstSecretaryBulkLoad.NewLogEntry> log = new ArrayList<>();
			List<FirstSecretaryBulkLoad.NewSupportRequest> support = new ArrayList<>();
			int i = 0;
			for (PeopleReads.FirstSecretaryLine secretary : people.firstSecretaries()) {
				Region village = regionsById.get(secretary.villageId());
				if (village == null) {
					continue;
				}
				long person = secretary.personId();
				long unit = secretary.dispatchingUnitId();
				String path = village.path();
				LocalDate returned = start.plusDays(2 + i % 8);
				returns.add(new FirstSecretaryBulkLoad.NewReturn(person, village.id(), path, unit, returned, BY));
				log.add(new FirstSecretaryBulkLoad.NewLogEntry(person, path, returned, "返岗报到，与村两委对接疫情防控工作", BY));
				log.add(new FirstSecretaryBulkLoad.NewLogEntry(person, path, returned.plusDays(3), "带领党员突击队完成全村入户排查",
						BY));
				if (i % 7 == 0) {
					boolean resolved = i % 14 == 0;
					support.add(new FirstSecretaryBulkLoad.NewSupportRequest(person, unit, path, kinds[i / 7 % 3],
							needs[i / 7 % 3], resolved, resolved ? "派出单位已办结" : null, BY, resolved ? BY : null,
							resolved ? returned.plusDays(2).atTime(16, 0).atOffset(ZoneOffset.ofHours(8)) : null));
				}
				i++;
			}
			wrote(firstSecretaries.load(returns, log, support));
		}

		/**
		 * 1+10 in 新华区's first township: each party member links up to ten households of
		 * their own community until four in five households are linked.
		 */
		private void householdLinks() {
			String township = "/130900/130902/130902001000/";
			Map<String, List<Long>> households = new LinkedHashMap<>();
			Map<Long, String> householdPaths = new HashMap<>();
			for (CityReads.HouseholdLine household : city.householdsUnder(township)) {
				households.computeIfAbsent(village(household.path()), k -> new ArrayList<>()).add(household.id());
				householdPaths.put(household.id(), household.path());
			}
			Map<String, List<Long>> partyMembers = new HashMap<>();
			for (PeopleReads.PersonPath member : people.partyMembersUnder(township)) {
				partyMembers.computeIfAbsent(village(member.path()), k -> new ArrayList<>()).add(member.personId());
			}
			List<HouseholdLinkBulkLoad.NewLink> links = new ArrayList<>();
			for (var entry : households.entrySet()) {
				List<Long> members = partyMembers.getOrDefault(entry.getKey(), List.of());
				List<Long> homes = entry.getValue();
				int target = Math.min(homes.size() * 4 / 5, members.size() * 10);
				for (int h = 0; h < target; h++) {
					links.add(new HouseholdLinkBulkLoad.NewLink(homes.get(h), members.get(h / 10),
							householdPaths.get(homes.get(h)), start.plusDays(4), BY));
				}
			}
			wrote(householdLinks.load(links));
		}

	}

	private static Cadre first(List<Cadre> staff, CadreRank rank) {
		return staff.stream().filter(c -> c.rank() == rank).findFirst().orElse(null);
	}

	/** The path of the village (five segments) a grid or household path lies in. */
	private static String village(String path) {
		int end = 0;
		for (int i = 0; i < 5; i++) {
			end = path.indexOf('/', end + 1);
		}
		return path.substring(0, end + 1);
	}

	private static String parent(String path) {
		return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
	}

}
