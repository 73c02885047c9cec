package cn.huoxian.org;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.support.Api;
import com.jayway.jsonpath.JsonPath;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SqlTest
class RegionApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void readsRegionInsideScopeWithMaintainedCounts() throws Exception {
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/130902")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("130902"))
			.andExpect(jsonPath("$.name").value("新华区"))
			.andExpect(jsonPath("$.level").value("COUNTY"))
			.andExpect(jsonPath("$.path").value("/130900/130902/"))
			.andExpect(jsonPath("$.parentCode").value("130900"))
			.andExpect(jsonPath("$.counts.households").isNumber());
	}

	@Test
	void answers404ForRegionOutsideScope() throws Exception {
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/130903"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/130900"))).andExpect(status().isNotFound());
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/130903/children"))).andExpect(status().isNotFound());
	}

	@Test
	void answers403ForWriteOutsideScope() throws Exception {
		mvc.perform(as(mvc, "xinhua", put("/api/v1/regions/130903")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")).andExpect(Api.refused());
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"130903999000\",\"name\":\"x\",\"parentCode\":\"130903\"}")).andExpect(Api.refused());
	}

	@Test
	void refusesRegionCodeThatDoesNotFitItsParent() throws Exception {
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"130903998000\",\"name\":\"x\",\"parentCode\":\"130902\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void requiresToken() throws Exception {
		mvc.perform(get("/api/v1/regions/130902")).andExpect(status().isUnauthorized());
	}

	@Test
	void createsTownshipVillageAndGridUnderItsParent() throws Exception {
		String township = null;
		for (int n = 900; n < 999 && township == null; n++) {
			String code = "130902" + n + "000";
			int status = mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/" + code)))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 404) {
				township = code;
			}
		}
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + township + "\",\"name\":\"测试街道\",\"parentCode\":\"130902\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("TOWNSHIP"))
			.andExpect(jsonPath("$.path").value("/130900/130902/" + township + "/"))
			.andExpect(jsonPath("$.counts.households").value(0));
		String village = township.substring(0, 9) + "001";
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + village + "\",\"name\":\"测试社区\",\"parentCode\":\"" + township + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("VILLAGE"));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + village + "001\",\"name\":\"第1网格\",\"parentCode\":\"" + village + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("GRID"))
			.andExpect(jsonPath("$.parentCode").value(village));
		mvc.perform(as(mvc, "xinhua", get("/api/v1/regions/" + township + "/children")))
			.andExpect(jsonPath("$[0].code").value(village));
	}

	@Test
	void aGridRefusesChildRegionsInTheCallersLanguage() throws Exception {
		String me = mvc.perform(as(mvc, "grid01", get("/api/v1/me"))).andReturn().getResponse().getContentAsString();
		String grid = JsonPath.read(me, "$.scopes[0].code");
		String body = "{\"code\":\"" + grid + "001\",\"name\":\"x\",\"parentCode\":\"" + grid + "\"}";
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail").value("网格下不设下级区域，请在网格中登记楼栋和住户"));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).header("Accept-Language", "zh-TW")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(jsonPath("$.detail").value("網格下不設下級區域，請在網格中登記樓棟和住戶"));
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(jsonPath("$.detail").value("A grid has no child regions; add buildings and households instead"));
	}

	@Test
	void namesTheCodeAChildMustStartWith() throws Exception {
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"130903998000\",\"name\":\"x\",\"parentCode\":\"130902\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("应以区县代码 130902 开头，乡镇编号不能是 000"));
	}

}
