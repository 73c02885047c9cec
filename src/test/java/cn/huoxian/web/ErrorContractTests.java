package cn.huoxian.web;

import static cn.huoxian.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The generic error contract: every list checks its paging before the database, every
 * error a client can cause is a 4xx naming the field in the caller's language, and no
 * answer leaks a class, file path, SQL or stack.
 */
@SqlTest
class ErrorContractTests {

	private static final List<String> LEAKS = List.of("cn.huoxian", "java.", "tools.jackson", "/tmp", "Exception",
			"SQL", "org.springframework", "at line");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** Every GET handler (API or page) with a page or size request parameter. */
	private List<String[]> lists() {
		List<String[]> lists = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (var parameter : entry.getValue().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				String name = param == null ? ""
						: !param.name().isEmpty() ? param.name() : parameter.getParameter().getName();
				if (name.equals("page") || name.equals("size")) {
					for (String pattern : info.getPatternValues()) {
						lists.add(new String[] { pattern.replaceAll("\\{[^}]+}", "1"), name });
					}
				}
			}
		}
		return lists;
	}

	@Test
	void findsTheListsTheAttackHit() {
		Set<String> paths = new TreeSet<>();
		lists().forEach(l -> paths.add(l[0]));
		assertThat(paths).contains("/api/v1/audit", "/audit", "/persons", "/api/v1/persons");
		assertThat(paths.stream().filter(p -> !p.startsWith("/api/")).count()).isGreaterThanOrEqualTo(17);
	}

	@TestFactory
	Stream<DynamicTest> everyListAnswersBadPagingWith400NamingTheParameter() throws Exception {
		MockHttpSession session = Pages.login(mvc, "admin");
		String token = cn.huoxian.support.Api.token(mvc, "admin");
		List<DynamicTest> tests = new ArrayList<>();
		for (String[] list : lists()) {
			String path = list[0];
			String name = list[1];
			List<String> bad = name.equals("size") ? List.of("0", "-1", "100000000", "x", "1.5")
					: List.of("-1", "x", "99999999999");
			for (String value : bad) {
				tests.add(DynamicTest.dynamicTest(path + "?" + name + "=" + value, () -> {
					MockHttpServletRequestBuilder request = get(path).param(name, value);
					boolean api = path.startsWith("/api/");
					MockHttpServletResponse response = mvc
						.perform(api ? request.header("Authorization", "Bearer " + token) : request.session(session))
						.andReturn()
						.getResponse();
					assertThat(response.getStatus()).as(path).isEqualTo(400);
					String body = response.getContentAsString();
					if (api) {
						assertThat(response.getContentType()).startsWith("application/problem+json");
						assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo(name);
					}
					else {
						assertThat(response.getContentType()).startsWith("text/html");
						assertThat(body).contains(name);
					}
					assertNoLeak(body);
				}));
			}
		}
		return tests.stream();
	}

	@Test
	void largestPageAndSizeStillAnswer() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(as(mvc, "admin", get("/api/v1/audit").param("size", "500").param("page", "2147483647")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void eachKindOfBadRequestNamesTheProblemWithoutInternals() throws Exception {
		// a missing body
		assertProblem(as(mvc, "admin", post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)), 400, null);
		// not JSON
		assertProblem(
				as(mvc, "admin", post("/api/v1/units").contentType(MediaType.APPLICATION_JSON).content("{\"code\":")),
				400, null);
		// a field of the wrong type, deep in the body
		assertProblem(as(mvc, "admin",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"X-1\",\"name\":\"n\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\","
							+ "\"partyOrganisationId\":\"abc\"}")),
				400, "partyOrganisationId");
		// a field the request does not have
		assertProblem(as(mvc, "admin",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"X-1\",\"name\":\"n\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\","
							+ "\"color\":\"red\"}")),
				400, "color");
		// a missing and a mistyped parameter
		assertProblem(as(mvc, "admin", get("/api/v1/households")), 400, "region");
		assertProblem(as(mvc, "admin", get("/api/v1/persons/abc")), 400, "id");
		// method, media type, unknown path
		assertProblem(as(mvc, "admin", delete("/api/v1/audit")), 405, null);
		assertProblem(as(mvc, "admin", post("/api/v1/units").contentType(MediaType.TEXT_PLAIN).content("x")), 415,
				null);
		assertProblem(as(mvc, "admin", get("/api/v1/no-such-thing")), 404, null);
	}

	@Test
	void answersInTheCallersLanguage() throws Exception {
		var missingBody = as(mvc, "admin", post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON));
		String zh = mvc.perform(missingBody).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(zh, "$.title")).isEqualTo("请求无效");
		assertThat(JsonPath.<String>read(zh, "$.detail")).contains("缺少请求体");
		String en = mvc
			.perform(as(mvc, "admin", post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON))
				.header("Accept-Language", "en-US,en;q=0.8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(en, "$.title")).isEqualTo("Bad request");
		assertThat(JsonPath.<String>read(en, "$.detail")).contains("body is missing");
		String tw = mvc.perform(as(mvc, "admin", get("/api/v1/households")).header("Accept-Language", "zh-TW"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(tw, "$.title")).isEqualTo("請求無效");
	}

	@Test
	void anUnknownReferenceIsNot500() throws Exception {
		String code = "ERR-" + cn.huoxian.support.Api.unique() + "-" + System.nanoTime() % 100000;
		String created = mvc
			.perform(as(mvc, "admin",
					post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
						.content("{\"code\":\"" + code
								+ "\",\"name\":\"错误测试单位\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Number id = JsonPath.read(created, "$.id");
		MockHttpServletResponse response = mvc
			.perform(as(mvc, "admin",
					put("/api/v1/units/" + id).contentType(MediaType.APPLICATION_JSON)
						.content("{\"code\":\"" + code + "\",\"name\":\"错误测试单位\",\"kind\":\"GOVERNMENT_ORGAN\","
								+ "\"regionCode\":\"130902\",\"partyOrganisationId\":987654321}")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isBetween(400, 499);
		assertThat(response.getContentAsString()).contains("partyOrganisationId");
		assertNoLeak(response.getContentAsString());
	}

	@Test
	void nulAndLoneSurrogatesAreRefusedNamingTheField() throws Exception {
		assertProblem(as(mvc, "admin", post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"code\":\"X-1\",\"name\":\"a\\u0000b\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}")),
				400, "name");
		assertProblem(as(mvc, "admin", post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"code\":\"X-1\",\"name\":\"a\\ud800b\",\"kind\":\"GOVERNMENT_ORGAN\",\"regionCode\":\"130902\"}")),
				400, "name");
		assertProblem(as(mvc, "admin", get("/api/v1/persons").param("q", "王\u0000")), 400, "q");
		MockHttpSession session = Pages.login(mvc, "admin");
		MockHttpServletResponse page = mvc.perform(get("/persons").param("q", "\udc00").session(session))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("q");
		MockHttpServletResponse form = mvc
			.perform(post("/persons/new").session(session).with(csrf()).param("name", "张\u0000三"))
			.andReturn()
			.getResponse();
		assertThat(form.getStatus()).isEqualTo(400);
		assertThat(form.getContentAsString()).contains("name");
	}

	private void assertProblem(MockHttpServletRequestBuilder request, int status, String field) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String body = response.getContentAsString();
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(body, "$.title")).isNotBlank();
		if (field != null) {
			assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo(field);
		}
		assertNoLeak(body);
	}

	private static void assertNoLeak(String body) {
		// a page's CSRF token (in its meta tag and its forms) is random text: it once
		// held
		// "…ISQLt…"
		String checked = body;
		var token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(body);
		if (token.find()) {
			checked = body.replace(token.group(1), "");
		}
		for (String leak : LEAKS) {
			assertThat(checked).as("leaks " + leak).doesNotContain(leak);
		}
	}

}
