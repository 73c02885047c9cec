package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.PARTY_ORGANISATION;
import static cn.huoxian.db.Tables.PERSON_ROLE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An isolated party member shows on their party organisation's list, which logs its own
 * contacts.
 */
@SqlTest
class MemberCasesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Cases cases;

	@Autowired
	Accounts accounts;

	@Autowired
	DSLContext db;

	@Test
	void partyOrganisationSeesItsIsolatedMemberAndKeepsContact() throws Exception {
		// a party member of a village branch in 运河区, and an account of that branch only
		var member = branchMember("130903");
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CaseView opened = cases.open(new CaseForm(member.value1(), CaseType.HOME_ISOLATION, CaseReason.CLOSE_CONTACT,
				null, today, null, null, null, List.of(member.value1())), admin);
		String username = "branch" + System.nanoTime();
		accounts.create(new NewAccount(username, "Secret123", Role.REGION_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.ORGANISATION, member.value3()))));
		String token = "Bearer " + JsonPath.read(mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"Secret123\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.token");

		mvc.perform(get("/api/v1/isolation/party-organisations/" + member.value2() + "/cases").header("Authorization",
				token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + opened.id() + ")]").isNotEmpty());
		String contact = "{\"contactedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
				+ "\",\"channel\":\"PHONE\",\"reached\":true,\"note\":\"支部书记电话慰问\"";
		// without the organisation the case lies outside this account's regions
		mvc.perform(post("/api/v1/isolation/cases/" + opened.id() + "/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(contact + "}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/isolation/cases/" + opened.id() + "/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(contact + ",\"partyOrganisationId\":" + member.value2() + "}")).andExpect(status().isCreated());
		// another organisation's staff may not use this one
		mvc.perform(get("/api/v1/isolation/party-organisations/" + (member.value2() + 1) + "/cases")
			.header("Authorization", token)).andExpect(status().isNotFound());
	}

	@Test
	void organisationPageListsMembersAndLogsContact() throws Exception {
		var member = branchMember("130921");
		CurrentUser admin = new CurrentUser("admin", null, Role.CITY_ADMIN,
				DataScope.ofRegions(RegionPath.root("130900")));
		LocalDate today = BusinessDay.today(java.time.Clock.systemUTC());
		CaseView opened = cases.open(new CaseForm(member.value1(), CaseType.MEDICAL_OBSERVATION, CaseReason.OTHER, null,
				today, null, null, null, List.of(member.value1())), admin);
		String username = "branchpage" + System.nanoTime();
		accounts.create(new NewAccount(username, "Huoxian@2020", Role.REGION_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.ORGANISATION, member.value3()))));
		var session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user(username)
				.password("Huoxian@2020"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/isolation/party-organisations/" + member.value2()).session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString(opened.personName())));
		mvc.perform(post("/isolation/party-organisations/" + member.value2() + "/cases/" + opened.id() + "/contacts")
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("channel", "PHONE")
			.param("reached", "true")
			.param("note", "支部慰问"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("recorded", opened.id()));
		org.assertj.core.api.Assertions.assertThat(cases.contacts(opened.id(), admin.scope())).hasSize(1);
	}

	/**
	 * A party member of a village branch in the county: person id, organisation id and
	 * code.
	 */
	private org.jooq.Record3<Long, Long, String> branchMember(String county) {
		return db.select(PERSON_ROLE.PERSON_ID, PARTY_ORGANISATION.ID, PARTY_ORGANISATION.CODE)
			.from(PERSON_ROLE)
			.join(PARTY_ORGANISATION)
			.on(PARTY_ORGANISATION.ID.eq(PERSON_ROLE.PARTY_ORGANISATION_ID))
			.where(PERSON_ROLE.ROLE.eq("PARTY_MEMBER"))
			.and(PARTY_ORGANISATION.PATH.like("/130900/" + county + "/%"))
			.and(PARTY_ORGANISATION.KIND.eq("BRANCH"))
			// one open case per person and type: a member not isolated yet (tests share
			// the
			// database)
			.andNotExists(org.jooq.impl.DSL.selectOne()
				.from(cn.huoxian.db.Tables.ISOLATION_CASE)
				.where(cn.huoxian.db.Tables.ISOLATION_CASE.ACTIVE_PERSON_ID.eq(PERSON_ROLE.PERSON_ID)))
			.orderBy(PERSON_ROLE.ID.desc())
			.limit(1)
			.fetchOne();
	}

}
