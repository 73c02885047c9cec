package cn.huoxian.volunteer;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.REGION;
import static cn.huoxian.db.Tables.UNIT;
import static cn.huoxian.db.Tables.VOLUNTEER_CLAIM;
import static cn.huoxian.db.Tables.VOLUNTEER_NEED;
import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Role;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import cn.huoxian.support.TestClock;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 16's 双报到 through the API: a unit reporting in and the community's receipt, a
 * member registering where they live for six months, a need claimed never beyond its
 * people (also by many at once), hours confirmed into the record, the headline, the
 * unit's member hours and the community's ledger, with the scope of every endpoint.
 */
@SqlTest
@Import(TestClock.Config.class)
class VolunteerApiTests {

	/** Tuesday 10 March 2026, 10:00 in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

	/** Thursday 12 March, 13:00 in Shanghai: the need of that morning has started. */
	private static final Instant THURSDAY_NOON = Instant.parse("2026-03-12T05:00:00Z");

	private static final String API = "/api/v1/volunteer";

	private static final String NEED = "{\"communityCode\":\"%s\",\"kind\":\"CHECKPOINT_DUTY\",\"title\":\"小区门岗值守\","
			+ "\"place\":\"东门\",\"startsAt\":\"2026-03-12T08:00:00+08:00\",\"endsAt\":\"2026-03-12T12:00:00+08:00\","
			+ "\"people\":%d}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock clock;

	@Autowired
	DSLContext db;

	@Autowired
	Claims claims;

	@Autowired
	VolunteerFigures.Report reportFigures;

	long unit;

	String unitCode;

	long organisation;

	/** Two communities of 新华区 and one of 运河区. */
	String community;

	String otherCommunity;

	String yunhe;

	String unitStaff;

	@BeforeEach
	void setUp() throws Exception {
		clock.reset();
		var u = db.select(UNIT.ID, UNIT.CODE, UNIT.PARTY_ORGANISATION_ID)
			.from(UNIT)
			.where(UNIT.PATH.like("/130900/130902/%"), UNIT.PARTY_ORGANISATION_ID.isNotNull())
			.orderBy(UNIT.ID)
			.limit(1)
			.fetchOne();
		unit = u.value1();
		unitCode = u.value2();
		organisation = u.value3();
		community = villages("130902", 1).get(0);
		otherCommunity = newVillage(community);
		yunhe = villages("130903", 1).get(0);
		unitStaff = "unit" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		accounts.create(new NewAccount(unitStaff, Api.PASSWORD, Role.UNIT_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.UNIT, unitCode))));
		for (String user : List.of("admin", "xinhua", "grid01", unitStaff)) {
			Api.token(mvc, user);
		}
		clock.set(NOW);
	}

	@AfterEach
	void backToTheSystemClock() {
		clock.reset();
	}

	private List<String> villages(String county, int n) {
		return db.select(REGION.CODE)
			.from(REGION)
			.where(REGION.PATH.like("/130900/" + county + "/%"), REGION.REGION_LEVEL.eq("VILLAGE"))
			.orderBy(REGION.CODE)
			.limit(n)
			.fetch(REGION.CODE);
	}

	/**
	 * A new village in the township of a community (the test city may have one per
	 * township).
	 */
	private String newVillage(String beside) throws Exception {
		String township = beside.substring(0, 9) + "000";
		for (int tries = 0;; tries++) {
			String code = beside.substring(0, 9) + (900 + new SplittableRandom().nextInt(99));
			var response = mvc
				.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + code + "\",\"name\":\"双报到社区" + code.substring(9) + "\",\"parentCode\":\""
							+ township + "\"}"))
				.andReturn()
				.getResponse();
			if (response.getStatus() == 201 || tries > 20) {
				assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
				return code;
			}
		}
	}

	/**
	 * A party member of the unit living in a region, with a self-service account: (id,
	 * account).
	 */
	private Member member(String region) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		long id = id(call("admin",
				post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"报到党员\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + region
							+ "\",\"roles\":[{\"role\":\"PARTY_MEMBER\",\"partyOrganisationId\":" + organisation
							+ ",\"joinedOn\":\"2001-07-01\",\"membership\":\"FORMAL\"}]}"),
				201));
		String username = "pm" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, id, List.of()));
		// tokens live 12 hours from the system clock's now
		Instant at = clock.instant();
		clock.reset();
		Api.token(mvc, username);
		clock.set(at);
		return new Member(id, username);
	}

	record Member(long id, String account) {
	}

	private Member registered(String region) throws Exception {
		Member m = member(region);
		call(m.account(), post(API + "/registrations"), 201);
		return m;
	}

	private long need(String user, String code, int people) throws Exception {
		return id(call(user,
				post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(code, people)),
				201));
	}

	private String call(String user, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(as(mvc, user, request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(user + " " + response.getContentAsString()).isEqualTo(expected);
		return response.getContentAsString();
	}

	private static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private static String detail(String json) {
		return JsonPath.read(json, "$.detail");
	}

	private static List<String> fields(String json) {
		return JsonPath.read(json, "$.errors[*].field");
	}

	@Test
	void aMemberRegistersWithTheCommunityWhereTheyLiveForSixMonths() throws Exception {
		Member m = member(community);
		String made = call(m.account(), post(API + "/registrations"), 201);
		assertThat((String) JsonPath.read(made, "$.communityCode")).isEqualTo(community);
		assertThat((String) JsonPath.read(made, "$.expiresOn")).isEqualTo("2026-09-10");
		assertThat(((Number) JsonPath.read(made, "$.unitId")).longValue()).isEqualTo(unit);
		assertThat((Boolean) JsonPath.read(made, "$.active")).isTrue();
		assertThat((String) JsonPath.read(call(m.account(), get(API + "/registrations/mine"), 200), "$.communityCode"))
			.isEqualTo(community);
		// five months on it is due
		clock.set(Instant.parse("2026-08-20T02:00:00Z"));
		assertThat((Boolean) JsonPath.read(call(m.account(), get(API + "/registrations/mine"), 200), "$.due")).isTrue();
		// lapsed: the member reads no needs and claims none until they register again
		long need = id(call("xinhua", post(API + "/needs").contentType(MediaType.APPLICATION_JSON)
			.content(NEED.formatted(community, 2).replace("2026-03-12", "2026-09-15")), 201));
		clock.set(Instant.parse("2026-09-11T02:00:00Z"));
		assertThat((Boolean) JsonPath.read(call(m.account(), get(API + "/registrations/mine"), 200), "$.active"))
			.isFalse();
		call(m.account(), get(API + "/needs/" + need), 404);
		// registering again renews it from that day
		assertThat((String) JsonPath.read(call(m.account(), post(API + "/registrations"), 201), "$.expiresOn"))
			.isEqualTo("2027-03-11");
		call(m.account(), get(API + "/needs/" + need), 200);

		// someone who is not a party member, or whose home is not in a community, is
		// refused in words
		long plain = id(call("admin",
				post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"群众\",\"idNumber\":\"" + cn.huoxian.support.TestIdNumbers.fresh()
							+ "\",\"regionCode\":\"" + community + "\"}"),
				201));
		assertThat(detail(call("xinhua", post(API + "/registrations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + plain + "}"), 422))).contains("不是党员");
		Member atDistrict = member("130902");
		assertThat(detail(call(atDistrict.account(), post(API + "/registrations"), 422))).contains("没有登记到村（社区）");
		// region staff register a member in their scope; 运河区's staff cannot name them
		Member helped = member(community);
		call("xinhua", post(API + "/registrations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + helped.id() + "}"), 201);
		String yunheStaff = Api.regionStaff(accounts, "130903");
		clock.reset();
		Api.token(mvc, yunheStaff);
		clock.set(NOW);
		assertThat(fields(call(yunheStaff, post(API + "/registrations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\":" + helped.id() + "}"), 404))).containsExactly("personId");
	}

	@Test
	void aUnitReportsInToACommunityInItsAreaAndTheCommunityGivesAReceipt() throws Exception {
		String fresh = newVillage(community);
		String body = "{\"unitId\":" + unit + ",\"communityCode\":\"%s\",\"note\":\"机关党支部报到\"}";
		String report = call(unitStaff,
				post(API + "/unit-reports").contentType(MediaType.APPLICATION_JSON).content(body.formatted(fresh)),
				201);
		long id = id(report);
		assertThat((Object) JsonPath.read(report, "$.receivedAt")).isNull();
		// once per community
		call(unitStaff,
				post(API + "/unit-reports").contentType(MediaType.APPLICATION_JSON).content(body.formatted(fresh)),
				409);
		// a community outside the unit's area answers like one that does not exist
		String outside = call(unitStaff,
				post(API + "/unit-reports").contentType(MediaType.APPLICATION_JSON).content(body.formatted(yunhe)),
				404);
		String missing = call(unitStaff, post(API + "/unit-reports").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("130902999999")), 404);
		assertThat(fields(outside)).containsExactly("communityCode").isEqualTo(fields(missing));
		// the unit's staff cannot give the receipt; the community's staff can, once
		call(unitStaff, post(API + "/unit-reports/" + id + "/receipt"), 403);
		String received = call("xinhua", post(API + "/unit-reports/" + id + "/receipt"), 200);
		assertThat((Object) JsonPath.read(received, "$.receivedAt")).isNotNull();
		assertThat((String) JsonPath.read(received, "$.receivedBy")).isEqualTo("xinhua");
		call("xinhua", post(API + "/unit-reports/" + id + "/receipt"), 422);
		assertThat(JsonPath.<List<String>>read(call(unitStaff, get(API + "/units/" + unit + "/reports"), 200),
				"$[*].communityCode"))
			.contains(fresh);
		String members = call("xinhua", get(API + "/communities/" + fresh + "/members"), 200);
		assertThat(JsonPath.<List<String>>read(members, "$.units[*].unitName")).isNotEmpty();
		// 运河区's staff read neither, and cannot give the receipt
		String yunheStaff = Api.regionStaff(accounts, "130903");
		clock.reset();
		Api.token(mvc, yunheStaff);
		clock.set(NOW);
		call(yunheStaff, post(API + "/unit-reports/" + id + "/receipt"), 404);
		call(yunheStaff, get(API + "/units/" + unit + "/reports"), 404);
	}

	@Test
	void aNeedForNPeopleNeverHoldsNPlusOneClaims() throws Exception {
		long need = need("xinhua", community, 2);
		Member a = registered(community);
		Member b = registered(community);
		Member c = registered(community);
		long claimA = id(call(a.account(), post(API + "/needs/" + need + "/claims"), 201));
		call(b.account(), post(API + "/needs/" + need + "/claims"), 201);
		assertThat(detail(call(c.account(), post(API + "/needs/" + need + "/claims"), 422))).contains("2 个名额已满");
		assertThat(detail(call(a.account(), post(API + "/needs/" + need + "/claims"), 422))).contains("已认领");
		// a place given back before the start is free again
		call(a.account(), post(API + "/claims/" + claimA + "/withdraw"), 200);
		call(c.account(), post(API + "/needs/" + need + "/claims"), 201);
		assertThat((Integer) JsonPath.read(call("xinhua", get(API + "/needs/" + need), 200), "$.taken")).isEqualTo(2);
		// a member registered elsewhere, or not at all, claims nothing here
		Member elsewhere = registered(otherCommunity);
		call(elsewhere.account(), post(API + "/needs/" + need + "/claims"), 404);
		Member unregistered = member(community);
		call(unregistered.account(), post(API + "/needs/" + need + "/claims"), 404);
		// once it has started nobody claims
		clock.set(THURSDAY_NOON);
		call(a.account(), post(API + "/claims/" + claimA + "/withdraw"), 422);
		assertThat(detail(call(a.account(), post(API + "/needs/" + need + "/claims"), 422))).contains("已经开始");
	}

	@Test
	void manyClaimingAtOnceNeverOverfillANeed() throws Exception {
		long need = need("xinhua", community, 5);
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			members.add(registered(community));
		}
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger refused = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> tries = new ArrayList<>();
			for (Member m : members) {
				CurrentUser self = new CurrentUser(m.account(), m.id(), Role.PARTY_MEMBER,
						new DataScope(List.of(), List.of(), List.of(), m.id()));
				tries.add(pool.submit(() -> {
					start.await();
					try {
						claims.claim(need, self);
						return true;
					}
					catch (RuleViolationException ex) {
						refused.incrementAndGet();
						return false;
					}
				}));
			}
			start.countDown();
			int claimed = 0;
			for (Future<Boolean> t : tries) {
				claimed += t.get() ? 1 : 0;
			}
			assertThat(claimed).isEqualTo(5);
			assertThat(refused.get()).isEqualTo(11);
		}
		finally {
			pool.shutdown();
		}
		assertThat(db.fetchCount(VOLUNTEER_CLAIM,
				VOLUNTEER_CLAIM.NEED_ID.eq(need).and(VOLUNTEER_CLAIM.STATUS.eq(ClaimStatus.CLAIMED.name()))))
			.isEqualTo(5);
		assertThat(db.select(VOLUNTEER_NEED.TAKEN)
			.from(VOLUNTEER_NEED)
			.where(VOLUNTEER_NEED.ID.eq(need))
			.fetchOne(0, Integer.class)).isEqualTo(5);
	}

	@Test
	void theCommunityConfirmsHoursIntoTheRecordTheHeadlineAndTheUnitsLedger() throws Exception {
		long before = headlineHours();
		long registeredBefore = ((Number) JsonPath.read(call("admin", get("/api/v1/stats/headline?region=130902"), 200),
				"$.registeredPartyMembers"))
			.longValue();
		long need = need("xinhua", community, 3);
		Member a = registered(community);
		Member b = registered(community);
		Member idle = member(community);
		long claimA = id(call(a.account(), post(API + "/needs/" + need + "/claims"), 201));
		long claimB = id(call(b.account(), post(API + "/needs/" + need + "/claims"), 201));
		assertThat(((Number) JsonPath.read(call("admin", get("/api/v1/stats/headline?region=130902"), 200),
				"$.registeredPartyMembers"))
			.longValue()).isEqualTo(registeredBefore + 2);
		// not before it starts
		assertThat(detail(
				call("xinhua", post(API + "/claims/" + claimA + "/confirm").contentType(MediaType.APPLICATION_JSON)
					.content("{\"hours\":4}"), 422)))
			.contains("开始后");
		clock.set(THURSDAY_NOON);
		// a member cannot confirm their own hours; hours out of range are refused by
		// field
		call(a.account(), post(API + "/claims/" + claimA + "/confirm").contentType(MediaType.APPLICATION_JSON)
			.content("{\"hours\":4}"), 403);
		assertThat(fields(
				call("xinhua", post(API + "/claims/" + claimA + "/confirm").contentType(MediaType.APPLICATION_JSON)
					.content("{\"hours\":30}"), 400)))
			.containsExactly("hours");
		String confirmed = call("xinhua",
				post(API + "/claims/" + claimA + "/confirm").contentType(MediaType.APPLICATION_JSON)
					.content("{\"hours\":3.5}"),
				200);
		assertThat((String) JsonPath.read(confirmed, "$.status")).isEqualTo("CONFIRMED");
		assertThat(((Number) JsonPath.read(confirmed, "$.hours")).doubleValue()).isEqualTo(3.5);
		assertThat((String) JsonPath.read(call("xinhua", post(API + "/claims/" + claimB + "/absent"), 200), "$.status"))
			.isEqualTo("ABSENT");
		// into the record, once, and corrected in place
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> db.fetchExists(RECORD_ENTRY,
					RECORD_ENTRY.PERSON_ID.eq(a.id())
						.and(RECORD_ENTRY.KIND.eq("SERVICE_HOURS"))
						.and(RECORD_ENTRY.SOURCE_ID.eq(String.valueOf(claimA)))));
		assertThat(db.fetchCount(RECORD_ENTRY, RECORD_ENTRY.PERSON_ID.eq(b.id()))).isZero();
		// corrected: the ledger's hours change, the record keeps its one entry
		call("xinhua", post(API + "/claims/" + claimA + "/confirm").contentType(MediaType.APPLICATION_JSON)
			.content("{\"hours\":4}"), 200);
		assertThat(db.fetchCount(RECORD_ENTRY,
				RECORD_ENTRY.SOURCE_ID.eq(String.valueOf(claimA)).and(RECORD_ENTRY.KIND.eq("SERVICE_HOURS"))))
			.isEqualTo(1);
		// the headline counts the week's hours, the community's daily report the services
		// of the day
		assertThat(headlineHours()).isEqualTo(before + 4);
		java.util.Map<String, Long> report = new java.util.HashMap<>();
		reportFigures.addTo(report,
				cn.huoxian.shared.RegionPath
					.of(db.select(REGION.PATH).from(REGION).where(REGION.CODE.eq(community)).fetchOne(REGION.PATH)),
				LocalDate.of(2026, 3, 12));
		assertThat(report.get("volunteersServed")).as("a confirmed, b absent").isEqualTo(1L);
		// the unit sees its member's hours by kind, and who has not registered
		String hours = call(unitStaff, get(API + "/units/" + unit + "/members?from=2026-03-01&to=2026-03-31"), 200);
		assertThat(
				JsonPath.<List<Double>>read(hours, "$.members[?(@.personId == " + a.id() + ")].byKind.CHECKPOINT_DUTY"))
			.containsExactly(4.0);
		assertThat(JsonPath.<List<Boolean>>read(hours, "$.members[?(@.personId == " + idle.id() + ")].registered"))
			.containsExactly(false);
		String unregistered = call(unitStaff,
				get(API + "/units/" + unit + "/members?from=2026-03-01&to=2026-03-31&unregistered=true"), 200);
		assertThat(JsonPath.<List<Integer>>read(unregistered, "$.members[*].personId")).contains((int) idle.id())
			.doesNotContain((int) a.id());
		// the community sees who serves it, and its ledger
		String serving = call("xinhua",
				get(API + "/communities/" + community + "/members?from=2026-03-01&to=2026-03-31&size=500"), 200);
		assertThat(JsonPath.<List<Double>>read(serving, "$.members.items[?(@.personId == " + a.id() + ")].hours"))
			.containsExactly(4.0);
		for (String xlsx : List.of(API + "/communities/" + community + "/ledger.xlsx?from=2026-03-01&to=2026-03-31",
				API + "/units/" + unit + "/members.xlsx?from=2026-03-01&to=2026-03-31")) {
			var response = mvc.perform(as(mvc, "xinhua", get(xlsx))).andReturn().getResponse();
			assertThat(response.getStatus()).as(xlsx).isEqualTo(200);
			assertThat(response.getContentType()).contains("spreadsheetml");
			assertThat(response.getContentAsByteArray().length).isGreaterThan(1000);
		}
		// the member's own claims show the confirmed hours
		assertThat(JsonPath.<List<String>>read(call(a.account(), get(API + "/claims/mine"), 200), "$[*].status"))
			.contains("CONFIRMED");
	}

	private long headlineHours() throws Exception {
		return ((Number) JsonPath.read(call("admin", get("/api/v1/stats/headline?region=130902"), 200),
				"$.volunteerHoursThisWeek"))
			.longValue();
	}

	@Test
	void everyEndpointKeepsToTheCallersScope() throws Exception {
		long need = need("xinhua", community, 3);
		Member a = registered(community);
		long claim = id(call(a.account(), post(API + "/needs/" + need + "/claims"), 201));
		String yunheStaff = Api.regionStaff(accounts, "130903");
		clock.reset();
		Api.token(mvc, yunheStaff);
		clock.set(NOW);
		// 运河区's staff: the community, the need, the claim, the unit read like missing
		// ones
		assertThat(fields(call(yunheStaff,
				post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(community, 2)),
				404)))
			.containsExactly("communityCode");
		call(yunheStaff, get(API + "/needs/" + need), 404);
		call(yunheStaff, get(API + "/needs/" + need + "/claims"), 404);
		call(yunheStaff, get(API + "/needs?community=" + community), 404);
		call(yunheStaff, post(API + "/needs/" + need + "/cancel"), 404);
		call(yunheStaff, post(API + "/claims/" + claim + "/absent"), 404);
		call(yunheStaff, post(API + "/claims/" + claim + "/confirm").contentType(MediaType.APPLICATION_JSON)
			.content("{\"hours\":2}"), 404);
		call(yunheStaff, get(API + "/communities/" + community + "/members"), 404);
		call(yunheStaff, get(API + "/communities/" + community + "/ledger.xlsx"), 404);
		call(yunheStaff, get(API + "/units/" + unit + "/members"), 404);
		call(yunheStaff, get(API + "/units/" + unit + "/members.xlsx"), 404);
		// a member registered elsewhere reads nothing of this community
		Member elsewhere = registered(otherCommunity);
		call(elsewhere.account(), get(API + "/needs/" + need), 404);
		call(elsewhere.account(), post(API + "/claims/" + claim + "/withdraw"), 404);
		assertThat(JsonPath.<List<Integer>>read(call(elsewhere.account(), get(API + "/needs"), 200), "$.items[*].id"))
			.doesNotContain((int) need);
		// the member reads their own community's needs but publishes, cancels and
		// confirms nothing
		assertThat(JsonPath.<List<Integer>>read(call(a.account(), get(API + "/needs"), 200), "$.items[*].id"))
			.contains((int) need);
		call(a.account(),
				post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(community, 2)),
				404);
		call(a.account(), post(API + "/needs/" + need + "/cancel"), 403);
		call(a.account(), get(API + "/communities/" + community + "/members"), 404);
		call(a.account(), get(API + "/units/" + unit + "/members"), 404);
		// another member cannot give back a's place
		Member b = registered(community);
		call(b.account(), post(API + "/claims/" + claim + "/withdraw"), 403);
		// the unit's staff read their unit, not the community's people; the grid worker
		// publishes nothing outside their grid
		call(unitStaff, get(API + "/communities/" + community + "/members"), 404);
		call(unitStaff, get(API + "/needs/" + need), 404);
		call("grid01",
				post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(community, 2)),
				404);
		// the community's staff cancel a need not started; its claims lapse with it
		call("xinhua", post(API + "/needs/" + need + "/cancel"), 200);
		assertThat(detail(call(b.account(), post(API + "/needs/" + need + "/claims"), 422))).contains("已取消");
	}

	@Test
	void aNeedIsCheckedFieldByField() throws Exception {
		String bad = "{\"communityCode\":\"" + community + "\",\"kind\":\"DANCING\",\"title\":\" \","
				+ "\"startsAt\":\"2026-03-12T12:00:00+08:00\",\"endsAt\":\"2026-03-12T08:00:00+08:00\",\"people\":0}";
		String answer = call("xinhua", post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(bad), 400);
		assertThat(fields(answer)).contains("people");
		String service = "{\"communityCode\":\"" + community + "\",\"kind\":\"DANCING\",\"title\":\" \","
				+ "\"startsAt\":\"2026-03-12T12:00:00+08:00\",\"endsAt\":\"2026-03-12T08:00:00+08:00\",\"people\":2}";
		assertThat(fields(
				call("xinhua", post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(service), 400)))
			.containsExactlyInAnyOrder("kind", "title", "endsAt");
		String far = NEED.formatted(community, 2).replace("2026-03-12", "2026-07-12");
		assertThat(
				fields(call("xinhua", post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(far), 400)))
			.containsExactly("startsAt");
		// a township is not a community
		String township = db.select(REGION.CODE)
			.from(REGION)
			.where(REGION.PATH.like("/130900/130902/%"), REGION.REGION_LEVEL.eq("TOWNSHIP"))
			.limit(1)
			.fetchOne(REGION.CODE);
		assertThat(fields(call("xinhua",
				post(API + "/needs").contentType(MediaType.APPLICATION_JSON).content(NEED.formatted(township, 2)),
				400)))
			.containsExactly("communityCode");
		assertThat(db.fetchCount(VOLUNTEER_NEED, VOLUNTEER_NEED.TITLE.eq(" "))).isZero();
	}

}
