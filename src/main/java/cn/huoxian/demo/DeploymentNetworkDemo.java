package cn.huoxian.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * The demo city's deployment network, built from the generated people once the city is
 * loaded, deterministically: every cadre at one position (leading cadres sink to the
 * villages and communities below them, some to checkpoints and hospitals), 57 city units
 * paired with 78 urban communities under 五个一 (a few pairings missing an element), a
 * liaison group per township, inspections with rectifications, members of the temporary
 * party organisations, a commando team per village with 79,700 members in all, battle
 * requests, zones, model and claimed posts, the 674 first secretaries back at post, and
 * 1+10 household links in 新华区's first township. Figures are the article's at scale 1.0
 * and shrink with the scale.
 */
final class DeploymentNetworkDemo {

	static final int PAIRED_UNITS = 57;

	static final int PAIRED_COMMUNITIES = 78;

	static final int COMMANDO_MEMBERS = 79_700;

	private static final LocalDate START = LocalDate.of(2020, 1, 24);

	private static final String BY = "demo";

	private static final String[] LOOKS = { "TERRITORIAL_RESPONSIBILITY", "LIAISON", "RESOURCES", "PARTY_ROLE" };

	private final Connection connection;

	private final double scale;

	private final Map<String, Long> written = new LinkedHashMap<>();

	private final Map<String, Long> nextIds = new HashMap<>();

	private final Map<String, Long> timings = new LinkedHashMap<>();

	/** Regions above the grid by path, and grids by path. */
	private final Map<String, Region> regions = new HashMap<>();

	private final Map<String, Long> grids = new HashMap<>();

	private final Map<Long, Region> villages = new HashMap<>();

	private final Map<String, List<Region>> villagesUnder = new HashMap<>();

	private final List<Cadre> cadres = new ArrayList<>();

	/**
	 * Cadres who go to their pairing's community, not where their rank would send them.
	 */
	private final Map<Long, Region> pairedPosts = new HashMap<>();

	private record Region(long id, String path, String name, String level) {
	}

	private record Cadre(long personId, String rank, Long unitId, String homePath, Long village) {

		boolean firstSecretary() {
			return village != null;
		}

		boolean leading() {
			return !"STAFF".equals(rank);
		}

	}

	private record Member(long personId, String path) {
	}

	DeploymentNetworkDemo(Connection connection, double scale) {
		this.connection = connection;
		this.scale = scale;
	}

	/** Writes the network; the rows written per table. */
	Map<String, Long> generate() throws SQLException {
		loadRegions();
		loadCadres();
		for (String table : List.of("pairing", "liaison_group", "inspection", "commando_team")) {
			nextIds.put(table, single("select coalesce(max(id), 0) + 1 from " + table));
		}
		timed("pairings", this::pairings);
		timed("deployments", this::deployments);
		timed("inspections", this::liaisonGroupsAndInspections);
		timed("temporary organisations", this::temporaryOrganisations);
		timed("commando teams", this::commandoTeams);
		timed("first secretaries", this::firstSecretaries);
		timed("household links", this::householdLinks);
		restartIdentities();
		return written;
	}

	/** Milliseconds each step took, for the log. */
	Map<String, Long> timings() {
		return timings;
	}

	private interface Step {

		void run() throws SQLException;

	}

	private void timed(String name, Step step) throws SQLException {
		long start = System.nanoTime();
		step.run();
		timings.put(name, (System.nanoTime() - start) / 1_000_000);
	}

	private void loadRegions() throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select id, path, name, region_level from region order by id")) {
			while (rs.next()) {
				Region region = new Region(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
				if (region.level().equals("GRID")) {
					grids.put(region.path(), region.id());
					continue;
				}
				regions.put(region.path(), region);
				if (region.level().equals("VILLAGE")) {
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
	}

	/**
	 * Every cadre with their rank, unit and home: the unit's region, or for cadres
	 * without a unit the region of their party organisation (township and village
	 * leaders).
	 */
	private void loadCadres() throws SQLException {
		String sql = """
				select c.person_id, c.rank, c.unit_id, coalesce(u.path, po.path), f.village_id
				from person_role c
				left join unit u on u.id = c.unit_id
				left join person_role m on m.person_id = c.person_id and m.role = 'PARTY_MEMBER'
				left join party_organisation po on po.id = m.party_organisation_id
				left join person_role f on f.person_id = c.person_id and f.role = 'FIRST_SECRETARY'
				where c.role = 'CADRE'
				order by c.person_id""";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				long unit = rs.getLong(3);
				long village = rs.getLong(5);
				cadres.add(new Cadre(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : unit, rs.getString(4),
						village == 0 ? null : village));
			}
		}
	}

	/**
	 * 五个一: city units paired with urban communities; the unit's county-level cadre leads,
	 * a section-level cadre answers, both with a small team go to the community.
	 */
	private void pairings() throws SQLException {
		List<Long> units = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select id from unit where path = '/130900/' and kind in "
						+ "('GOVERNMENT_ORGAN', 'STATE_OWNED_ENTERPRISE') order by id")) {
			while (rs.next()) {
				units.add(rs.getLong(1));
			}
		}
		List<Region> urban = new ArrayList<>(villagesUnder.getOrDefault("/130900/130902/", List.of()));
		urban.addAll(villagesUnder.getOrDefault("/130900/130903/", List.of()));
		int unitCount = (int) Math.min(units.size(), Math.max(1, Math.round(PAIRED_UNITS * scale)));
		int communityCount = (int) Math.min(urban.size(), Math.max(unitCount, Math.round(PAIRED_COMMUNITIES * scale)));
		if (units.isEmpty() || communityCount == 0) {
			return;
		}
		Map<Long, List<Cadre>> byUnit = new HashMap<>();
		for (Cadre cadre : cadres) {
			if (cadre.unitId() != null && !cadre.firstSecretary()) {
				byUnit.computeIfAbsent(cadre.unitId(), k -> new ArrayList<>()).add(cadre);
			}
		}
		try (Insert pairing = new Insert("pairing", "id", "unit_id", "community_id", "path", "liaison_leader_id",
				"responsible_person_id", "work_plan", "started_on", "created_by");
				Insert team = new Insert("pairing_team_member", "pairing_id", "person_id").after(pairing);
				Insert log = new Insert("pairing_log", "pairing_id", "business_day", "entry", "recorded_by")
					.after(pairing);
				Insert shortage = new Insert("shortage", "pairing_id", "path", "kind", "item", "quantity", "note",
						"status", "raised_by", "answer", "answered_by", "answered_at", "resolved_by", "resolved_at")
					.after(pairing)) {
			for (int i = 0; i < communityCount; i++) {
				Region community = urban.get((int) ((long) i * urban.size() / communityCount));
				long unit = units.get(i % unitCount);
				List<Cadre> staff = byUnit.getOrDefault(unit, List.of());
				Cadre leader = first(staff, "COUNTY");
				Cadre responsible = first(staff, "TOWNSHIP");
				long id = nextId("pairing");
				LocalDate started = START.plusDays(i % 3);
				boolean plan = i % 19 != 18;
				pairing.add(id, unit, community.id(), community.path(), leader == null ? null : leader.personId(),
						responsible == null ? null : responsible.personId(),
						plan ? "《" + community.name() + "疫情防控包联工作方案》：分片包干、入户排查、卡口值守、物资保障，每日向社区报告。" : null, started, BY);
				Set<Long> members = new HashSet<>();
				for (Cadre cadre : staff) {
					if (members.size() < 3 && (cadre == responsible || "STAFF".equals(cadre.rank()))) {
						members.add(cadre.personId());
						team.add(id, cadre.personId());
					}
				}
				for (Cadre cadre : staff) {
					if (cadre == leader || members.contains(cadre.personId())) {
						pairedPosts.putIfAbsent(cadre.personId(), community);
					}
				}
				if (i % 13 != 12) {
					log.add(id, started, "单位工作队进驻" + community.name() + "，与社区对接包联任务。", BY);
					log.add(id, started.plusDays(4), "协助社区完成第一轮入户排查，补充防护物资。", BY);
				}
				if (i % 4 == 0) {
					boolean resolved = i % 8 == 0;
					OffsetDateTime at = started.plusDays(2).atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
					shortage.add(id, community.path(), "PROTECTIVE_SUPPLIES", "医用外科口罩", 2000 + i * 10, "卡口和入户排查人员每日消耗",
							resolved ? "RESOLVED" : "ANSWERED", BY, "单位已协调调拨，两日内送达", BY, at, resolved ? BY : null,
							resolved ? at.plusDays(2) : null);
				}
				if (i % 6 == 1) {
					shortage.add(id, community.path(), "MANPOWER", "卡口值守人员", 4, "夜间值守人手不足", "OPEN", BY, null, null,
							null, null, null);
				}
			}
		}
	}

	/** One cadre, one position, all current since late January 2020. */
	private void deployments() throws SQLException {
		Map<String, Integer> turns = new HashMap<>();
		try (Insert deployment = new Insert("deployment", "person_id", "holder_id", "leading_cadre", "cadre_rank",
				"post_kind", "region_id", "path", "post", "duty", "start_date", "created_by")) {
			for (Cadre cadre : cadres) {
				Region home = regions.get(cadre.homePath());
				if (home == null) {
					continue;
				}
				int turn = turns.merge(cadre.homePath(), 1, Integer::sum) - 1;
				String kind = "REGION";
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
				else if (home.level().equals("VILLAGE")) {
					at = home;
					duty = "村（社区）党组织书记，坚守本村阵地";
				}
				else {
					List<Region> below = villagesUnder.getOrDefault(home.path(), List.of());
					at = below.isEmpty() ? home : below.get(turn * 7 % below.size());
					duty = home.level().equals("TOWNSHIP") ? "包村干部" : "下沉村（社区）督导";
					if (home.level().equals("COUNTY") && turn % 5 == 4 && at != home) {
						kind = "CHECKPOINT";
						at = regions.get(parent(at.path()));
						post = at.name() + "疫情防控检查站";
						duty = "卡口值守";
					}
					else if (home.level().equals("CITY") && turn % 6 == 5) {
						kind = "HOSPITAL";
						at = home;
						post = "沧州市中心医院发热门诊";
						duty = "医疗救治保障";
					}
				}
				if (at == null) {
					continue;
				}
				deployment.add(cadre.personId(), cadre.personId(), cadre.leading(), cadre.rank(), kind, at.id(),
						at.path(), post, duty, START.plusDays(cadre.personId() % 5), BY);
			}
		}
	}

	/**
	 * A liaison group per township (its leaders, its villages), an inspection of each
	 * township by a county-level cadre with one rectification, and each group's
	 * inspection of its first community.
	 */
	private void liaisonGroupsAndInspections() throws SQLException {
		Map<String, List<Cadre>> byHome = new HashMap<>();
		for (Cadre cadre : cadres) {
			if (!cadre.firstSecretary()) {
				byHome.computeIfAbsent(cadre.homePath(), k -> new ArrayList<>()).add(cadre);
			}
		}
		List<Region> townships = regions.values()
			.stream()
			.filter(r -> r.level().equals("TOWNSHIP"))
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
		try (Insert group = new Insert("liaison_group", "id", "name", "leader_id", "region_id", "path", "created_by");
				Insert member = new Insert("liaison_group_member", "group_id", "person_id").after(group);
				Insert community = new Insert("liaison_group_community", "group_id", "community_id", "path")
					.after(group);
				Insert inspection = new Insert("inspection", "id", "inspector_id", "inspector_level",
						"target_region_id", "path", "liaison_group_id", "inspected_on", "summary", "recorded_by")
					.after(group);
				Insert look = new Insert("inspection_look", "inspection_id", "look", "rating", "findings")
					.after(inspection);
				Insert rectification = new Insert("rectification", "inspection_id", "look", "path", "item", "owner_id",
						"deadline", "status", "evidence", "closed_on", "closed_by")
					.after(inspection)) {
			int t = 0;
			for (Region township : townships) {
				List<Cadre> leaders = byHome.getOrDefault(township.path(), List.of());
				List<Region> below = villagesUnder.getOrDefault(township.path(), List.of());
				if (leaders.isEmpty() || below.isEmpty()) {
					continue;
				}
				long groupId = nextId("liaison_group");
				Cadre head = leaders.get(0);
				group.add(groupId, township.name() + "包联组", head.personId(), township.id(), township.path(), BY);
				for (Cadre cadre : leaders.subList(1, Math.min(4, leaders.size()))) {
					member.add(groupId, cadre.personId());
				}
				for (Region village : below) {
					community.add(groupId, village.id(), village.path());
				}
				LocalDate day = START.plusDays(10 + t % 5);
				List<Cadre> county = byHome.getOrDefault(parent(township.path()), List.of())
					.stream()
					.filter(c -> c.rank().equals("COUNTY"))
					.toList();
				if (!county.isEmpty()) {
					long id = nextId("inspection");
					inspection.add(id, county.get(t % county.size()).personId(), "COUNTY", township.id(),
							township.path(), null, day, "下沉一级督导：属地责任基本落实，包联入户需加强。", BY);
					for (int j = 0; j < LOOKS.length; j++) {
						look.add(id, LOOKS[j], 3 + (t + j) % 3, j == 1 ? "部分包村干部入户排查不到位" : null);
					}
					boolean closed = t % 3 != 0;
					rectification.add(id, "LIAISON", township.path(), "补齐包村干部入户排查台账，逐户核实", head.personId(),
							day.plusDays(7), closed ? "CLOSED" : "OPEN", closed ? "已补齐入户排查台账并逐户复核" : null,
							closed ? day.plusDays(2 + t % 5) : null, closed ? BY : null);
				}
				long id = nextId("inspection");
				inspection.add(id, head.personId(), "TOWNSHIP", below.get(0).id(), below.get(0).path(), groupId,
						day.plusDays(1), "包联组检查社区卡口与隔离户服务。", BY);
				for (int j = 0; j < LOOKS.length; j++) {
					look.add(id, LOOKS[j], 4 + (t + j) % 2, null);
				}
				t++;
			}
		}
	}

	/**
	 * Each temporary party organisation: a secretary and four members, county cadres from
	 * several of the county's organs; the secretary's post is a model post.
	 */
	private void temporaryOrganisations() throws SQLException {
		Map<String, List<Cadre>> countyCadres = new HashMap<>();
		for (Cadre cadre : cadres) {
			Region home = regions.get(cadre.homePath());
			if (home != null && home.level().equals("COUNTY") && cadre.unitId() != null) {
				countyCadres.computeIfAbsent(home.path(), k -> new ArrayList<>()).add(cadre);
			}
		}
		Map<String, Integer> turns = new HashMap<>();
		String sql = "select id, region_id, path, post from party_organisation where temporary = true order by id";
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql);
				Insert member = new Insert("temporary_organisation_member", "party_organisation_id", "person_id",
						"path", "secretary", "from_unit_id", "joined_on");
				Insert post = new Insert("model_post", "name", "party_organisation_id", "holder_id", "region_id",
						"path", "designated_on", "created_by")) {
			while (rs.next()) {
				List<Cadre> pool = countyCadres.getOrDefault(rs.getString(3), List.of());
				if (pool.size() < 5) {
					continue;
				}
				long organisation = rs.getLong(1);
				int turn = turns.merge(rs.getString(3), 1, Integer::sum) - 1;
				for (int k = 0; k < 5; k++) {
					// consecutive cadres of the pool belong to different organs
					Cadre cadre = pool.get((turn * 5 + k) % pool.size());
					member.add(organisation, cadre.personId(), rs.getString(3), k == 0, cadre.unitId(),
							START.plusDays(2 + turn % 7));
					if (k == 0) {
						post.add(rs.getString(4) + "党员示范岗", organisation, cadre.personId(), rs.getLong(2),
								rs.getString(3), START.plusDays(5), BY);
					}
				}
			}
		}
	}

	/**
	 * A commando team per village branch; {@value #COMMANDO_MEMBERS} members at scale 1.0
	 * apportioned by the branches' sizes. The first two members joined by a battle
	 * request, the leader answers for their grid and the second claimed the village's
	 * checkpoint; one more member's request waits for a decision.
	 */
	private void commandoTeams() throws SQLException {
		Map<Long, Region> branches = new LinkedHashMap<>();
		String branchSql = """
				select po.id, r.path from party_organisation po join region r on r.id = po.region_id
				where r.region_level = 'VILLAGE' and po.temporary = false and po.unit_id is null order by po.id""";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(branchSql)) {
			while (rs.next()) {
				branches.put(rs.getLong(1), regions.get(rs.getString(2)));
			}
		}
		Map<Long, List<Long>> members = new HashMap<>();
		String memberSql = """
				select party_organisation_id, person_id from person_role
				where role = 'PARTY_MEMBER' order by person_id""";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(memberSql)) {
			while (rs.next()) {
				long organisation = rs.getLong(1);
				if (branches.containsKey(organisation)) {
					members.computeIfAbsent(organisation, k -> new ArrayList<>()).add(rs.getLong(2));
				}
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
		try (Insert team = new Insert("commando_team", "id", "name", "party_organisation_id", "region_id", "path",
				"leader_id", "task", "formed_on", "created_by");
				Insert member = new Insert("commando_member", "team_id", "person_id", "path", "joined_on").after(team);
				Insert task = new Insert("commando_task", "team_id", "path", "description", "due_on", "done_on",
						"created_by")
					.after(team);
				Insert request = new Insert("battle_request", "person_id", "path", "submitted_on", "request_text",
						"status", "team_id", "decided_by", "decided_on")
					.after(team);
				Insert zone = new Insert("responsibility_zone", "person_id", "region_id", "path", "area", "since",
						"created_by");
				Insert claimed = new Insert("claimed_post", "person_id", "post", "region_id", "path", "claimed_on",
						"created_by")) {
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
				long id = nextId("commando_team");
				LocalDate formed = START.plusDays(1 + b % 3);
				team.add(id, village.name() + "党员突击队", ids.get(b), village.id(), village.path(), pool.get(0).personId(),
						"入户排查、卡口值守、物资配送", formed, BY);
				for (int j = 0; j < sizes[b]; j++) {
					member.add(id, pool.get(j).personId(), village.path(), formed.plusDays(j % 5));
				}
				task.add(id, village.path(), "完成全村（社区）第一轮入户排查", formed.plusDays(5), formed.plusDays(4), BY);
				task.add(id, village.path(), "村口卡点24小时值守", formed.plusDays(20), null, BY);
				for (int j = 0; j < Math.min(2, sizes[b]); j++) {
					request.add(pool.get(j).personId(), pool.get(j).path(), formed.minusDays(1),
							"疫情就是命令，防控就是责任。我志愿加入党员突击队，服从安排，冲锋在前！", "ACCEPTED", id, BY, formed);
				}
				if (sizes[b] < pool.size()) {
					Member next = pool.get(sizes[b]);
					request.add(next.personId(), next.path(), formed.plusDays(3), "我是一名党员，请求到卡口一线值守。", "SUBMITTED",
							null, null, null);
				}
				Long grid = grids.get(pool.get(0).path());
				if (grid != null) {
					zone.add(pool.get(0).personId(), grid, pool.get(0).path(), "本网格楼栋（排）及周边道路", formed, BY);
				}
				if (sizes[b] > 1) {
					claimed.add(pool.get(1).personId(), village.name() + "村口卡点值守岗", village.id(), village.path(),
							formed, BY);
				}
			}
		}
	}

	/**
	 * The paths of the persons who need one (the first three of each team and the next
	 * member), read by id rather than joining every party member to the person table.
	 */
	private Map<Long, String> personPaths(List<Long> branches, Map<Long, List<Long>> members, int[] sizes)
			throws SQLException {
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
		Map<Long, String> paths = new HashMap<>();
		for (int from = 0; from < wanted.size(); from += 1000) {
			List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + 1000));
			String sql = "select id, path from person where id in (" + "?, ".repeat(chunk.size() - 1) + "?)";
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < chunk.size(); i++) {
					statement.setLong(i + 1, chunk.get(i));
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						paths.put(rs.getLong(1), rs.getString(2));
					}
				}
			}
		}
		return paths;
	}

	/**
	 * Every first secretary back in their village in the first days of February, with
	 * their work log; some ask their dispatching unit for support.
	 */
	private void firstSecretaries() throws SQLException {
		String sql = """
				select f.person_id, f.village_id, f.dispatching_unit_id, r.path from person_role f
				join region r on r.id = f.village_id where f.role = 'FIRST_SECRETARY' order by f.person_id""";
		String[] kinds = { "SUPPLIES", "FAMILY_DIFFICULTY", "OTHER" };
		String[] needs = { "申请消毒液200升、口罩1000只", "家中老人独居，请派出单位帮助照看", "请派出单位协调村卡口照明设备" };
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql);
				Insert back = new Insert("first_secretary_return", "person_id", "village_id", "path",
						"dispatching_unit_id", "returned_on", "recorded_by");
				Insert log = new Insert("first_secretary_log", "person_id", "path", "business_day", "entry",
						"recorded_by");
				Insert support = new Insert("support_request", "person_id", "dispatching_unit_id", "path", "kind",
						"description", "status", "resolution", "raised_by", "resolved_by", "resolved_at")) {
			int i = 0;
			while (rs.next()) {
				long person = rs.getLong(1);
				String path = rs.getString(4);
				LocalDate returned = START.plusDays(2 + i % 8);
				back.add(person, rs.getLong(2), path, rs.getLong(3), returned, BY);
				log.add(person, path, returned, "返岗报到，与村两委对接疫情防控工作", BY);
				log.add(person, path, returned.plusDays(3), "带领党员突击队完成全村入户排查", BY);
				if (i % 7 == 0) {
					boolean resolved = i % 14 == 0;
					support.add(person, rs.getLong(3), path, kinds[i / 7 % 3], needs[i / 7 % 3],
							resolved ? "RESOLVED" : "OPEN", resolved ? "派出单位已办结" : null, BY, resolved ? BY : null,
							resolved ? returned.plusDays(2).atTime(16, 0).atOffset(ZoneOffset.ofHours(8)) : null);
				}
				i++;
			}
		}
	}

	/**
	 * 1+10 in 新华区's first township: each party member links up to ten households of their
	 * own community until four in five households are linked.
	 */
	private void householdLinks() throws SQLException {
		String township = "/130900/130902/130902001000/";
		Map<String, List<Long>> households = new LinkedHashMap<>();
		Map<Long, String> householdPaths = new HashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement("select id, path from household where path like ? order by id")) {
			statement.setString(1, township + "%");
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					households.computeIfAbsent(village(rs.getString(2)), k -> new ArrayList<>()).add(rs.getLong(1));
					householdPaths.put(rs.getLong(1), rs.getString(2));
				}
			}
		}
		Map<String, List<Long>> partyMembers = new HashMap<>();
		String sql = """
				select pr.person_id, p.path from person_role pr join person p on p.id = pr.person_id
				where pr.role = 'PARTY_MEMBER' and p.path like ? order by pr.person_id""";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, township + "%");
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					partyMembers.computeIfAbsent(village(rs.getString(2)), k -> new ArrayList<>()).add(rs.getLong(1));
				}
			}
		}
		try (Insert link = new Insert("household_link", "household_id", "party_member_id", "path", "linked_on",
				"created_by")) {
			for (var entry : households.entrySet()) {
				List<Long> members = partyMembers.getOrDefault(entry.getKey(), List.of());
				List<Long> homes = entry.getValue();
				int target = Math.min(homes.size() * 4 / 5, members.size() * 10);
				for (int h = 0; h < target; h++) {
					link.add(homes.get(h), members.get(h / 10), householdPaths.get(homes.get(h)), START.plusDays(4),
							BY);
				}
			}
		}
	}

	/** Identity columns moved past the ids given here. */
	private void restartIdentities() throws SQLException {
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		try (Statement statement = connection.createStatement()) {
			for (var entry : nextIds.entrySet()) {
				statement.execute(postgres
						? "select setval(pg_get_serial_sequence('" + entry.getKey() + "', 'id'), " + entry.getValue()
								+ ", false)"
						: "alter table " + entry.getKey() + " alter column id restart with " + entry.getValue());
			}
		}
	}

	private static Cadre first(List<Cadre> staff, String rank) {
		return staff.stream().filter(c -> c.rank().equals(rank)).findFirst().orElse(null);
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

	private long nextId(String table) {
		return nextIds.merge(table, 1L, Long::sum) - 1;
	}

	private long single(String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Rows of one table written as multi-row INSERTs of {@value #ROWS} rows, fast on any
	 * database without driver options.
	 */
	private final class Insert implements AutoCloseable {

		private static final int ROWS = 500;

		private final String table;

		private final String[] columns;

		private final List<Object[]> buffer = new ArrayList<>();

		private PreparedStatement full;

		private final List<Insert> parents = new ArrayList<>();

		Insert(String table, String... columns) {
			this.table = table;
			this.columns = columns;
		}

		/** Rows here reference rows of these: theirs are written first. */
		Insert after(Insert... parents) {
			this.parents.addAll(List.of(parents));
			return this;
		}

		void add(Object... values) throws SQLException {
			if (values.length != columns.length) {
				throw new IllegalArgumentException(
						table + ": " + values.length + " values for " + columns.length + " columns");
			}
			buffer.add(values);
			if (buffer.size() == ROWS) {
				flush();
			}
		}

		private void flush() throws SQLException {
			for (Insert parent : parents) {
				parent.flush();
			}
			if (buffer.isEmpty()) {
				return;
			}
			boolean isFull = buffer.size() == ROWS;
			if (isFull && full == null) {
				full = connection.prepareStatement(sql(ROWS));
			}
			PreparedStatement statement = isFull ? full : connection.prepareStatement(sql(buffer.size()));
			try {
				int index = 1;
				for (Object[] row : buffer) {
					for (Object value : row) {
						statement.setObject(index++, value);
					}
				}
				statement.executeUpdate();
			}
			finally {
				if (!isFull) {
					statement.close();
				}
			}
			written.merge(table, (long) buffer.size(), Long::sum);
			buffer.clear();
		}

		private String sql(int rows) {
			String row = "(" + "?, ".repeat(columns.length - 1) + "?)";
			return "insert into " + table + " (" + String.join(", ", columns) + ") values "
					+ String.join(", ", java.util.Collections.nCopies(rows, row));
		}

		@Override
		public void close() throws SQLException {
			try {
				flush();
			}
			finally {
				if (full != null) {
					full.close();
				}
			}
		}

	}

}
