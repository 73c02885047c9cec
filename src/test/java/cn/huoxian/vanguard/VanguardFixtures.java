package cn.huoxian.vanguard;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the party-members-at-the-front tests share: requests as the demo accounts, party
 * members and other residents of 新华区 (130902), a temporary organisation of their own, an
 * account of another district (运河区, 130903) and self-service accounts.
 */
final class VanguardFixtures {

	static final String DISTRICT = "130902";

	private static final DataScope CITY = DataScope.ofRegions(RegionPath.root("130900"));

	private static String outsider;

	private final MockMvc mvc;

	private final People people;

	private final Accounts accounts;

	private final org.jooq.DSLContext db;

	VanguardFixtures(MockMvc mvc, People people, Accounts accounts, org.jooq.DSLContext db) {
		this.db = db;
		this.mvc = mvc;
		this.people = people;
		this.accounts = accounts;
	}

	static LocalDate today() {
		return BusinessDay.today(java.time.Clock.systemUTC());
	}

	String send(String user, MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(as(mvc, user, request))
			.andExpect(result -> status().is(Api.refusedAs(expected, result.getResponse().getStatus())).match(result))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String post(String user, String url, String body, int expected) throws Exception {
		return send(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url), body,
				expected);
	}

	String get(String user, String url, int expected) throws Exception {
		return send(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url), null, expected);
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	/** Party members of 新华区. */
	/**
	 * Party members of 新华区 not currently in a commando team (one member, one team: the
	 * demo city's teams already hold some).
	 */
	List<Long> partyMembers() {
		var inTeams = db.select(cn.huoxian.db.Tables.COMMANDO_MEMBER.PERSON_ID)
			.from(cn.huoxian.db.Tables.COMMANDO_MEMBER)
			.where(cn.huoxian.db.Tables.COMMANDO_MEMBER.LEFT_ON.isNull())
			.fetchSet(cn.huoxian.db.Tables.COMMANDO_MEMBER.PERSON_ID);
		return residents().stream()
			.filter(p -> p.holds(RoleKind.PARTY_MEMBER) && !inTeams.contains(p.id()))
			.map(PersonView::id)
			.toList();
	}

	/** A resident of 新华区 who is not a party member. */
	long nonMember() {
		return residents().stream().filter(p -> !p.holds(RoleKind.PARTY_MEMBER)).findFirst().orElseThrow().id();
	}

	private List<PersonView> residents() {
		return people.search(DISTRICT, null, 0, 500, CITY).items();
	}

	/** A new temporary party organisation at a checkpoint in 新华区, set up 10 days ago. */
	long temporaryOrganisation() throws Exception {
		String code = "TMP-C" + Api.unique() + System.nanoTime() % 100000;
		String body = post("admin", "/api/v1/party-organisations",
				"{\"code\":\"" + code + "\",\"name\":\"临时党支部" + code + "\",\"kind\":\"BRANCH\",\"regionCode\":\""
						+ DISTRICT + "\",\"temporary\":true,\"category\":\"TRANSPORT_QUARANTINE\","
						+ "\"post\":\"高速卡口\",\"setUpOn\":\"" + today().minusDays(10) + "\"}",
				201);
		return id(body);
	}

	/** A commando team of a new temporary organisation, formed 5 days ago in 新华区. */
	long team(String name) throws Exception {
		long organisation = temporaryOrganisation();
		return id(post("xinhua", "/api/v1/deployment/teams",
				"{\"name\":\"" + name + "\",\"partyOrganisationId\":" + organisation + ",\"leaderId\":"
						+ partyMembers().get(0) + ",\"task\":\"卡口值守\",\"formedOn\":\"" + today().minusDays(5) + "\"}",
				201));
	}

	/** Region staff of 运河区: everything in 新华区 is outside their scope. */
	synchronized String outsider() {
		if (outsider == null) {
			outsider = "yunhe" + System.nanoTime();
			accounts.create(new NewAccount(outsider, Api.PASSWORD, Role.REGION_STAFF, null,
					List.of(ScopeRoot.region("130903"))));
		}
		return outsider;
	}

	/** A party member's self-service account. */
	String selfService(long personId) {
		String username = "pm" + System.nanoTime();
		accounts.create(new NewAccount(username, Api.PASSWORD, Role.PARTY_MEMBER, personId, List.of()));
		return username;
	}

}
