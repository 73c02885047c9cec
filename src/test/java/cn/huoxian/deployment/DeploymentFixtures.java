package cn.huoxian.deployment;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the deployment tests create through the API: units in a chosen region and cadres
 * of a chosen rank working there, so a test controls the inspector's level.
 */
public final class DeploymentFixtures {

	private static final SplittableRandom RANDOM = new SplittableRandom();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final MockMvc mvc;

	public DeploymentFixtures(MockMvc mvc) {
		this.mvc = mvc;
	}

	public String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getContentAsString();
	}

	public int status(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getStatus();
	}

	public String post(String user, String url, String body, int expected) throws Exception {
		return mvc
			.perform(as(mvc, user, MockMvcRequestBuilders.post(url)).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(result -> org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
				.is(cn.huoxian.support.Api.refusedAs(expected, result.getResponse().getStatus()))
				.match(result))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	public static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** The code of a region's child, by index in code order. */
	public String child(String code, int index) throws Exception {
		return JsonPath.read(json("admin", "/api/v1/regions/" + code + "/children"), "$[" + index + "].code");
	}

	/**
	 * A new child of a county (a township) or of a township (a village), with a random
	 * free code.
	 */
	public String newChild(String parentCode) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			String number = String.valueOf(500 + RANDOM.nextInt(500));
			String code = parentCode.length() == 6 ? parentCode + number + "000" : parentCode.substring(0, 9) + number;
			int status = mvc
				.perform(as(mvc, "admin", MockMvcRequestBuilders.post("/api/v1/regions"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + code + "\",\"name\":\"督导测试" + number + "\",\"parentCode\":\"" + parentCode
							+ "\"}"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 201) {
				return code;
			}
		}
		throw new IllegalStateException("no free code under " + parentCode);
	}

	/** A new unit in a region. */
	public Unit unit(String regionCode) throws Exception {
		String code = "DEPA-" + cn.huoxian.support.Api.unique() + "-" + SEQUENCE.incrementAndGet() + "-"
				+ RANDOM.nextInt(100_000);
		String body = post("admin", "/api/v1/units", "{\"code\":\"" + code + "\",\"name\":\"督导测试单位" + code
				+ "\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"" + regionCode + "\"}", 201);
		return new Unit(id(body), code);
	}

	public record Unit(long id, String code) {
	}

	/** A new cadre of a rank, working at a unit (or none), living in a region. */
	public long cadre(String regionCode, String rank, Long unitId) throws Exception {
		String role = "{\"role\":\"CADRE\",\"rank\":\"" + rank + "\",\"position\":\"干部\""
				+ (unitId == null ? "" : ",\"unitId\":" + unitId) + "}";
		return person(regionCode, "[" + role + "]");
	}

	/** A new person with the given roles (JSON array) living in a region. */
	public long person(String regionCode, String roles) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String body = post("admin", "/api/v1/persons", "{\"name\":\"干部" + SEQUENCE.incrementAndGet()
				+ "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\"" + regionCode + "\",\"roles\":" + roles + "}",
				201);
		return id(body);
	}

}
