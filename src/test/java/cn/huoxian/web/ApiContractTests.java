package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document is a contract: every operation has a summary and declares its
 * problem answers, the bearer scheme guards all but signing in, and what the read
 * endpoints answer on the demo city matches the declared schemas (required fields
 * present, null only where a field is declared nullable).
 */
@SqlTest
class ApiContractTests {

	@Autowired
	MockMvc mvc;

	Map<String, Object> doc;

	Map<String, Object> schemas;

	@BeforeEach
	void readDocument() throws Exception {
		String body = mvc.perform(Api.as(mvc, "admin", get("/v3/api-docs")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		doc = JsonPath.parse(body).json();
		schemas = map(map(doc.get("components")).get("schemas"));
	}

	@Test
	void everyOperationHasASummaryAndDeclaresItsProblems() {
		List<String> missing = new ArrayList<>();
		operations().forEach((key, op) -> {
			if (!(op.get("summary") instanceof String s) || s.isBlank()) {
				missing.add(key + ": no summary");
			}
			Map<String, Object> responses = map(op.get("responses"));
			for (String status : List.of("400", "401", "503")) {
				if (!responses.containsKey(status)) {
					missing.add(key + ": no " + status);
				}
			}
			if (!key.startsWith("GET") && !responses.containsKey("422")) {
				missing.add(key + ": a write without 422");
			}
			responses.forEach((status, response) -> {
				Map<String, Object> content = map(map(response).get("content"));
				if (content != null && content.containsKey("*/*")) {
					missing.add(key + " " + status + ": */* media type");
				}
				if (status.startsWith("4") && (content == null || !content.containsKey("application/problem+json"))) {
					missing.add(key + " " + status + ": not problem+json");
				}
			});
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void onlySigningInIsOpen() {
		assertThat(JsonPath.<List<Object>>read(doc, "$.security[*].bearerAuth")).hasSize(1);
		assertThat(JsonPath.<String>read(doc, "$.components.securitySchemes.bearerAuth.scheme")).isEqualTo("bearer");
		List<String> open = new ArrayList<>();
		operations().forEach((key, op) -> {
			if (op.get("security") instanceof List<?> list && list.isEmpty()) {
				open.add(key);
			}
		});
		assertThat(open).containsExactly("POST /api/v1/auth/token");
	}

	@Test
	void pagingParametersDeclareTheirLimits() {
		operations().forEach((key, op) -> {
			if (op.get("parameters") instanceof List<?> parameters) {
				for (Object p : parameters) {
					Map<String, Object> parameter = map(p);
					if ("size".equals(parameter.get("name"))) {
						assertThat(map(parameter.get("schema"))).as(key)
							.containsEntry("maximum", cn.huoxian.shared.PageResult.MAX_SIZE)
							.containsEntry("minimum", 1);
					}
				}
			}
		});
	}

	/**
	 * Calls every read endpoint that needs no parameter or only a region code or an id
	 * taken from its list, as the administrator, and checks each answer against its
	 * schema.
	 */
	@Test
	void readAnswersMatchTheirSchemas() throws Exception {
		List<String> violations = new ArrayList<>();
		Map<String, Object> paths = map(doc.get("paths"));
		int checked = 0;
		for (String path : new TreeSet<>(paths.keySet())) {
			Map<String, Object> get = map(map(paths.get(path)).get("get"));
			if (get == null || !path.startsWith("/api/v1/")) {
				continue;
			}
			Map<String, Object> ok = map(map(get.get("responses")).get("200"));
			Map<String, Object> content = ok == null ? null : map(ok.get("content"));
			Map<String, Object> json = content == null ? null : map(content.get("application/json"));
			if (json == null) {
				continue;
			}
			String url = concrete(path, paths);
			if (url == null) {
				continue;
			}
			MockHttpServletResponse response = mvc.perform(Api.as(mvc, "admin", get(url))).andReturn().getResponse();
			if (response.getStatus() != 200) {
				continue;
			}
			checked++;
			Object value = JsonPath.parse(response.getContentAsString()).json();
			validate(value, map(json.get("schema")), url, violations);
		}
		assertThat(checked).as("read endpoints checked").isGreaterThan(30);
		assertThat(violations).isEmpty();
	}

	/**
	 * The path with its parameters filled: a region code, or the id of the first item of
	 * the list above it; null when that cannot be done.
	 */
	private String concrete(String path, Map<String, Object> paths) throws Exception {
		Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
		String url = path;
		while (m.find()) {
			String name = m.group(1);
			String value;
			if (name.equals("code")) {
				value = "130902";
			}
			else if (name.equals("id") && paths.containsKey(path.substring(0, m.start() - 1))) {
				value = firstId(path.substring(0, m.start() - 1));
			}
			else {
				return null;
			}
			if (value == null) {
				return null;
			}
			url = url.replace("{" + name + "}", value);
		}
		return url;
	}

	private String firstId(String listPath) throws Exception {
		if (listPath.contains("{")) {
			return null;
		}
		MockHttpServletResponse response = mvc.perform(Api.as(mvc, "admin", get(listPath).param("region", "130902")))
			.andReturn()
			.getResponse();
		if (response.getStatus() != 200) {
			return null;
		}
		List<Object> ids = JsonPath.read(response.getContentAsString(), "$..items[0].id");
		return ids.isEmpty() ? null : String.valueOf(ids.get(0));
	}

	private void validate(Object value, Map<String, Object> schema, String at, List<String> violations) {
		if (schema == null) {
			return;
		}
		if (schema.get("$ref") instanceof String ref) {
			validate(value, map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1))), at, violations);
			return;
		}
		if (schema.get("anyOf") instanceof List<?> options) {
			for (Object option : options) {
				List<String> attempt = new ArrayList<>();
				validate(value, map(option), at, attempt);
				if (attempt.isEmpty()) {
					return;
				}
			}
			violations.add(at + ": matches none of anyOf");
			return;
		}
		List<String> types = types(schema);
		if (value == null) {
			if (!types.isEmpty() && !types.contains("null")) {
				violations.add(at + ": null, declared " + types);
			}
			return;
		}
		if (value instanceof Map<?, ?> object) {
			if (schema.get("required") instanceof List<?> required) {
				for (Object name : required) {
					if (!object.containsKey(name)) {
						violations.add(at + "." + name + ": required but absent");
					}
				}
			}
			Map<String, Object> properties = map(schema.get("properties"));
			if (properties != null) {
				object.forEach((name, v) -> validate(v, map(properties.get(name)), at + "." + name, violations));
			}
		}
		else if (value instanceof List<?> list && !list.isEmpty()) {
			validate(list.get(0), map(schema.get("items")), at + "[0]", violations);
		}
		else if (value instanceof String && !types.isEmpty() && !types.contains("string")) {
			violations.add(at + ": a string, declared " + types);
		}
	}

	private static List<String> types(Map<String, Object> schema) {
		Object type = schema.get("type");
		if (type instanceof String s) {
			return List.of(s);
		}
		if (type instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	private Map<String, Map<String, Object>> operations() {
		Map<String, Map<String, Object>> ops = new java.util.TreeMap<>();
		map(doc.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
			if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
				ops.put(method.toUpperCase() + " " + path, map(op));
			}
		}));
		return ops;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

}
