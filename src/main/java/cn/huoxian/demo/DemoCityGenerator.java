package cn.huoxian.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import cn.huoxian.org.OrgBulkLoad;
import cn.huoxian.org.OrgBulkLoad.HouseholdRow;
import cn.huoxian.org.OrgBulkLoad.PartyOrganisationRow;
import cn.huoxian.org.OrgBulkLoad.RegionRow;
import cn.huoxian.org.OrgBulkLoad.UnitRow;
import cn.huoxian.org.PartyOrganisationKind;
import cn.huoxian.org.RegionLevel;
import cn.huoxian.org.TemporaryCategory;
import cn.huoxian.org.UnitKind;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.Membership;
import cn.huoxian.people.PeopleBulkLoad;
import cn.huoxian.people.PeopleBulkLoad.PersonRow;
import cn.huoxian.people.PeopleBulkLoad.RoleRow;

/**
 * Generates the demo city deterministically and hands the rows to their owners' bulk
 * loads ({@link OrgBulkLoad}, {@link PeopleBulkLoad}): for each of Cangzhou's 16 real
 * counties, synthetic townships, villages/communities, grids of about 350 households,
 * buildings, households of about 2.9 residents with valid ID numbers (area code =
 * county), party organisations (incl. temporary ones at key posts), units, cadres, party
 * members, medical staff, volunteers and first secretaries. The same scale and seed
 * always give the same city.
 */
class DemoCityGenerator {

	static final long SEED = 2020_01_24L;

	static final double RESIDENTS_PER_HOUSEHOLD = 2.9;

	static final int HOUSEHOLDS_PER_VILLAGE = 440;

	static final int VILLAGES_PER_TOWNSHIP = 33;

	static final int HOUSEHOLDS_PER_GRID = 350;

	/** The article's figures at scale 1.0. */
	static final int TEMPORARY_PARTY_ORGANISATIONS = 1187;

	static final int FIRST_SECRETARIES = 674;

	/**
	 * Section-level (乡科级) leaders of the county organs beyond their heads, so that the
	 * city has the article's 20,000-odd leading cadres (about 21,600 with the city,
	 * county and township leaders) to deploy.
	 */
	static final int COUNTY_SECTION_LEADERS = 18_800;

	private static final String[] SECTION_POSITIONS = { "副局长", "科长", "副科长", "站所长", "中心主任", "股室负责人" };

	/**
	 * Ages (who is of an age to be a cadre or a party member) count from the article's
	 * year, so the city's people are the same whatever day it is generated.
	 */
	private static final int AGE_YEAR = 2020;

	/** What {@code person} answers for a party member, and with it for a cadre. */
	private static final int PARTY_MEMBER = 1, CADRE = 2;

	private static final String[] CITY_ORGANS = { "中共沧州市委组织部", "中共沧州市委宣传部", "沧州市卫生健康委员会", "沧州市公安局", "沧州市交通运输局",
			"沧州市市场监督管理局", "沧州市应急管理局", "沧州市民政局", "沧州市财政局", "沧州市教育局", "沧州市商务局", "沧州市发展和改革委员会", "沧州市住房和城乡建设局", "沧州市生态环境局",
			"沧州市自然资源和规划局", "沧州市人力资源和社会保障局", "沧州市农业农村局", "沧州市水务局", "沧州市文化广电和旅游局", "沧州市司法局", "沧州市审计局", "沧州市统计局",
			"沧州市城市管理综合行政执法局", "沧州市退役军人事务局", "沧州市医疗保障局", "沧州市行政审批局", "沧州市信访局", "沧州市机关事务管理局", "沧州市总工会", "共青团沧州市委",
			"沧州市妇女联合会", "沧州市科学技术局", "沧州市工业和信息化局", "沧州市外事办公室", "沧州市档案馆", "沧州市委政法委员会", "沧州市委统战部", "沧州市纪委监委", "沧州市人民检察院",
			"沧州市中级人民法院", "沧州市政府办公室", "沧州市委办公室", "沧州市人大常委会办公室", "沧州市政协办公室", "沧州市气象局", "沧州市供销合作社", "沧州市地方金融监督管理局",
			"沧州市粮食和物资储备局", "沧州市体育局", "沧州市林业局" };

	private static final String[] CITY_SOES = { "沧州市建设投资集团有限公司", "沧州市水务集团有限公司", "沧州市公共交通集团有限公司", "沧州市燃气集团有限公司",
			"沧州市热力有限公司", "沧州市医药药材有限公司", "沧州市粮油集团有限公司", "沧州市城市发展集团有限公司" };

	private static final String[] COUNTY_ORGANS = { "委组织部", "卫生健康局", "公安局", "交通运输局", "市场监督管理局", "应急管理局", "民政局", "财政局" };

	private static final String[] DEPARTMENTS = { "发热门诊", "呼吸内科", "感染科", "重症医学科", "急诊科", "检验科", "护理部" };

	private final OrgBulkLoad.Load orgLoad;

	private final PeopleBulkLoad.Load peopleLoad;

	private final double scale;

	private final DemoCalendar calendar;

	private final LongConsumer progress;

	private final Map<String, Long> tagged = new HashMap<>();

	private String grid01Code;

	private long cityOrganisationId;

	private List<Slot> cityUnitSlots;

	private long residents;

	/**
	 * A cadre post to be filled by a generated resident: unit, rank, position, party
	 * organisation.
	 */
	private record Slot(Long unitId, CadreRank rank, String position, long partyOrganisationId, String tag,
			Long dispatchingUnitId, Long villageId) {
	}

	/** What was generated: totals and the persons picked for the demo accounts. */
	record Result(long regions, long households, long persons, long rows, Map<String, Long> accountPersons,
			String grid01Code) {
	}

	DemoCityGenerator(OrgBulkLoad.Load orgLoad, PeopleBulkLoad.Load peopleLoad, double scale, DemoCalendar calendar,
			LongConsumer progress) {
		this.orgLoad = orgLoad;
		this.peopleLoad = peopleLoad;
		this.scale = scale;
		this.calendar = calendar;
		this.progress = progress;
	}

	Result generate() throws SQLException {
		long cityId = orgLoad.existingRegion("130900");
		cityOrganisationId = organisation("P130900", "中共沧州市委员会", PartyOrganisationKind.COMMITTEE, null, "/", cityId,
				"/130900/", null, null, null, null);
		List<Long> cityUnits = cityUnits(cityId);
		double[] weights = County.CANGZHOU.stream().mapToDouble(County::tenThousands).toArray();
		int[] temporary = Apportion.split(Math.round(TEMPORARY_PARTY_ORGANISATIONS * scale), weights);
		int[] firstSecretaries = Apportion.split(Math.round(FIRST_SECRETARIES * scale), weights);
		int[] sectionLeaders = Apportion.split(Math.round(COUNTY_SECTION_LEADERS * scale), weights);
		long[] cityTotals = new long[4];
		for (int c = 0; c < County.CANGZHOU.size(); c++) {
			County county = County.CANGZHOU.get(c);
			long[] totals = new CountyBuilder(county, cityUnits, temporary[c], firstSecretaries[c], sectionLeaders[c])
				.build();
			add(cityTotals, totals);
		}
		orgLoad.addToCounters(cityId, cityTotals[0], cityTotals[1], cityTotals[2], cityTotals[3]);
		orgLoad.finish();
		peopleLoad.finish();
		return new Result(orgLoad.regions(), orgLoad.households(), peopleLoad.persons(),
				orgLoad.rows() + peopleLoad.rows(), tagged, grid01Code);
	}

	/**
	 * About how many residents this scale gives (households are exact, their sizes
	 * drawn), for progress.
	 */
	static long expectedResidents(double scale) {
		long households = 0;
		for (County county : County.CANGZHOU) {
			households += households(county, scale);
		}
		// the mean of householdSize()'s distribution
		return Math.round(households * 2.88);
	}

	private static long households(County county, double scale) {
		return Math.max(1, Math.round(county.tenThousands() * 10_000L / RESIDENTS_PER_HOUSEHOLD * scale));
	}

	private List<Long> cityUnits(long cityId) throws SQLException {
		List<Long> units = new ArrayList<>();
		cityUnitSlots = new ArrayList<>();
		List<Slot> heads = new ArrayList<>();
		List<Slot> others = new ArrayList<>();
		int n = 0;
		for (String name : CITY_ORGANS) {
			n++;
			long unit = unit("130900-GOV-" + two(n), name, UnitKind.GOVERNMENT_ORGAN, cityId, "/130900/");
			long org = organisation("PU130900-GOV-" + two(n), name + "机关党委", PartyOrganisationKind.COMMITTEE,
					cityOrganisationId, "/" + cityOrganisationId + "/", cityId, "/130900/", unit, null, null, null);
			units.add(unit);
			boolean organisationDepartment = n == 1;
			heads.add(new Slot(unit, CadreRank.BUREAU, organisationDepartment ? "部长" : "主要负责人", org,
					organisationDepartment ? "admin" : null, null, null));
			Slot second = new Slot(unit, CadreRank.COUNTY, organisationDepartment ? "干部考察科科长" : "副职", org,
					organisationDepartment ? "zzb" : null, null, null);
			if (organisationDepartment) {
				heads.add(1, second);
			}
			else {
				others.add(second);
			}
			others.add(new Slot(unit, CadreRank.TOWNSHIP, "科长", org, null, null, null));
			others.add(new Slot(unit, CadreRank.STAFF, "科员", org, null, null, null));
		}
		n = 0;
		for (String name : CITY_SOES) {
			n++;
			long unit = unit("130900-SOE-" + two(n), name, UnitKind.STATE_OWNED_ENTERPRISE, cityId, "/130900/");
			long org = organisation("PU130900-SOE-" + two(n), name + "党委", PartyOrganisationKind.COMMITTEE,
					cityOrganisationId, "/" + cityOrganisationId + "/", cityId, "/130900/", unit, null, null, null);
			units.add(unit);
			others.add(new Slot(unit, CadreRank.COUNTY, "党委书记", org, null, null, null));
			others.add(new Slot(unit, CadreRank.TOWNSHIP, "部门经理", org, null, null, null));
		}
		cityUnitSlots.addAll(heads);
		cityUnitSlots.addAll(others);
		return units;
	}

	/** Builds one county: structure first, then households and people grid by grid. */
	private final class CountyBuilder {

		private final County county;

		private final SplittableRandom random;

		private final List<Long> cityUnits;

		private final int temporaryOrganisations;

		private final int firstSecretaries;

		private final int sectionLeaders;

		private final long countyId;

		private final String countyPath;

		private long countyOrganisationId;

		private final Deque<Slot> countySlots = new ArrayDeque<>();

		private final Deque<Slot> citySlots;

		private long personSequence;

		private long eligibleSeen;

		private long countyStride;

		private long cityStride;

		private final List<Long> countyUnits = new ArrayList<>();

		private final IdNumbers ids;

		// reused for every row: the hot loop allocates no strings of its own
		private final StringBuilder name = new StringBuilder(8);

		private final StringBuilder phone = new StringBuilder(11);

		private final StringBuilder text = new StringBuilder(16);

		private final StringBuilder door = new StringBuilder(16);

		private final StringBuilder address = new StringBuilder(64);

		CountyBuilder(County county, List<Long> cityUnits, int temporaryOrganisations, int firstSecretaries,
				int sectionLeaders) throws SQLException {
			this.county = county;
			this.random = new SplittableRandom(SEED ^ Long.parseLong(county.code()));
			this.cityUnits = cityUnits;
			this.temporaryOrganisations = temporaryOrganisations;
			this.firstSecretaries = firstSecretaries;
			this.sectionLeaders = sectionLeaders;
			this.countyId = orgLoad.existingRegion(county.code());
			this.countyPath = "/130900/" + county.code() + "/";
			this.ids = new IdNumbers(county.code());
			// city-unit cadres live in the two urban districts
			this.citySlots = new ArrayDeque<>();
			if (county.urban()) {
				boolean xinhua = county.code().equals("130902");
				for (int i = 0; i < cityUnitSlots.size(); i++) {
					Slot slot = cityUnitSlots.get(i);
					// the tagged posts (demo accounts) live in 新华区; the rest alternate
					// between the districts
					if ((slot.tag() != null || i % 2 == 0) == xinhua) {
						citySlots.add(slot);
					}
				}
			}
		}

		long[] build() throws SQLException {
			long households = households(county, scale);
			int villages = (int) Math.max(1, Math.round((double) households / HOUSEHOLDS_PER_VILLAGE));
			int townships = (int) Math.max(1, Math.round((double) villages / VILLAGES_PER_TOWNSHIP));
			countyOrganisationId = organisation("P" + county.code(), "中共" + county.name() + "委员会",
					PartyOrganisationKind.COMMITTEE, cityOrganisationId, "/" + cityOrganisationId + "/", countyId,
					countyPath, null, null, null, null);
			countyUnits();
			long expectedEligible = Math.round(households * RESIDENTS_PER_HOUSEHOLD * 0.55);
			countyStride = Math.max(1, expectedEligible / Math.max(1, countySlots.size() * 2));
			cityStride = Math.max(1, expectedEligible / Math.max(1, citySlots.size() * 2));
			int[] villagesPerTownship = Apportion.split(villages, jitter(townships));
			int[] householdsPerVillage = Apportion.split(households, jitter(villages));
			long[] totals = new long[4];
			int village = 0;
			List<Long> townshipOrganisations = new ArrayList<>();
			List<long[]> villageIds = new ArrayList<>();
			for (int t = 0; t < townships; t++) {
				String townshipCode = county.code() + three(t + 1) + "000";
				String townshipPath = countyPath + townshipCode + "/";
				long townshipId = region(townshipCode, Names.township(random, county.urban(), t), RegionLevel.TOWNSHIP,
						countyId, townshipPath);
				long townshipOrg = organisation("P" + townshipCode,
						"中共" + county.name() + townshipCode.substring(6, 9) + (county.urban() ? "街道工作委员会" : "镇委员会"),
						PartyOrganisationKind.COMMITTEE, countyOrganisationId,
						"/" + cityOrganisationId + "/" + countyOrganisationId + "/", townshipId, townshipPath, null,
						null, null, null);
				townshipOrganisations.add(townshipOrg);
				Deque<Slot> townshipSlots = new ArrayDeque<>(
						List.of(new Slot(null, CadreRank.TOWNSHIP, "党(工)委书记", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "乡镇长(主任)", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "组织委员", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "党委副书记", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "人大主席", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "纪委书记", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "宣传委员", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "武装部长", townshipOrg, null, null, null),
								new Slot(null, CadreRank.TOWNSHIP, "副乡镇长", townshipOrg, null, null, null),
								new Slot(null, CadreRank.STAFF, "包村干部", townshipOrg, null, null, null),
								new Slot(null, CadreRank.STAFF, "包村干部", townshipOrg, null, null, null),
								new Slot(null, CadreRank.STAFF, "党建办科员", townshipOrg, null, null, null)));
				long[] townshipTotals = new long[4];
				for (int v = 0; v < villagesPerTownship[t]; v++, village++) {
					String villageCode = county.code() + three(t + 1) + three(v + 1);
					long[] villageTotals = village(villageCode, townshipPath, townshipId, townshipOrg,
							householdsPerVillage[village], townshipSlots, village == 0, villageIds);
					add(townshipTotals, villageTotals);
				}
				orgLoad.addToCounters(townshipId, townshipTotals[0], townshipTotals[1], townshipTotals[2],
						townshipTotals[3]);
				add(totals, townshipTotals);
			}
			temporaryOrganisations(townshipOrganisations);
			orgLoad.addToCounters(countyId, totals[0], totals[1], totals[2], totals[3]);
			progress.accept(residents);
			return totals;
		}

		private void countyUnits() throws SQLException {
			String orgPath = "/" + cityOrganisationId + "/" + countyOrganisationId + "/";
			List<Slot> sections = new ArrayList<>();
			for (int i = 0; i < COUNTY_ORGANS.length; i++) {
				String code = county.code() + "-GOV-" + two(i + 1);
				long unit = unit(code, county.name() + COUNTY_ORGANS[i], UnitKind.GOVERNMENT_ORGAN, countyId,
						countyPath);
				long org = organisation("PU" + code, county.name() + COUNTY_ORGANS[i] + "机关党支部",
						PartyOrganisationKind.BRANCH, countyOrganisationId, orgPath, countyId, countyPath, unit, null,
						null, null);
				countyUnits.add(unit);
				String tag = i == 0 && county.code().equals("130902") ? "xinhua" : null;
				countySlots.add(new Slot(unit, CadreRank.COUNTY, i == 0 ? "部长" : "局长", org, tag, null, null));
				countySlots.add(new Slot(unit, CadreRank.TOWNSHIP, "副职", org, null, null, null));
				countySlots.add(new Slot(unit, CadreRank.TOWNSHIP, "科长", org, null, null, null));
				countySlots.add(new Slot(unit, CadreRank.STAFF, "科员", org, null, null, null));
				sections.add(new Slot(unit, CadreRank.TOWNSHIP, null, org, null, null, null));
			}
			for (int i = 0; i < sectionLeaders; i++) {
				Slot organ = sections.get(i % sections.size());
				countySlots.add(new Slot(organ.unitId(), CadreRank.TOWNSHIP,
						SECTION_POSITIONS[i / sections.size() % SECTION_POSITIONS.length], organ.partyOrganisationId(),
						null, null, null));
			}
			unit(county.code() + "-SOE-01", county.name() + "城市建设投资有限公司", UnitKind.STATE_OWNED_ENTERPRISE, countyId,
					countyPath);
			int twoNew = (int) Math.max(2, Math.round(county.tenThousands() * scale * 3));
			for (int i = 0; i < twoNew; i++) {
				boolean enterprise = i % 3 != 2;
				String code = county.code() + (enterprise ? "-NPE-" : "-SOC-") + three(i + 1);
				String name = county.name() + Names.village(random, true, i).replace("社区", "")
						+ (enterprise ? "实业有限公司" : "志愿者协会");
				long unit = unit(code, name, enterprise ? UnitKind.NON_PUBLIC_ENTERPRISE : UnitKind.SOCIAL_ORGANISATION,
						countyId, countyPath);
				organisation("PU" + code, name + "党支部", PartyOrganisationKind.BRANCH, countyOrganisationId, orgPath,
						countyId, countyPath, unit, null, null, null);
			}
		}

		private long[] village(String villageCode, String townshipPath, long townshipId, long townshipOrg,
				int households, Deque<Slot> townshipSlots, boolean firstInCounty, List<long[]> villageIds)
				throws SQLException {
			String villagePath = townshipPath + villageCode + "/";
			String villageName = Names.village(random, county.urban(), (int) (villageIds.size() % 1000));
			long villageId = region(villageCode, villageName, RegionLevel.VILLAGE, townshipId, villagePath);
			villageIds.add(new long[] { villageId });
			long branch = organisation("P" + villageCode, "中共" + villageName + "支部委员会", PartyOrganisationKind.BRANCH,
					townshipOrg, "/" + cityOrganisationId + "/" + countyOrganisationId + "/" + townshipOrg + "/",
					villageId, villagePath, null, null, null, null);
			Deque<Slot> villageSlots = new ArrayDeque<>();
			villageSlots.add(new Slot(null, CadreRank.STAFF, "党支部书记", branch,
					firstInCounty && county.code().equals("130902") ? "grid01" : null, null, null));
			if (villageIds.size() <= firstSecretaries && !cityUnits.isEmpty()) {
				long dispatching = cityUnits
					.get((int) ((villageIds.size() * 7L + Long.parseLong(county.code())) % cityUnits.size()));
				villageSlots
					.add(new Slot(dispatching, CadreRank.TOWNSHIP, "驻村第一书记", branch, null, dispatching, villageId));
			}
			int grids = (int) Math.max(1, Math.round((double) households / HOUSEHOLDS_PER_GRID));
			int[] householdsPerGrid = Apportion.split(households, jitter(grids));
			long[] totals = new long[4];
			for (int g = 0; g < grids; g++) {
				String gridCode = villageCode + three(g + 1);
				String gridPath = villagePath + gridCode + "/";
				long gridId = region(gridCode, "第" + (g + 1) + "网格", RegionLevel.GRID, villageId, gridPath);
				if (firstInCounty && g == 0 && county.code().equals("130902")) {
					grid01Code = gridCode;
				}
				long[] gridTotals = grid(gridId, gridPath, villageName, householdsPerGrid[g], branch, villageSlots,
						townshipSlots);
				orgLoad.addToCounters(gridId, gridTotals[0], gridTotals[1], gridTotals[2], gridTotals[3]);
				add(totals, gridTotals);
			}
			orgLoad.addToCounters(villageId, totals[0], totals[1], totals[2], totals[3]);
			return totals;
		}

		private long[] grid(long gridId, String gridPath, String villageName, int households, long branch,
				Deque<Slot> villageSlots, Deque<Slot> townshipSlots) throws SQLException {
			boolean urban = county.urban();
			int perBuilding = urban ? 60 : 30;
			long buildingId = 0;
			long[] totals = new long[4];
			for (int h = 0; h < households; h++) {
				int number = h / perBuilding + 1;
				if (h % perBuilding == 0) {
					text.setLength(0);
					if (urban) {
						text.append(number).append("号楼");
					}
					else {
						text.append('第').append(number).append('排');
					}
					buildingId = orgLoad.building(gridId, gridPath, text);
				}
				int inBuilding = h % perBuilding;
				door.setLength(0);
				if (urban) {
					door.append(inBuilding / 20 + 1)
						.append('-')
						.append(inBuilding % 20 / 2 + 1)
						.append('0')
						.append(inBuilding % 2 + 1);
				}
				else {
					door.append(inBuilding + 1).append('号');
				}
				int size = householdSize();
				address.setLength(0);
				address.append(villageName);
				if (urban) {
					address.append(number).append("号楼").append(door);
				}
				else {
					address.append('第').append(number).append('排').append(door);
				}
				long householdId = orgLoad
					.household(new HouseholdRow(gridId, buildingId, gridPath, address, door, size));
				for (int p = 0; p < size; p++) {
					int roles = person(householdId, gridId, gridPath, branch, villageSlots, townshipSlots);
					totals[2] += roles & PARTY_MEMBER;
					totals[3] += (roles & CADRE) >> 1;
				}
				totals[0]++;
				totals[1] += size;
			}
			return totals;
		}

		/**
		 * One resident: {@link #PARTY_MEMBER}, with {@link #CADRE} when they are a cadre
		 * (cadres are party members too), or 0.
		 */
		private int person(long householdId, long gridId, String gridPath, long branch, Deque<Slot> villageSlots,
				Deque<Slot> townshipSlots) throws SQLException {
			// (birth day, sequence) is unique per county: n spreads over the days by a
			// multiplier coprime
			// with BIRTH_DAYS, and n / BIRTH_DAYS with the sex bit makes the 3-digit
			// sequence
			long n = personSequence++;
			boolean male = random.nextBoolean();
			int day = (int) (n * 7919 % IdNumbers.BIRTH_DAYS);
			int sequence = (int) (n / IdNumbers.BIRTH_DAYS) * 2 + (male ? 1 : 0);
			phone.setLength(0);
			boolean hasPhone = random.nextInt(10) < 7;
			if (hasPhone) {
				phone.append('1').append(3 + random.nextInt(7));
				appendDigits(phone, random.nextInt(1_000_000_000), 9);
			}
			name.setLength(0);
			Names.appendPerson(name, random, male);
			LocalDate birth = IdNumbers.birthDate(day);
			long personId = peopleLoad.person(new PersonRow(name, ids.of(day, sequence), birth, male ? 'M' : 'F',
					hasPhone ? phone : null, householdId, gridId, gridPath));
			residents++;
			if (residents % 100_000 == 0) {
				progress.accept(residents);
			}
			int age = AGE_YEAR - IdNumbers.birthYear(day);
			Slot slot = age >= 23 && age <= 58 ? slotFor(villageSlots, townshipSlots) : null;
			if (slot != null) {
				cadre(personId, birth, slot);
				return PARTY_MEMBER | CADRE;
			}
			boolean partyMember = age >= 18 && random.nextInt(1000) < 65;
			if (partyMember) {
				partyMember(personId, birth, branch);
			}
			if (age >= 22 && age <= 60 && random.nextInt(1000) < 6) {
				String institution = random.nextBoolean() ? county.name() + "人民医院" : "沧州市中心医院";
				peopleLoad
					.role(RoleRow.medicalStaff(personId, institution, DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]));
			}
			if (age >= 16 && age <= 70 && random.nextInt(100) < 3) {
				peopleLoad.role(RoleRow.volunteer(personId));
			}
			return partyMember ? PARTY_MEMBER : 0;
		}

		private Slot slotFor(Deque<Slot> villageSlots, Deque<Slot> townshipSlots) {
			if (!villageSlots.isEmpty()) {
				return villageSlots.poll();
			}
			if (!townshipSlots.isEmpty()) {
				return townshipSlots.poll();
			}
			eligibleSeen++;
			if (!countySlots.isEmpty() && eligibleSeen % countyStride == 0) {
				return countySlots.poll();
			}
			if (!citySlots.isEmpty() && (eligibleSeen + 1) % cityStride == 0) {
				return citySlots.poll();
			}
			return null;
		}

		private void cadre(long personId, LocalDate birth, Slot slot) throws SQLException {
			if (slot.tag() != null) {
				tagged.put(slot.tag(), personId);
			}
			peopleLoad.role(RoleRow.cadre(personId, slot.rank(), slot.position(), slot.unitId()));
			partyMember(personId, birth, slot.partyOrganisationId());
			if (slot.dispatchingUnitId() != null) {
				peopleLoad.role(RoleRow.firstSecretary(personId, slot.dispatchingUnitId(), slot.villageId()));
			}
		}

		private void partyMember(long personId, LocalDate birth, long organisation) throws SQLException {
			LocalDate joined = birth.plusYears(18 + random.nextInt(20));
			// drawn whether used or not: the random stream stays the same on any day
			int daysBefore = 1 + random.nextInt(300);
			if (joined.isAfter(calendar.start())) {
				joined = calendar.start().minusDays(daysBefore);
			}
			peopleLoad.role(RoleRow.partyMember(personId, organisation, joined,
					random.nextInt(20) == 0 ? Membership.PROBATIONARY : Membership.FORMAL));
		}

		private void temporaryOrganisations(List<Long> townshipOrganisations) throws SQLException {
			TemporaryCategory[] categories = { TemporaryCategory.MEDICAL_TREATMENT,
					TemporaryCategory.EPIDEMIC_MONITORING, TemporaryCategory.TRANSPORT_QUARANTINE,
					TemporaryCategory.SUPPLIES, TemporaryCategory.SOCIAL_STABILITY };
			String[] posts = { "人民医院隔离病区", "疫情监测点", "高速口卡点", "防疫物资保障站", "社会稳定工作专班" };
			String[] names = { "医疗救治临时党支部", "疫情监测临时党支部", "交通检疫临时党支部", "物资保障临时党支部", "社会稳定临时党支部" };
			for (int i = 0; i < temporaryOrganisations; i++) {
				int category = i % categories.length;
				String code = "T" + county.code() + "-" + String.format("%04d", i + 1);
				organisation(code, county.name() + posts[category] + (i / categories.length + 1) + names[category],
						PartyOrganisationKind.BRANCH, countyOrganisationId,
						"/" + cityOrganisationId + "/" + countyOrganisationId + "/", countyId, countyPath, null,
						categories[category], county.name() + posts[category] + (i / categories.length + 1),
						calendar.day(1 + random.nextInt(21)));
			}
		}

		private int householdSize() {
			int roll = random.nextInt(100);
			return roll < 15 ? 1 : roll < 43 ? 2 : roll < 70 ? 3 : roll < 88 ? 4 : roll < 96 ? 5 : 6;
		}

		private double[] jitter(int parts) {
			double[] weights = new double[parts];
			for (int i = 0; i < parts; i++) {
				weights[i] = 0.75 + random.nextDouble() * 0.5;
			}
			return weights;
		}

	}

	private long region(String code, String name, RegionLevel level, long parentId, String path) throws SQLException {
		return orgLoad.region(new RegionRow(code, name, level, parentId, path));
	}

	private long unit(String code, String name, UnitKind kind, long regionId, String path) throws SQLException {
		return orgLoad.unit(new UnitRow(code, name, kind, regionId, path));
	}

	private long organisation(String code, String name, PartyOrganisationKind kind, Long parentId, String parentOrgPath,
			long regionId, String path, Long unitId, TemporaryCategory category, String post, LocalDate setUpOn)
			throws SQLException {
		return orgLoad.partyOrganisation(new PartyOrganisationRow(code, name, kind, parentId, parentOrgPath, regionId,
				path, unitId, category, post, setUpOn));
	}

	private static void add(long[] into, long[] values) {
		for (int i = 0; i < into.length; i++) {
			into[i] += values[i];
		}
	}

	/** Appends a non-negative number as exactly this many digits, zero-padded. */
	private static void appendDigits(StringBuilder into, int value, int digits) {
		int start = into.length();
		into.setLength(start + digits);
		for (int i = start + digits - 1; i >= start; i--) {
			into.setCharAt(i, (char) ('0' + value % 10));
			value /= 10;
		}
	}

	private static String two(int n) {
		return String.format("%02d", n);
	}

	private static String three(int n) {
		return String.format("%03d", n);
	}

}
