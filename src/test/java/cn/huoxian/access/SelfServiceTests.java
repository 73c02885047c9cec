package cn.huoxian.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleKind;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.Role;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Party members see only themselves; unit staff see only their unit's people. */
@SqlTest
class SelfServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	People people;

	@Autowired
	Units units;

	private final DataScope city = DataScope.ofRegions(RegionPath.root("130900"));

	private String token(String username) throws Exception {
		String body = mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"Secret123\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return "Bearer " + JsonPath.read(body, "$.token");
	}

	@Test
	void partyMemberSeesOnlyThemselves() throws Exception {
		var members = people.search("130902", null, 0, 200, city)
			.items()
			.stream()
			.filter(p -> p.holds(RoleKind.PARTY_MEMBER))
			.toList();
		long self = members.get(0).id();
		long other = members.get(1).id();
		String username = "pm" + System.nanoTime();
		accounts.create(new NewAccount(username, "Secret123", Role.PARTY_MEMBER, self, List.of()));
		String token = token(username);
		mvc.perform(get("/api/v1/persons/" + self).header("Authorization", token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/persons/" + other).header("Authorization", token)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/regions/130902").header("Authorization", token)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/persons?region=130902").header("Authorization", token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/persons").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(self));
	}

	@Test
	void unitStaffSeeTheirUnitsPeopleOnly() throws Exception {
		var unit = units.list("130902", cn.huoxian.org.UnitKind.GOVERNMENT_ORGAN, 0, 1, city).items().get(0);
		String username = "unit" + System.nanoTime();
		accounts.create(new NewAccount(username, "Secret123", Role.UNIT_STAFF, null,
				List.of(new ScopeRoot(ScopeRoot.Kind.UNIT, unit.code()))));
		String token = token(username);
		String body = mvc.perform(get("/api/v1/persons?size=100").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> unitIds = JsonPath.read(body, "$.items[*].roleDetails[*].unitId");
		org.assertj.core.api.Assertions.assertThat(unitIds).isNotEmpty().allMatch(id -> id == unit.id());
		mvc.perform(get("/api/v1/units/" + unit.id()).header("Authorization", token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/regions/130902").header("Authorization", token)).andExpect(status().isNotFound());
	}

}
