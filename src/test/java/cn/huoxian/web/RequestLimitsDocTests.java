package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huoxian.support.Api;
import cn.huoxian.support.SqlTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The guard that keeps new request fields bounded: every string a write operation accepts
 * declares a maximum length and every number a range (springdoc derives them from the
 * Bean Validation annotations that are checked before the database). An id (int64) needs
 * only its minimum.
 */
@SqlTest
class RequestLimitsDocTests {

	private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

	/** Strings whose format already bounds them. */
	private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "uuid", "binary", "time");

	@Autowired
	MockMvc mvc;

	@Test
	void everyWrittenStringHasAMaximumLengthAndEveryNumberARange() throws Exception {
		String json = mvc.perform(Api.as(mvc, "admin", get("/v3/api-docs")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/api-docs.json"), json);
		Map<String, Map<String, Object>> schemas = JsonPath.read(json, "$.components.schemas");
		Map<String, Map<String, Object>> paths = JsonPath.read(json, "$.paths");
		List<String> unbounded = new ArrayList<>();
		int bodies = 0;
		for (var path : paths.entrySet()) {
			for (var operation : path.getValue().entrySet()) {
				if (!WRITES.contains(operation.getKey())) {
					continue;
				}
				Map<String, Object> body = map(map(operation.getValue()).get("requestBody"));
				Map<String, Object> content = body == null ? null : map(body.get("content"));
				if (content == null) {
					continue;
				}
				for (Object media : content.values()) {
					bodies++;
					String where = operation.getKey().toUpperCase() + " " + path.getKey();
					check(where, map(map(media).get("schema")), schemas, new HashSet<>(), unbounded);
				}
			}
		}
		assertThat(bodies).as("request bodies found").isGreaterThan(40);
		assertThat(unbounded).as("request fields without a declared limit").isEmpty();
	}

	private void check(String where, Map<String, Object> schema, Map<String, Map<String, Object>> schemas,
			Set<String> seen, List<String> unbounded) {
		if (schema == null) {
			return;
		}
		Object ref = schema.get("$ref");
		if (ref != null) {
			String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
			if (seen.add(name)) {
				check(where + " " + name, schemas.get(name), schemas, seen, unbounded);
			}
			return;
		}
		for (String combined : List.of("allOf", "oneOf", "anyOf")) {
			if (schema.get(combined) instanceof List<?> parts) {
				parts.forEach(part -> check(where, map(part), schemas, seen, unbounded));
			}
		}
		Map<String, Object> properties = map(schema.get("properties"));
		if (properties != null) {
			properties.forEach((name, property) -> field(where + "." + name, map(property), schemas, seen, unbounded));
		}
		if (schema.get("items") != null) {
			field(where + "[]", map(schema.get("items")), schemas, seen, unbounded);
		}
	}

	private void field(String where, Map<String, Object> property, Map<String, Map<String, Object>> schemas,
			Set<String> seen, List<String> unbounded) {
		Object type = property.get("type");
		if (type instanceof List<?> types) {
			type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
		}
		Object format = property.get("format");
		if ("string".equals(type) && property.get("enum") == null
				&& (format == null || !BOUNDED_FORMATS.contains(format)) && property.get("maxLength") == null) {
			unbounded.add(where + " (string without maxLength)");
		}
		if ("integer".equals(type) || "number".equals(type)) {
			boolean min = property.get("minimum") != null || property.get("exclusiveMinimum") != null;
			boolean max = property.get("maximum") != null || property.get("exclusiveMaximum") != null;
			if (!min || (!max && !"int64".equals(format))) {
				unbounded.add(where + " (" + type + " without " + (min ? "maximum" : "minimum") + ")");
			}
		}
		check(where, property, schemas, seen, unbounded);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
	}

}
