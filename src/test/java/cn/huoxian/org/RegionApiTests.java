package cn.huoxian.org;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
			.content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(as(mvc, "xinhua", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"130903999000\",\"name\":\"x\",\"parentCode\":\"130903\"}"))
			.andExpect(status().isForbidden());
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

}
