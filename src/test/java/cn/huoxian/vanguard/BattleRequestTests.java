package cn.huoxian.vanguard;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.people.People;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Battle requests: party members only, accepted into a team (membership and both events)
 * or a post, or declined with a note, once; self-service submission; scope.
 */
@SqlTest
@RecordApplicationEvents
class BattleRequestTests {

	private static final String URL = "/api/v1/deployment/battle-requests";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEvents events;

	VanguardFixtures f;

	@BeforeEach
	void fixtures() {
		f = new VanguardFixtures(mvc, people, accounts, db);
	}

	private long submit(String user, long person) throws Exception {
		return VanguardFixtures.id(f.post(user, URL, "{\"personId\":" + person + ",\"text\":\"我是党员，我请战！\"}", 201));
	}

	@Test
	void onlyPartyMembersSubmitWithATextAndNoFutureDate() throws Exception {
		long pm = f.partyMembers().get(0);
		String refused = f.post("xinhua", URL, "{\"personId\":" + f.nonMember() + ",\"text\":\"请战\"}", 400);
		assertThat(refused).contains("不是党员");
		f.post("xinhua", URL, "{\"personId\":" + pm + "}", 400);
		f.post("xinhua", URL, "{\"personId\":" + pm + ",\"text\":\"" + "战".repeat(2001) + "\"}", 400);
		f.post("xinhua", URL, "{\"personId\":" + pm + ",\"text\":\"请战\",\"submittedOn\":\""
				+ VanguardFixtures.today().plusDays(1) + "\"}", 400);
		String ok = f.post("xinhua", URL, "{\"personId\":" + pm + ",\"text\":\"" + "战".repeat(2000) + "\"}", 201);
		assertThat(JsonPath.<String>read(ok, "$.status")).isEqualTo("SUBMITTED");
		assertThat(JsonPath.<String>read(ok, "$.submittedOn")).isEqualTo(VanguardFixtures.today().toString());
	}

	@Test
	void acceptedIntoATeamThePersonJoinsItAndBothEventsArePublished() throws Exception {
		long team = f.team("请战突击队");
		long pm = f.partyMembers().get(2);
		long request = submit("xinhua", pm);
		f.post("xinhua", URL + "/" + request + "/accept", "{}", 400);
		f.post("xinhua", URL + "/" + request + "/accept", "{\"teamId\":" + team + ",\"post\":\"卡口\"}", 400);
		String accepted = f.post("xinhua", URL + "/" + request + "/accept", "{\"teamId\":" + team + "}", 200);
		assertThat(JsonPath.<String>read(accepted, "$.status")).isEqualTo("ACCEPTED");
		assertThat(((Number) JsonPath.read(accepted, "$.teamId")).longValue()).isEqualTo(team);
		List<Integer> members = JsonPath.read(f.get("xinhua", "/api/v1/deployment/teams/" + team, 200),
				"$.members[?(@.leftOn == null)].personId");
		assertThat(members).contains((int) pm);
		assertThat(events.stream(Events.TeamJoined.class).filter(e -> e.teamId() == team && e.personId() == pm))
			.hasSize(1);
		assertThat(events.stream(Events.BattleRequestAccepted.class)
			.filter(e -> e.requestId() == request && e.personId() == pm && Long.valueOf(team).equals(e.teamId())))
			.hasSize(1);
		// deciding twice
		String twice = f.post("xinhua", URL + "/" + request + "/decline", "{\"note\":\"人员已满\"}", 422);
		assertThat(JsonPath.<String>read(twice, "$.detail")).contains("已于").contains("接受");
		f.post("xinhua", URL + "/" + request + "/accept", "{\"post\":\"高速卡口\"}", 422);
	}

	@Test
	void acceptedIntoAPostOrDeclinedWithANoteOnce() throws Exception {
		long pm = f.partyMembers().get(1);
		long toPost = submit("xinhua", pm);
		String accepted = f.post("xinhua", URL + "/" + toPost + "/accept", "{\"post\":\"高速卡口\"}", 200);
		assertThat(JsonPath.<String>read(accepted, "$.post")).isEqualTo("高速卡口");
		assertThat(events.stream(Events.BattleRequestAccepted.class).filter(e -> e.requestId() == toPost)).hasSize(1);
		long declined = submit("xinhua", pm);
		f.post("xinhua", URL + "/" + declined + "/decline", "{}", 400);
		f.post("xinhua", URL + "/" + declined + "/decline", "{\"note\":\"  \"}", 400);
		String answer = f.post("xinhua", URL + "/" + declined + "/decline", "{\"note\":\"年龄偏大，后方支援\"}", 200);
		assertThat(JsonPath.<String>read(answer, "$.status")).isEqualTo("DECLINED");
		f.post("xinhua", URL + "/" + declined + "/decline", "{\"note\":\"再次\"}", 422);
		f.post("xinhua", URL + "/" + declined + "/accept", "{\"post\":\"卡口\"}", 422);
		List<Integer> declinedIds = JsonPath.read(f.get("xinhua", URL + "?size=500&status=DECLINED&region=130902", 200),
				"$.items[*].id");
		assertThat(declinedIds).contains((int) declined).doesNotContain((int) toPost);
	}

	@Test
	void aPartyMemberSubmitsOnlyTheirOwnRequest() throws Exception {
		long self = f.partyMembers().get(3);
		long other = f.partyMembers().get(4);
		String account = f.selfService(self);
		long own = submit(account, self);
		f.post(account, URL, "{\"personId\":" + other + ",\"text\":\"代人请战\"}", 403);
		f.get(account, URL + "/" + own, 200);
		List<Integer> mine = JsonPath.read(f.get(account, URL + "?size=500", 200), "$.items[*].personId");
		assertThat(mine).isNotEmpty().allMatch(id -> id == self);
		long theirs = submit("xinhua", other);
		f.get(account, URL + "/" + theirs, 404);
		// they may not decide on it
		f.post(account, URL + "/" + own + "/accept", "{\"post\":\"卡口\"}", 403);
		f.post(account, URL + "/" + own + "/decline", "{\"note\":\"自己拒绝\"}", 403);
		// the page offers them the form with their own id and no decisions
		var session = cn.huoxian.support.Pages.login(mvc, account);
		mvc.perform(MockMvcRequestBuilders.get("/deployment/battle-requests").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"request-" + own + "\"")))
			.andExpect(content().string(containsString("id=\"request-form\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("accept-form"))));
		// a person outside their own record: 403 before anything about that person is
		// told
		String probe = f.post(account, URL, "{\"personId\":" + f.nonMember() + ",\"text\":\"试探\"}", 403);
		assertThat(probe).doesNotContain("不是党员").doesNotContain("not a party member");
	}

	@Test
	void outsideTheScopeReadsAre404AndWritesAre403() throws Exception {
		long pm = f.partyMembers().get(0);
		long request = submit("xinhua", pm);
		String outsider = f.outsider();
		f.get(outsider, URL + "/" + request, 404);
		f.get(outsider, URL + "?region=130902", 404);
		List<Integer> theirs = JsonPath.read(f.get(outsider, URL + "?size=500", 200), "$.items[*].id");
		assertThat(theirs).doesNotContain((int) request);
		f.post(outsider, URL, "{\"personId\":" + pm + ",\"text\":\"越权请战\"}", 403);
		f.post(outsider, URL + "/" + request + "/accept", "{\"post\":\"卡口\"}", 403);
		f.post(outsider, URL + "/" + request + "/decline", "{\"note\":\"越权\"}", 403);
		// the evaluator reads everything and writes nothing
		f.get("zzb", URL + "/" + request, 200);
		f.post("zzb", URL, "{\"personId\":" + pm + ",\"text\":\"请战\"}", 403);
		f.post("zzb", URL + "/" + request + "/accept", "{\"post\":\"卡口\"}", 403);
		f.post("zzb", URL + "/" + request + "/decline", "{\"note\":\"否\"}", 403);
		f.get("xinhua", URL + "/999999999", 404);
	}

	@Test
	void thePageSubmitsAcceptsAndDeclines() throws Exception {
		var session = cn.huoxian.support.Pages.login(mvc, "xinhua");
		long pm = f.partyMembers().get(0);
		mvc.perform(MockMvcRequestBuilders.post("/deployment/battle-requests")
			.session(session)
			.with(csrf())
			.param("region", "130902")
			.param("personId", String.valueOf(pm))
			.param("text", "页面请战"))
			.andExpect(redirectedUrl("/deployment/battle-requests?region=130902"))
			.andExpect(flash().attribute("recorded", "submitted"));
		// a missing text keeps what was typed
		mvc.perform(MockMvcRequestBuilders.post("/deployment/battle-requests")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(pm))).andExpect(flash().attributeExists("error", "typed"));
		long request = ((Number) JsonPath.read(f.get("xinhua", URL + "?size=1&status=SUBMITTED&region=130902", 200),
				"$.items[0].id"))
			.longValue();
		mvc.perform(MockMvcRequestBuilders.get("/deployment/battle-requests?region=130902").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"request-" + request + "\"")))
			.andExpect(content().string(containsString("class=\"form accept-form\"")));
		mvc.perform(MockMvcRequestBuilders.post("/deployment/battle-requests/" + request + "/decline")
			.session(session)
			.with(csrf())).andExpect(flash().attributeExists("error"));
		mvc.perform(MockMvcRequestBuilders.post("/deployment/battle-requests/" + request + "/accept")
			.session(session)
			.with(csrf())
			.param("post", "社区卡口")).andExpect(flash().attribute("recorded", "accepted"));
	}

}
