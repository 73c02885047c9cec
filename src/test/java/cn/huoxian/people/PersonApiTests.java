package cn.huoxian.people;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.shared.IdNumber;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registering, correcting, finding and revealing persons through the API, and the
 * counters that follow.
 */
@SqlTest
class PersonApiTests {

	@Autowired
	MockMvc mvc;

	private String body(String url, String user) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	private long count(String code, String field) throws Exception {
		return ((Number) JsonPath.read(body("/api/v1/regions/" + code, "admin"), "$.counts." + field)).longValue();
	}

	private static String freshIdNumber() {
		return cn.huoxian.support.TestIdNumbers.fresh();
	}

	private String grid() throws Exception {
		return JsonPath.read(body("/api/v1/me", "grid01"), "$.scopes[0].code");
	}

	private long newHousehold(String grid) throws Exception {
		String created = mvc
			.perform(as(mvc, "grid01", post("/api/v1/households")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"regionCode\":\"" + grid
						+ "\",\"building\":\"20号楼\",\"address\":\"测试小区20号楼\",\"door\":\"1-101\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	@Test
	void refusesBadCheckDigitNamingTheField() throws Exception {
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"张三\",\"idNumber\":\"110105194912310021\",\"regionCode\":\"130902\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].reason").value("校验码错误"));
	}

	@Test
	void aRoleWithoutTheFactsItsKindNeedsNamesEachField() throws Exception {
		// RoleFacts: a party member needs organisation, join date and membership
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"张三\",\"idNumber\":\"" + freshIdNumber()
					+ "\",\"regionCode\":\"130902\",\"roles\":[{\"role\":\"VOLUNTEER\"},{\"role\":\"PARTY_MEMBER\","
					+ "\"membership\":\"FORMAL\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("roles[1].joinedOn"))
			.andExpect(jsonPath("$.errors[0].reason").value("必填"))
			.andExpect(jsonPath("$.errors[1].field").value("roles[1].partyOrganisationId"))
			.andExpect(jsonPath("$.errors[1].reason").value("必填"));
	}

	@Test
	void registeringResidentUpdatesCountsAtEveryLevelAtOnce() throws Exception {
		String grid = grid();
		long household = newHousehold(grid);
		long cityResidents = count("130900", "residents");
		long cityParty = count("130900", "partyMembers");
		long gridResidents = count(grid, "residents");
		String organisation = JsonPath
			.read(body("/api/v1/party-organisations?size=1&region=130902", "admin"), "$.items[0].id")
			.toString();
		String idNumber = freshIdNumber();
		String created = mvc
			.perform(as(mvc, "grid01", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"李四\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"13812345678\",\"householdId\":"
						+ household + ",\"roles\":[{\"role\":\"PARTY_MEMBER\",\"partyOrganisationId\":" + organisation
						+ ",\"joinedOn\":\"2001-07-01\",\"membership\":\"FORMAL\"},{\"role\":\"VOLUNTEER\"}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)))
			.andExpect(jsonPath("$.phone").value("138****5678"))
			.andExpect(jsonPath("$.roles[0]").value("PARTY_MEMBER"))
			.andExpect(jsonPath("$.birthDate").value(new IdNumber(idNumber).birthDate().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(count("130900", "residents")).isEqualTo(cityResidents + 1);
		assertThat(count("130900", "partyMembers")).isEqualTo(cityParty + 1);
		assertThat(count(grid, "residents")).isEqualTo(gridResidents + 1);
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		// dropping the party role takes the member out of the counts again
		mvc.perform(as(mvc, "grid01", put("/api/v1/persons/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"李四\",\"idNumber\":\"" + idNumber + "\",\"householdId\":" + household + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles").isEmpty());
		assertThat(count("130900", "partyMembers")).isEqualTo(cityParty);
		assertThat(count("130900", "residents")).isEqualTo(cityResidents + 1);
	}

	@Test
	void findsPersonByExactIdNumberAndNamePrefix() throws Exception {
		String idNumber = freshIdNumber();
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"欧阳查询\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\"}"))
			.andExpect(status().isCreated());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons?q=" + idNumber)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value("欧阳查询"));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons?q=欧阳查")))
			.andExpect(jsonPath("$.items[?(@.name == '欧阳查询')]").isNotEmpty());
		// the same person is invisible to another county's staff
		mvc.perform(as(mvc, "grid01", get("/api/v1/persons?q=" + idNumber))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"重复\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"130902\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("该身份证号已登记"));
	}

	@Test
	void revealShowsUnmaskedDataAndIsAudited() throws Exception {
		String idNumber = freshIdNumber();
		String created = mvc
			.perform(as(mvc, "xinhua", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"王揭示\",\"idNumber\":\"" + idNumber
						+ "\",\"phone\":\"13900001111\",\"regionCode\":\"130902\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(as(mvc, "xinhua", get("/api/v1/persons/" + id)))
			.andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)))
			.andExpect(jsonPath("$.masked").value(true));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons/" + id + "/reveal")).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/persons/" + id + "/reveal")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"核实隔离人员身份\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idNumber").value(idNumber))
			.andExpect(jsonPath("$.phone").value("13900001111"))
			.andExpect(jsonPath("$.masked").value(false));
		mvc.perform(as(mvc, "admin", get("/api/v1/audit?action=REVEAL&size=100")))
			.andExpect(jsonPath(
					"$.items[?(@.subject == 'person:" + id + "' && @.actor == 'xinhua' && @.reason == '核实隔离人员身份')]")
				.isNotEmpty());
	}

}
