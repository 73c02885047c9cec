package cn.huoxian.access;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every scoped endpoint, for the region staff of 新华区 (130902): inside their subtree reads
 * answer 200, outside (运河区 130903) reads answer 404 and writes 403.
 */
@SqlTest
class ScopeTests {

	@Autowired
	MockMvc mvc;

	Ids inside;

	Ids outside;

	record Ids(String county, String grid, long household, long person, long unit, long organisation) {
	}

	@BeforeEach
	void findIds() throws Exception {
		inside = ids("130902");
		outside = ids("130903");
	}

	private Ids ids(String county) throws Exception {
		String grid = firstGrid(county);
		long household = ((Number) JsonPath.read(json("/api/v1/households?size=1&region=" + county), "$.items[0].id"))
			.longValue();
		long person = ((Number) JsonPath.read(json("/api/v1/persons?size=1&region=" + county), "$.items[0].id"))
			.longValue();
		long unit = ((Number) JsonPath.read(json("/api/v1/units?size=1&region=" + county), "$.items[0].id"))
			.longValue();
		long organisation = ((Number) JsonPath.read(json("/api/v1/party-organisations?size=1&region=" + county),
				"$.items[0].id"))
			.longValue();
		return new Ids(county, grid, household, person, unit, organisation);
	}

	private String firstGrid(String code) throws Exception {
		String current = code;
		for (int depth = 0; depth < 3; depth++) {
			current = JsonPath.read(json("/api/v1/regions/" + current + "/children"), "$[0].code");
		}
		return current;
	}

	private String json(String url) throws Exception {
		return mvc.perform(as(mvc, "admin", get(url))).andReturn().getResponse().getContentAsString();
	}

	private List<MockHttpServletRequestBuilder> reads(Ids ids) {
		return List.of(get("/api/v1/regions/" + ids.county()), get("/api/v1/regions/" + ids.county() + "/children"),
				get("/api/v1/households?region=" + ids.grid()), get("/api/v1/households/" + ids.household()),
				get("/api/v1/persons?region=" + ids.county()), get("/api/v1/persons/" + ids.person()),
				get("/api/v1/units?region=" + ids.county()), get("/api/v1/units/" + ids.unit()),
				get("/api/v1/party-organisations?region=" + ids.county()),
				get("/api/v1/party-organisations/" + ids.organisation()));
	}

	@Test
	void readsInsideScopeAnswer200() throws Exception {
		for (MockHttpServletRequestBuilder read : reads(inside)) {
			mvc.perform(as(mvc, "xinhua", read)).andExpect(status().isOk());
		}
	}

	@Test
	void readsOutsideScopeAnswer404() throws Exception {
		for (MockHttpServletRequestBuilder read : reads(outside)) {
			mvc.perform(as(mvc, "xinhua", read)).andExpect(status().isNotFound());
		}
	}

	@Test
	void writesOutsideScopeAnswer403() throws Exception {
		String suffix = Api.unique();
		List<MockHttpServletRequestBuilder> writes = List.of(
				json(put("/api/v1/regions/" + outside.county()), "{\"name\":\"运河区\"}"),
				json(post("/api/v1/regions"),
						"{\"code\":\"1309039" + pad(suffix) + "000\",\"name\":\"x\",\"parentCode\":\"130903\"}"),
				json(post("/api/v1/households"),
						"{\"regionCode\":\"" + outside.grid() + "\",\"address\":\"x\",\"door\":\"1\"}"),
				json(put("/api/v1/households/" + outside.household()),
						"{\"regionCode\":\"" + outside.grid() + "\",\"address\":\"x\"}"),
				json(post("/api/v1/persons"), personJson(outside.household())),
				json(put("/api/v1/persons/" + outside.person()), personJson(outside.household())),
				json(post("/api/v1/units"),
						"{\"code\":\"T-" + suffix
								+ "\",\"name\":\"x\",\"kind\":\"SOCIAL_ORGANISATION\",\"regionCode\":\"130903\"}"),
				json(put("/api/v1/units/" + outside.unit()),
						"{\"code\":\"T-" + suffix
								+ "\",\"name\":\"x\",\"kind\":\"SOCIAL_ORGANISATION\",\"regionCode\":\"130903\"}"),
				json(post("/api/v1/party-organisations"),
						"{\"code\":\"T-" + suffix + "\",\"name\":\"x\",\"kind\":\"BRANCH\",\"regionCode\":\"130903\"}"),
				json(put("/api/v1/party-organisations/" + outside.organisation()), "{\"code\":\"T-" + suffix
						+ "\",\"name\":\"x\",\"kind\":\"BRANCH\",\"regionCode\":\"130903\"}"));
		for (MockHttpServletRequestBuilder write : writes) {
			mvc.perform(as(mvc, "xinhua", write)).andExpect(Api.refused());
		}
	}

	@Test
	void writesInsideScopeSucceed() throws Exception {
		mvc.perform(as(mvc, "xinhua",
				json(post("/api/v1/households"),
						"{\"regionCode\":\"" + inside.grid()
								+ "\",\"building\":\"9号楼\",\"address\":\"测试地址\",\"door\":\"1-101\"}")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.regionCode").value(inside.grid()));
		mvc.perform(as(mvc, "xinhua", json(put("/api/v1/regions/" + inside.county()), "{\"name\":\"新华区\"}")))
			.andExpect(status().isOk());
	}

	@Test
	void gridWorkerSeesOnlyTheirGrid() throws Exception {
		mvc.perform(as(mvc, "grid01", get("/api/v1/regions/" + inside.county()))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "grid01", get("/api/v1/me")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("GRID_WORKER"))
			.andExpect(jsonPath("$.scopes[0].kind").value("REGION"));
		String grid = JsonPath.read(
				mvc.perform(as(mvc, "grid01", get("/api/v1/me"))).andReturn().getResponse().getContentAsString(),
				"$.scopes[0].code");
		mvc.perform(as(mvc, "grid01", get("/api/v1/regions/" + grid)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("GRID"));
		mvc.perform(as(mvc, "grid01", json(put("/api/v1/regions/" + grid), "{\"name\":\"x\"}")))
			.andExpect(status().isForbidden());
	}

	@Test
	void evaluatorReadsCityButMayNotWrite() throws Exception {
		mvc.perform(as(mvc, "zzb", get("/api/v1/regions/130903"))).andExpect(status().isOk());
		mvc.perform(as(mvc, "zzb", json(put("/api/v1/regions/130903"), "{\"name\":\"运河区\"}")))
			.andExpect(status().isForbidden());
		mvc.perform(as(mvc, "zzb", json(post("/api/v1/persons/" + outside.person() + "/reveal"), "{\"reason\":\"x\"}")))
			.andExpect(status().isForbidden());
		mvc.perform(as(mvc, "zzb", get("/api/v1/audit"))).andExpect(status().isForbidden());
	}

	private static String pad(String suffix) {
		return String.format("%02d", Integer.parseInt(suffix) % 100);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String personJson(long household) {
		return "{\"name\":\"测试\",\"idNumber\":\"11010519491231002X\",\"householdId\":" + household + "}";
	}

}
