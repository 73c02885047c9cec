package cn.huoxian.record;

import static cn.huoxian.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huoxian.access.Accounts;
import cn.huoxian.access.NewAccount;
import cn.huoxian.access.ScopeRoot;
import cn.huoxian.shared.Role;
import cn.huoxian.support.Api;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * What the record tests create: persons (cadres) through the API, and accounts linked to
 * them with a role and a region scope.
 */
final class RecordApiFixtures {

	private static final SplittableRandom RANDOM = new SplittableRandom();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final MockMvc mvc;

	private final Accounts accounts;

	RecordApiFixtures(MockMvc mvc, Accounts accounts) {
		this.mvc = mvc;
		this.accounts = accounts;
	}

	String json(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url)))
			.andExpect(MockMvcResultMatchers.status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	int status(String user, String url) throws Exception {
		return mvc.perform(as(mvc, user, get(url))).andReturn().getResponse().getStatus();
	}

	String post(String user, String url, String body, int expected) throws Exception {
		return mvc
			.perform(as(mvc, user, MockMvcRequestBuilders.post(url)).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(result -> MockMvcResultMatchers.status()
				.is(cn.huoxian.support.Api.refusedAs(expected, result.getResponse().getStatus()))
				.match(result))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String put(String user, String url, String body, int expected) throws Exception {
		return mvc
			.perform(as(mvc, user, MockMvcRequestBuilders.put(url)).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(MockMvcResultMatchers.status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** A new cadre of a rank living in a region. */
	long cadre(String regionCode, String rank) throws Exception {
		String idNumber = cn.huoxian.support.TestIdNumbers.fresh();
		String body = post("admin", "/api/v1/persons",
				"{\"name\":\"纪实" + SEQUENCE.incrementAndGet() + "\",\"idNumber\":\"" + idNumber + "\",\"regionCode\":\""
						+ regionCode + "\",\"roles\":[{\"role\":\"CADRE\",\"rank\":\"" + rank
						+ "\",\"position\":\"干部\"}]}",
				201);
		return id(body);
	}

	/**
	 * A new account (password {@link Api#PASSWORD}) linked to a person, scoped to a
	 * region.
	 */
	String account(Role role, Long personId, String regionCode) {
		String username = "rec" + Api.unique() + SEQUENCE.incrementAndGet() + RANDOM.nextInt(1000);
		accounts.create(new NewAccount(username, Api.PASSWORD, role, personId,
				regionCode == null ? List.of() : List.of(ScopeRoot.region(regionCode))));
		return username;
	}

}
