package cn.huoxian.supplies;

import static cn.huoxian.support.Pages.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.liaison.PairingFixtures;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A paired unit's supplies page: its staff receive into the unit's stock, see the
 * shortage their community raised with the quantity asked prefilled, answer it by an
 * allocation (a mistyped quantity keeps the page and says why), and the shortage shows
 * answered.
 */
@SqlTest
class UnitSupplyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	private String page(MockHttpSession session, MockHttpServletRequestBuilder request, int expected) throws Exception {
		var response = mvc.perform(request.session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return expected == 302 ? response.getRedirectedUrl() : response.getContentAsString();
	}

	@Test
	void aUnitReceivesAndAnswersItsCommunitysShortageOnThePage() throws Exception {
		PairingFixtures f = new PairingFixtures(mvc);
		String unit = f.unit();
		long pairing = f.bare(unit, f.village());
		long unitId = ((Number) JsonPath.read(f.body("xinhua", "/api/v1/deployment/pairings/" + pairing), "$.unitId"))
			.longValue();
		long shortage = PairingFixtures.id(f.postJson("xinhua", "/api/v1/deployment/pairings/" + pairing + "/shortages",
				"{\"kind\":\"PROTECTIVE_SUPPLIES\",\"item\":\"医用外科口罩（一次性）\",\"quantity\":120}"));
		String staff = PairingFixtures.account(accounts, Role.UNIT_STAFF, null,
				new ScopeRoot(ScopeRoot.Kind.UNIT, unit));
		MockHttpSession session = login(mvc, staff);

		String html = page(session, get("/supplies/unit"), 200);
		assertThat(html).contains("结对单位" + unit).contains("id=\"shortage-" + shortage + "\"").contains("value=\"120\"");
		assertThat(html).containsPattern("<option value=\"\\d+\" selected=\"selected\">医用外科口罩");
		long mask = ((Number) JsonPath.read(f.body(staff, "/api/v1/supplies/items"), "$[0].id")).longValue();

		assertThat(page(session,
				post("/supplies/unit/" + unitId + "/receive").param("itemId", String.valueOf(mask))
					.param("quantity", "200")
					.with(csrf()),
				302))
			.isEqualTo("/supplies/unit?unit=" + unitId);
		String typo = page(session,
				post("/supplies/unit/" + unitId + "/shortages/" + shortage + "/allocate")
					.param("itemId", String.valueOf(mask))
					.param("quantity", "12O")
					.with(csrf()),
				200);
		assertThat(typo).contains("12O").contains("id=\"supply-errors\"");
		String answered = page(session,
				post("/supplies/unit/" + unitId + "/shortages/" + shortage + "/allocate")
					.param("itemId", String.valueOf(mask))
					.param("quantity", "120")
					.with(csrf()),
				302);
		assertThat(answered).isEqualTo("/supplies/unit?unit=" + unitId);
		html = page(session, get(answered), 200);
		assertThat(html).contains("已答复").containsPattern("80\\s*只");
		assertThat((String) JsonPath.read(f.body("xinhua", "/api/v1/deployment/shortages/" + shortage), "$.status"))
			.isEqualTo("ANSWERED");

		// region staff pick a unit; another county's staff cannot open this one
		assertThat(page(login(mvc, "xinhua"), get("/supplies/unit"), 200)).contains("id=\"pick-unit\"");
		page(login(mvc, cn.huoxian.support.Api.regionStaff(accounts, "130903")), get("/supplies/unit?unit=" + unitId),
				404);
	}

}
