package cn.huoxian.vanguard;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.deployment.HeadlineTally;
import cn.huoxian.people.People;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Commando teams: formed within their organisation's region, party members only, joined
 * once, tasks, dissolution, the ledger and scope.
 */
@SqlTest
@RecordApplicationEvents
class CommandoTeamTests {

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

	@Autowired
	CommandoTeams commandoTeams;

	VanguardFixtures f;

	@BeforeEach
	void fixtures() {
		f = new VanguardFixtures(mvc, people, accounts, db);
	}

	@Test
	void aTeamWorksWithinItsOrganisationsRegionUnderAPartyMemberLeader() throws Exception {
		long org = f.temporaryOrganisation();
		String outside = f.post("admin", "/api/v1/deployment/teams",
				"{\"name\":\"越界突击队\",\"partyOrganisationId\":" + org + ",\"region\":\"130903\"}", 422);
		assertThat(JsonPath.<String>read(outside, "$.detail")).contains("130903").contains("突击队只能在所属党组织的区域内组建");
		f.post("xinhua", "/api/v1/deployment/teams",
				"{\"name\":\"突击队\",\"partyOrganisationId\":" + org + ",\"leaderId\":" + f.nonMember() + "}", 400);
		f.post("xinhua", "/api/v1/deployment/teams", "{\"partyOrganisationId\":" + org + "}", 400);
		f.post("xinhua", "/api/v1/deployment/teams", "{\"name\":\"未来突击队\",\"partyOrganisationId\":" + org
				+ ",\"formedOn\":\"" + VanguardFixtures.today().plusDays(2) + "\"}", 400);
		String team = f.post("xinhua", "/api/v1/deployment/teams",
				"{\"name\":\"青年突击队\",\"partyOrganisationId\":" + org + "}", 201);
		assertThat(JsonPath.<String>read(team, "$.regionCode")).isEqualTo("130902");
		assertThat(JsonPath.<String>read(team, "$.formedOn")).isEqualTo(VanguardFixtures.today().toString());
	}

	@Test
	void partyMembersJoinOnceAndTheJoinIsPublished() throws Exception {
		long team = f.team("党员突击队");
		String url = "/api/v1/deployment/teams/" + team;
		long pm = f.partyMembers().get(1);
		RegionPath path = new RegionPath(JsonPath.read(f.get("xinhua", url, 200), "$.path"));
		long before = commandoTeams.currentMembers(path);
		f.post("xinhua", url + "/members", "{\"personId\":" + pm + "}", 201);
		// counted once however many teams they serve in
		assertThat(commandoTeams.currentMembers(path) - before).isBetween(0L, 1L);
		assertThat(
				events.stream(Events.TeamJoined.class).filter(e -> e.teamId() == team && e.personId() == pm).toList())
			.hasSize(1);
		String twice = f.post("xinhua", url + "/members", "{\"personId\":" + pm + "}", 422);
		assertThat(JsonPath.<String>read(twice, "$.detail")).contains("已是突击队");
		String notMember = f.post("xinhua", url + "/members", "{\"personId\":" + f.nonMember() + "}", 400);
		assertThat(notMember).contains("不是党员");
		f.post("xinhua", url + "/members", "{\"personId\":" + f.partyMembers().get(2) + ",\"joinedOn\":\""
				+ VanguardFixtures.today().plusDays(1) + "\"}", 400);
		assertThat((Integer) JsonPath.read(f.get("xinhua", url, 200), "$.memberCount")).isEqualTo(1);
		// leaving, then coming back
		String left = f.post("xinhua", url + "/members/" + pm + "/leave", "{}", 200);
		assertThat((Integer) JsonPath.read(left, "$.memberCount")).isZero();
		f.post("xinhua", url + "/members/" + pm + "/leave", "{}", 422);
		assertThat(commandoTeams.currentMembers(path)).isEqualTo(before);
		f.post("xinhua", url + "/members", "{\"personId\":" + pm + "}", 201);
		assertThat((Integer) JsonPath.read(f.get("xinhua", url, 200), "$.memberCount")).isEqualTo(1);
	}

	@Autowired
	HeadlineTally tally;

	/**
	 * One member, one team; the maintained headline count equals a recount of current
	 * members after joins, a refused second team, leaving, rejoining and dissolution.
	 */
	@Test
	void aMemberServesInOneTeamAndTheHeadlineFollows() throws Exception {
		long first = f.team("甲突击队");
		long second = f.team("乙突击队");
		long pm = f.partyMembers().get(0);
		String body = "{\"personId\":" + pm + "}";
		f.post("xinhua", "/api/v1/deployment/teams/" + first + "/members", body, 201);
		String refused = f.post("xinhua", "/api/v1/deployment/teams/" + second + "/members", body, 422);
		assertThat(JsonPath.<String>read(refused, "$.detail")).contains("一名党员只能加入一支突击队").contains("甲突击队");
		f.post("xinhua", "/api/v1/deployment/teams/" + first + "/members/" + pm + "/leave", "{}", 200);
		f.post("xinhua", "/api/v1/deployment/teams/" + second + "/members", body, 201);
		f.post("xinhua", "/api/v1/deployment/teams/" + second + "/members",
				"{\"personId\":" + f.partyMembers().get(0) + "}", 201);
		f.post("xinhua", "/api/v1/deployment/teams/" + first + "/members", body, 422);
		RegionPath district = new RegionPath("/130900/130902/");
		long recount = commandoTeams.currentMembers(district);
		assertThat(tally.value(HeadlineTally.COMMANDO, district, VanguardFixtures.today())).isEqualTo(recount);
		// the bench's scan of the memberships counts the same
		assertThat(scan(district)).isEqualTo(recount);
		f.post("xinhua", "/api/v1/deployment/teams/" + second + "/dissolve", "{}", 200);
		// dissolved today: its members left today and no longer count
		assertThat(tally.value(HeadlineTally.COMMANDO, district, VanguardFixtures.today()))
			.isEqualTo(commandoTeams.currentMembers(district))
			.isEqualTo(recount - 2)
			.isEqualTo(scan(district));
		recount -= 2;
		String headline = f.get("admin", "/api/v1/stats/headline?region=130902", 200);
		assertThat(((Number) JsonPath.read(headline, "$.commandoMembers")).longValue()).isEqualTo(recount);
	}

	/** Members on the day, as the bench scans them: {@link CommandoTeams#membersOn}. */
	private long scan(RegionPath path) {
		return db.select(CommandoTeams.membersOn(path, VanguardFixtures.today())).fetchOne(0, Long.class);
	}

	@Test
	void tasksAreDoneOnceAndADissolvedTeamTakesNoOne() throws Exception {
		long team = f.team("物资突击队");
		String url = "/api/v1/deployment/teams/" + team;
		f.post("xinhua", url + "/members", "{\"personId\":" + f.partyMembers().get(0) + "}", 201);
		f.post("xinhua", url + "/tasks", "{\"dueOn\":\"" + VanguardFixtures.today().plusDays(3) + "\"}", 400);
		String withTask = f.post("xinhua", url + "/tasks",
				"{\"description\":\"搬运防护物资\",\"dueOn\":\"" + VanguardFixtures.today().plusDays(3) + "\"}", 201);
		assertThat((Integer) JsonPath.read(withTask, "$.openTasks")).isEqualTo(1);
		long task = ((Number) JsonPath.read(withTask, "$.tasks[0].id")).longValue();
		String done = f.post("xinhua", "/api/v1/deployment/tasks/" + task + "/done", "{}", 200);
		assertThat((Integer) JsonPath.read(done, "$.openTasks")).isZero();
		f.post("xinhua", "/api/v1/deployment/tasks/" + task + "/done", "{}", 422);
		String teams = f.get("xinhua", "/api/v1/deployment/teams?size=500&region=130902", 200);
		List<Integer> counts = JsonPath.read(teams, "$.items[?(@.id == " + team + ")].memberCount");
		assertThat(counts).containsExactly(1);
		f.post("xinhua", url + "/dissolve", "{\"dissolvedOn\":\"" + VanguardFixtures.today().plusDays(1) + "\"}", 400);
		String dissolved = f.post("xinhua", url + "/dissolve", "{}", 200);
		assertThat((Integer) JsonPath.read(dissolved, "$.memberCount")).isZero();
		f.post("xinhua", url + "/dissolve", "{}", 422);
		f.post("xinhua", url + "/members", "{\"personId\":" + f.partyMembers().get(1) + "}", 422);
	}

	@Test
	void aRefusalReadsInTheCallersLanguage() throws Exception {
		long team = f.team("语言突击队");
		String url = "/api/v1/deployment/teams/" + team;
		String missing = f.post("xinhua", url + "/tasks", "{}", 400);
		assertThat(JsonPath.<String>read(missing, "$.errors[0].reason")).isEqualTo("必填");
		f.post("xinhua", url + "/dissolve", "{}", 200);
		String today = VanguardFixtures.today().toString();
		assertThat(JsonPath.<String>read(f.post("xinhua", url + "/dissolve", "{}", 422), "$.detail"))
			.contains("突击队“语言突击队”已于 " + today + " 解散");
		assertThat(JsonPath.<String>read(dissolveAgain(url, "zh-TW"), "$.detail"))
			.contains("突擊隊「语言突击队」已於 " + today + " 解散");
		assertThat(JsonPath.<String>read(dissolveAgain(url, "en"), "$.detail"))
			.contains("team 语言突击队 was already dissolved on " + today);
	}

	private String dissolveAgain(String url, String language) throws Exception {
		return f.send("xinhua", MockMvcRequestBuilders.post(url + "/dissolve").header("Accept-Language", language),
				"{}", 422);
	}

	@Test
	void theLedgerOpensAsAWorkbookWithTeamsAndMembers() throws Exception {
		String name = "台账突击队" + Api.unique();
		long team = f.team(name);
		long pm = f.partyMembers().get(3);
		f.post("xinhua", "/api/v1/deployment/teams/" + team + "/members", "{\"personId\":" + pm + "}", 201);
		byte[] xlsx = mvc
			.perform(Api.as(mvc, "xinhua",
					MockMvcRequestBuilders.get("/api/v1/deployment/teams/ledger.xlsx?region=130902")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<List<String>> teams = rows(workbook, 0);
			List<List<String>> members = rows(workbook, 1);
			assertThat(teams.get(0)).hasSize(TeamLedger.TEAM_COLUMNS.size());
			List<String> mine = teams.stream()
				.filter(r -> r.size() > 1 && name.equals(r.get(1)))
				.findFirst()
				.orElseThrow();
			assertThat(mine.get(8)).isEqualTo("1");
			assertThat(mine.get(9)).isEqualTo("0");
			assertThat(members.stream()
				.anyMatch(r -> r.size() > 2 && String.valueOf(team).equals(r.get(0))
						&& String.valueOf(pm).equals(r.get(2))))
				.isTrue();
		}
		f.get(f.outsider(), "/api/v1/deployment/teams/ledger.xlsx?region=130902", 404);
	}

	private static List<List<String>> rows(ReadableWorkbook workbook, int index) throws Exception {
		try (var rows = workbook.getSheet(index).orElseThrow().openStream()) {
			return rows.map(CommandoTeamTests::texts).toList();
		}
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			texts.add(cell == null ? null : cell.getText());
		}
		return texts;
	}

	@Test
	void outsideTheScopeReadsAre404AndWritesAre403() throws Exception {
		long team = f.team("防控突击队");
		String url = "/api/v1/deployment/teams/" + team;
		long pm = f.partyMembers().get(0);
		String withTask = f.post("xinhua", url + "/tasks", "{\"description\":\"夜间巡查\"}", 201);
		long task = ((Number) JsonPath.read(withTask, "$.tasks[0].id")).longValue();
		f.post("xinhua", url + "/members", "{\"personId\":" + pm + "}", 201);
		String outsider = f.outsider();
		f.get(outsider, url, 404);
		f.get(outsider, "/api/v1/deployment/teams?region=130902", 404);
		List<Integer> theirs = JsonPath.read(f.get(outsider, "/api/v1/deployment/teams?size=500", 200),
				"$.items[*].id");
		assertThat(theirs).doesNotContain((int) team);
		long org = f.temporaryOrganisation();
		f.post(outsider, "/api/v1/deployment/teams", "{\"name\":\"越权\",\"partyOrganisationId\":" + org + "}", 403);
		f.post(outsider, url + "/members", "{\"personId\":" + f.partyMembers().get(1) + "}", 403);
		f.post(outsider, url + "/members/" + pm + "/leave", "{}", 403);
		f.post(outsider, url + "/tasks", "{\"description\":\"越权任务\"}", 403);
		f.post(outsider, "/api/v1/deployment/tasks/" + task + "/done", "{}", 403);
		assertThat(f.post(outsider, url + "/dissolve", "{}", 403)).contains("突击队 " + team + "不在您的管辖范围内");
		// the evaluator reads everything and writes nothing
		f.get("zzb", url, 200);
		f.get("zzb", "/api/v1/deployment/teams/ledger.xlsx?region=130902", 200);
		f.post("zzb", "/api/v1/deployment/teams", "{\"name\":\"越权\",\"partyOrganisationId\":" + org + "}", 403);
		f.post("zzb", url + "/members", "{\"personId\":" + f.partyMembers().get(1) + "}", 403);
		f.post("zzb", url + "/tasks", "{\"description\":\"越权任务\"}", 403);
		f.post("zzb", "/api/v1/deployment/tasks/" + task + "/done", "{}", 403);
		f.post("zzb", url + "/dissolve", "{}", 403);
		assertThat(f.get("xinhua", "/api/v1/deployment/teams/999999999", 404)).contains("未找到突击队 999999999");
	}

	@Test
	void pagesFormATeamAndManageItsMembersAndTasks() throws Exception {
		long org = f.temporaryOrganisation();
		var session = cn.huoxian.support.Pages.login(mvc, "xinhua");
		String location = mvc
			.perform(MockMvcRequestBuilders.post("/deployment/teams")
				.session(session)
				.with(csrf())
				.param("name", "页面突击队")
				.param("partyOrganisationId", String.valueOf(org)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/deployment/teams/\\d+");
		mvc.perform(MockMvcRequestBuilders.post("/deployment/teams")
			.session(session)
			.with(csrf())
			.param("name", "越界")
			.param("partyOrganisationId", String.valueOf(org))
			.param("region", "130903"))
			.andExpect(redirectedUrl("/deployment/teams?region=130903"))
			.andExpect(flash().attributeExists("error"));
		mvc.perform(MockMvcRequestBuilders.post(location + "/members")
			.session(session)
			.with(csrf())
			.param("personId", String.valueOf(f.partyMembers().get(0))))
			.andExpect(flash().attribute("recorded", "member"));
		mvc.perform(MockMvcRequestBuilders.post(location + "/tasks")
			.session(session)
			.with(csrf())
			.param("description", "消杀")).andExpect(flash().attribute("recorded", "task"));
		mvc.perform(MockMvcRequestBuilders.get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"member\"")))
			.andExpect(content().string(containsString("消杀")))
			.andExpect(content().string(containsString("id=\"join-form\"")));
		mvc.perform(MockMvcRequestBuilders.get("/deployment/teams?region=130902").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(location)))
			.andExpect(content().string(containsString("id=\"ledger-link\"")));
		mvc.perform(MockMvcRequestBuilders.get("/deployment/teams/ledger.xlsx?region=130902").session(session))
			.andExpect(status().isOk());
	}

}
