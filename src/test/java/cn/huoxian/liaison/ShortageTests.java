package cn.huoxian.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Shortages: a community raises one to its paired unit, the unit answers and resolves it
 * (once), the counts follow and the resolution is published; unit staff see and resolve
 * only their own unit's.
 */
@SqlTest
@RecordApplicationEvents
class ShortageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEvents events;

	PairingFixtures f;

	@BeforeEach
	void fixtures() {
		f = new PairingFixtures(mvc);
	}

	private static long count(String json, String field) {
		return ((Number) JsonPath.read(json, "$." + field)).longValue();
	}

	@Test
	void raisedAnsweredAndResolvedOnceWithCountsAndEvent() throws Exception {
		String unit = f.unit();
		String village = f.village();
		long pairing = f.bare(unit, village);
		long unitId = ((Number) JsonPath.read(f.body("xinhua", "/api/v1/deployment/pairings/" + pairing), "$.unitId"))
			.longValue();
		String summary = "/api/v1/deployment/pairings/summary?region=130902";
		String before = f.body("xinhua", summary);
		long id = PairingFixtures.id(f
			.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
					"{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"N95口罩\",\"quantity\":2000,\"note\":\"三天用量\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.unitCode").value(unit))
			.andExpect(jsonPath("$.communityCode").value(village)));
		String raised = f.body("xinhua", summary);
		assertThat(count(raised, "openShortages") - count(before, "openShortages")).isEqualTo(1);
		f.perform("xinhua", get("/api/v1/deployment/pairings/" + pairing))
			.andExpect(jsonPath("$.openShortages").value(1))
			.andExpect(jsonPath("$.resolvedShortages").value(0));

		String staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, unit));
		f.perform(staff, get("/api/v1/deployment/shortages?status=OPEN"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
		f.postJson(staff, "/api/v1/deployment/shortages/" + id + "/answer", "{\"answer\":\"明天上午送到\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.answeredBy").value(staff));
		// answered is still open
		assertThat(count(f.body("xinhua", summary), "openShortages")).isEqualTo(count(raised, "openShortages"));
		assertThat(events.stream(Events.ShortageResolved.class)).isEmpty();
		f.postJson(staff, "/api/v1/deployment/shortages/" + id + "/resolve", "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.answer").value("明天上午送到"))
			.andExpect(jsonPath("$.resolvedBy").value(staff));
		List<Events.ShortageResolved> published = events.stream(Events.ShortageResolved.class).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).shortageId()).isEqualTo(id);
		assertThat(published.get(0).pairingId()).isEqualTo(pairing);
		assertThat(published.get(0).unitId()).isEqualTo(unitId);
		String after = f.body("xinhua", summary);
		assertThat(count(after, "openShortages")).isEqualTo(count(before, "openShortages"));
		assertThat(count(after, "resolvedShortages") - count(before, "resolvedShortages")).isEqualTo(1);
		f.perform("xinhua", get("/api/v1/deployment/pairings/" + pairing))
			.andExpect(jsonPath("$.openShortages").value(0))
			.andExpect(jsonPath("$.resolvedShortages").value(1));
		// twice: refused, nothing published
		f.postJson("xinhua", "/api/v1/deployment/shortages/" + id + "/resolve", "{\"answer\":\"再次\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("已解决")));
		f.postJson("xinhua", "/api/v1/deployment/shortages/" + id + "/answer", "{\"answer\":\"再次\"}")
			.andExpect(status().isUnprocessableContent());
		assertThat(events.stream(Events.ShortageResolved.class)).hasSize(1);
		f.perform("xinhua", get("/api/v1/deployment/shortages?status=RESOLVED&unit=" + unit))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void aSecondResolutionIsRefusedInTheCallersLanguage() throws Exception {
		long pairing = f.bare(f.unit(), f.village());
		long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
				"{\"kind\":\"MANPOWER\",\"item\":\"志愿者\",\"quantity\":4}"));
		f.postJson("xinhua", "/api/v1/deployment/shortages/" + id + "/resolve", "{}").andExpect(status().isOk());
		String again = "/api/v1/deployment/shortages/" + id + "/resolve";
		f.perform("xinhua", post(again).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("短缺 " + id + " 已解决"));
		f.perform("xinhua",
				post(again).contentType(MediaType.APPLICATION_JSON).content("{}").header("Accept-Language", "zh-TW"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("短缺 " + id + " 已解決"));
		f.perform("xinhua",
				post(again).contentType(MediaType.APPLICATION_JSON).content("{}").header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Shortage " + id + " was already resolved"));
		// a field reason too
		f.perform("xinhua",
				post("/api/v1/deployment/pairings/" + pairing + "/shortages").contentType(MediaType.APPLICATION_JSON)
					.content("{\"item\":\"志愿者\",\"quantity\":4}")
					.header("Accept-Language", "zh-TW"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("防護物資")));
	}

	@Test
	void badShortagesNameTheirFields() throws Exception {
		long pairing = f.bare(f.unit(), f.village());
		String url = "/api/v1/deployment/pairings/" + pairing + "/shortages";
		f.postJson("xinhua", url, "{\"kind\":\"MANPOWER\",\"item\":\"\",\"quantity\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("item"))
			.andExpect(jsonPath("$.errors[1].field").value("quantity"));
		f.postJson("xinhua", url, "{\"item\":\"志愿者\",\"quantity\":1000001}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[1].field").value("quantity"));
		f.postJson("xinhua", url, "{\"kind\":\"MANPOWER\",\"item\":\"" + "人".repeat(101) + "\",\"quantity\":3}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("item"));
		f.postJson("xinhua", url, "{\"kind\":\"MANPOWER\",\"item\":\"卡口值守\",\"quantity\":6}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("MANPOWER"));
		f.perform("xinhua", get("/api/v1/deployment/shortages?status=LOST")).andExpect(status().isBadRequest());
	}

	@Test
	void unitStaffSeeAndResolveOnlyTheirOwnUnitsShortages() throws Exception {
		String mine = f.unit();
		String theirs = f.unit();
		long myPairing = f.bare(mine, f.village());
		long theirPairing = f.bare(theirs, f.village());
		String body = "{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"消毒液\",\"quantity\":50}";
		long my = PairingFixtures
			.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + myPairing + "/shortages", body));
		long their = PairingFixtures
			.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + theirPairing + "/shortages", body));
		String staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, mine));
		f.perform(staff, get("/api/v1/deployment/shortages"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(my));
		f.perform(staff, get("/api/v1/deployment/shortages/" + their)).andExpect(status().isNotFound());
		f.postJson(staff, "/api/v1/deployment/shortages/" + their + "/answer", "{\"answer\":\"好\"}")
			.andExpect(status().isForbidden());
		f.postJson(staff, "/api/v1/deployment/shortages/" + their + "/resolve", "{}").andExpect(status().isForbidden());
		// unit staff do not raise shortages: the community does
		f.postJson(staff, "/api/v1/deployment/pairings/" + myPairing + "/shortages", body)
			.andExpect(status().isForbidden());
		f.postJson(staff, "/api/v1/deployment/shortages/" + my + "/resolve", "{\"answer\":\"已送达\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));
		f.perform("xinhua", get("/api/v1/deployment/shortages/" + their)).andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void scopeOnEveryShortageEndpoint() throws Exception {
		String village = f.village();
		long pairing = f.bare(f.unit(), village);
		String body = "{\"kind\":\"MANPOWER\",\"item\":\"志愿者\",\"quantity\":4}";
		long id = PairingFixtures
			.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages", body));
		String yunhe = PairingFixtures.account(accounts, Role.REGION_STAFF, null, ScopeRoot.region("130903"));
		f.perform(yunhe, get("/api/v1/deployment/shortages/" + id)).andExpect(status().isNotFound());
		f.perform(yunhe, get("/api/v1/deployment/shortages?region=130902")).andExpect(status().isNotFound());
		f.postJson(yunhe, "/api/v1/deployment/pairings/" + pairing + "/shortages", body)
			.andExpect(status().isForbidden());
		f.postJson(yunhe, "/api/v1/deployment/shortages/" + id + "/answer", "{\"answer\":\"x\"}")
			.andExpect(status().isForbidden());
		f.postJson(yunhe, "/api/v1/deployment/shortages/" + id + "/resolve", "{}").andExpect(status().isForbidden());
		f.perform("zzb", get("/api/v1/deployment/shortages/" + id)).andExpect(status().isOk());
		f.postJson("zzb", "/api/v1/deployment/pairings/" + pairing + "/shortages", body)
			.andExpect(status().isForbidden());
		f.postJson("zzb", "/api/v1/deployment/shortages/" + id + "/resolve", "{}").andExpect(status().isForbidden());
		// a grid worker inside the community sees its pairing and raises a shortage
		String grid = f.grid(village);
		String worker = PairingFixtures.account(accounts, Role.GRID_WORKER, null, ScopeRoot.region(grid));
		f.perform(worker, get("/api/v1/deployment/pairings/" + pairing)).andExpect(status().isOk());
		f.postJson(worker, "/api/v1/deployment/pairings/" + pairing + "/shortages", body)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.raisedBy").value(worker));
		// but not another community's
		long elsewhere = f.bare(f.unit(), f.village());
		f.perform(worker, get("/api/v1/deployment/pairings/" + elsewhere)).andExpect(status().isNotFound());
		f.postJson(worker, "/api/v1/deployment/pairings/" + elsewhere + "/shortages", body)
			.andExpect(status().isForbidden());
	}

	@Test
	void unitStaffAnswerAndResolveOnThePhonePage() throws Exception {
		String unit = f.unit();
		long pairing = f.bare(unit, f.village());
		long id = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
				"{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"防护服\",\"quantity\":30}"));
		String staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, unit));
		MockHttpSession session = Pages.login(mvc, staff);
		mvc.perform(get("/deployment/shortages").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("防护服")))
			.andExpect(content().string(containsString("id=\"resolve-" + id + "\"")));
		mvc.perform(post("/deployment/shortages/" + id + "/answer").session(session).with(csrf()).param("answer", ""))
			.andExpect(flash().attribute("error", containsString("必填")));
		mvc.perform(
				post("/deployment/shortages/" + id + "/answer").session(session).with(csrf()).param("answer", "下午送到"))
			.andExpect(flash().attribute("recorded", "answered"));
		mvc.perform(post("/deployment/shortages/" + id + "/resolve").session(session).with(csrf()))
			.andExpect(redirectedUrl("/deployment/shortages"))
			.andExpect(flash().attribute("recorded", "resolved"));
		mvc.perform(post("/deployment/shortages/" + id + "/resolve").session(session).with(csrf()))
			.andExpect(flash().attribute("error", "短缺 " + id + " 已解决"));
		mvc.perform(get("/deployment/shortages").session(session))
			.andExpect(content().string(not(containsString("防护服"))));
		mvc.perform(get("/deployment/shortages").param("status", "RESOLVED").session(session))
			.andExpect(content().string(containsString("下午送到")));
		// the pairing page shows the counts
		mvc.perform(get("/deployment/pairings/" + pairing).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"open-count\">0<")));
	}

}
