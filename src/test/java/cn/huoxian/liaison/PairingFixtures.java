package cn.huoxian.liaison;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What the liaison, pairing and shortage tests create through the API: cadres of a rank,
 * units, fresh townships and villages in a district, and accounts of unit staff or of
 * another district.
 */
public final class PairingFixtures {

	private static final Map<String, String> TOWNSHIPS = new HashMap<>();

	private static final AtomicInteger VILLAGES = new AtomicInteger();

	private final MockMvc mvc;

	public PairingFixtures(MockMvc mvc) {
		this.mvc = mvc;
	}

	<B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions perform(String user, B request)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + Api.token(mvc, user)));
	}

	public ResultActions postJson(String user, String url, String json) throws Exception {
		return mvc.perform(as(mvc, user, post(url)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public String body(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	public static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** A person in the district with a cadre role of this rank (null: no role). */
	long person(String rank) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String roles = rank == null ? "[]" : "[{\"role\":\"CADRE\",\"rank\":\"" + rank + "\",\"position\":\"干部\"}]";
		String body = mvc
			.perform(as(mvc, "admin", post("/api/v1/persons")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"结对" + (rank == null ? "群众" : rank) + "\",\"idNumber\":\"" + idNumber
						+ "\",\"regionCode\":\"130902\",\"roles\":" + roles + "}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** A new unit in the district; returns its code. */
	public String unit() throws Exception {
		String code = "PB" + Long.toString(System.nanoTime() % 1_000_000_000_000L);
		mvc.perform(as(mvc, "admin", post("/api/v1/units")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"结对单位" + code
					+ "\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		return code;
	}

	/** A township of this county made for these tests (once per run). */
	synchronized String township(String county) throws Exception {
		String found = TOWNSHIPS.get(county);
		for (int n = 800; found == null && n < 900; n++) {
			String code = county + n + "000";
			int status = mvc.perform(as(mvc, "admin", get("/api/v1/regions/" + code)))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 404) {
				mvc.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + code + "\",\"name\":\"结对测试街道\",\"parentCode\":\"" + county + "\"}"))
					.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
				found = code;
			}
		}
		TOWNSHIPS.put(county, found);
		return found;
	}

	/** A new village (community) in a fresh township of this county. */
	String village(String county) throws Exception {
		String township = township(county);
		String code = township.substring(0, 9) + String.format("%03d", VILLAGES.incrementAndGet());
		mvc.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"结对社区" + code + "\",\"parentCode\":\"" + township + "\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		return code;
	}

	public String village() throws Exception {
		return village("130902");
	}

	/** A grid in the village. */
	String grid(String village) throws Exception {
		String code = village + "001";
		mvc.perform(as(mvc, "admin", post("/api/v1/regions")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"第1网格\",\"parentCode\":\"" + village + "\"}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		return code;
	}

	/** An account (password as the demo accounts') of this role bound to one root. */
	public static String account(Accounts accounts, Role role, Long personId, ScopeRoot root) {
		String username = "pb" + role.name().toLowerCase().charAt(0) + System.nanoTime();
		accounts.create(new NewAccount(username, Api.PASSWORD, role, personId, List.of(root)));
		return username;
	}

	/** A pairing of a new unit with a new village, with no elements; returns its id. */
	public long bare(String unit, String village) throws Exception {
		return id(postJson("xinhua", "/api/v1/deployment/pairings",
				"{\"unitCode\":\"" + unit + "\",\"communityCode\":\"" + village + "\"}"));
	}

}
