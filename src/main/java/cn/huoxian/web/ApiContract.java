package cn.huoxian.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI document a contract a client can be generated from: the bearer
 * scheme, the problem+json answers every operation can give, response fields that are
 * always present (and nullable only where a record component says {@code @Nullable}),
 * paging limits and JSON media types instead of {@code *}{@code /*}.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

	static final String PROBLEM = "application/problem+json";

	static final String BEARER = "bearerAuth";

	/** Operations anyone may call: signing in. */
	private static final Set<String> OPEN_OPERATIONS = Set.of("POST /api/v1/auth/token");

	/** Largest page a list endpoint answers ({@code shared.PageResult}). */
	static final int MAX_PAGE_SIZE = cn.huoxian.shared.PageResult.MAX_SIZE;

	@Bean
	OpenAPI huoxianOpenApi() {
		return new OpenAPI(SpecVersion.V31)
			.info(new Info().title("Huoxian 火线 API")
				.version("v1")
				.description("The REST API of Huoxian. Sign in with POST /api/v1/auth/token and send the token as "
						+ "`Authorization: Bearer <token>`. Every error is an RFC 9457 problem detail "
						+ "(application/problem+json); a field at fault is named in `errors[].field`. "
						+ "Objects outside the caller's data scope answer exactly like missing ones (404)."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("opaque")
						.description("A token from POST /api/v1/auth/token")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * A record component annotated {@code @Nullable} (any annotation of that simple name)
	 * may be {@code null}; every other response field never is.
	 */
	@Bean
	PropertyCustomizer nullableProperties() {
		return (property, type) -> {
			Annotation[] annotations = type.getCtxAnnotations();
			if (property == null || annotations == null) {
				return property;
			}
			for (Annotation a : annotations) {
				if (a.annotationType().getSimpleName().equals("Nullable")) {
					return nullable(property);
				}
			}
			return property;
		};
	}

	@Bean
	OpenApiCustomizer contract() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> {
				jsonMediaTypes(op);
				problems(method, path, op);
				pagingLimits(op);
				if ("POST".equals(method) && !OPEN_OPERATIONS.contains(method + " " + path)) {
					op.addParametersItem(idempotencyKey());
				}
				if (OPEN_OPERATIONS.contains(method + " " + path)) {
					op.setSecurity(List.of());
				}
			}));
			openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas("Problem", problem());
			responseFieldsRequired(openApi);
		};
	}

	private static Map<String, Operation> operations(PathItem item) {
		Map<String, Operation> ops = new LinkedHashMap<>();
		item.readOperationsMap().forEach((method, op) -> ops.put(method.name(), op));
		return ops;
	}

	/** Answers and bodies that springdoc typed {@code *}{@code /*} are JSON. */
	private static void jsonMediaTypes(Operation op) {
		if (op.getResponses() != null) {
			op.getResponses().values().forEach(r -> r.setContent(json(r.getContent())));
		}
		if (op.getRequestBody() != null) {
			op.getRequestBody().setContent(json(op.getRequestBody().getContent()));
		}
	}

	private static Content json(Content content) {
		if (content == null || !content.containsKey("*/*")) {
			return content;
		}
		Content fixed = new Content();
		content.forEach((type, media) -> fixed.addMediaType("*/*".equals(type) ? "application/json" : type, media));
		return fixed;
	}

	/**
	 * The problem answers an operation can give: bad input and a temporary refusal
	 * always; sign-in needed unless open; scope and role refusals, missing objects and
	 * rule violations where it names or changes something.
	 */
	private static void problems(String method, String path, Operation op) {
		ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
		boolean write = !"GET".equals(method);
		boolean open = OPEN_OPERATIONS.contains(method + " " + path);
		boolean hasBody = op.getRequestBody() != null;
		add(responses, "400", "The request is invalid: `errors` names each field and what is wrong with it");
		if (open) {
			add(responses, "401", "Wrong username or password, or the account is locked for 15 minutes");
			add(responses, "429", "Too many attempts");
		}
		else {
			add(responses, "401", "No valid bearer token");
			add(responses, "403", "The role may not do this, or the object is outside the caller's scope");
			add(responses, "404", "Not found, or outside the caller's data scope (the field at fault is named)");
		}
		if (write) {
			add(responses, "409", "Conflicts with the current state (a duplicate, or the same request still running)");
			add(responses, "422", "Breaks a business rule");
		}
		if (hasBody) {
			add(responses, "413", "The request body or upload is too large");
			add(responses, "415", "The body's media type is not accepted");
		}
		if (isUpload(op)) {
			add(responses, "429", "Too many imports at once: retry after the time in Retry-After");
		}
		add(responses, "406", "None of the accepted media types can be produced");
		add(responses, "503", "The demo city is still being generated: retry after the time in Retry-After");
		op.setResponses(responses);
	}

	private static boolean isUpload(Operation op) {
		return op.getRequestBody() != null && op.getRequestBody().getContent() != null
				&& op.getRequestBody().getContent().containsKey("multipart/form-data");
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(PROBLEM,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
	}

	/** The optional {@code Idempotency-Key} of every POST (module {@code api}). */
	private static Parameter idempotencyKey() {
		Schema<Object> key = typed("string");
		key.setMinLength(1);
		key.setMaxLength(100);
		key.setPattern("^[\\x21-\\x7E]+$");
		return new Parameter().in("header")
			.name("Idempotency-Key")
			.required(false)
			.description("Optional. A retry with the same key and the same request within 24 hours replays the "
					+ "first answer (header Idempotent-Replayed: true); the same key for another request answers "
					+ "422; while the first is still running 409")
			.schema(key);
	}

	/** {@code page} counts from 0; {@code size} is 1 to {@value #MAX_PAGE_SIZE}. */
	private static void pagingLimits(Operation op) {
		if (op.getParameters() == null) {
			return;
		}
		for (Parameter p : op.getParameters()) {
			if (!"query".equals(p.getIn()) || p.getSchema() == null) {
				continue;
			}
			if ("page".equals(p.getName())) {
				p.getSchema().setMinimum(java.math.BigDecimal.ZERO);
				p.setDescription("Page number, from 0");
			}
			else if ("size".equals(p.getName())) {
				p.getSchema().setMinimum(java.math.BigDecimal.ONE);
				p.getSchema().setMaximum(java.math.BigDecimal.valueOf(MAX_PAGE_SIZE));
				p.setDescription("Items per page, 1 to " + MAX_PAGE_SIZE);
			}
		}
	}

	/**
	 * Jackson writes every record component, nulls included: in a schema an answer uses,
	 * every property is required (present), and nullable ones say so in their type.
	 */
	private static void responseFieldsRequired(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		Set<String> answered = new TreeSet<>();
		Set<String> requested = new HashSet<>();
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
			if (op.getResponses() != null) {
				op.getResponses().values().forEach(r -> references(r.getContent(), answered));
			}
			if (op.getRequestBody() != null) {
				references(op.getRequestBody().getContent(), requested);
			}
		}));
		closeOver(answered, schemas);
		closeOver(requested, schemas);
		for (String name : answered) {
			Schema<?> schema = schemas.get(name);
			if (schema == null || schema.getProperties() == null || requested.contains(name) || "Problem".equals(name)
					|| "FieldError".equals(name)) {
				continue;
			}
			List<String> always = new ArrayList<>();
			schema.getProperties().forEach((property, type) -> {
				if (!allowsNull(type)) {
					always.add(property);
				}
			});
			schema.setRequired(always.isEmpty() ? null : always);
		}
	}

	private static void references(Object node, Set<String> into) {
		if (node instanceof Content content) {
			content.values().forEach(m -> references(m.getSchema(), into));
		}
		else if (node instanceof Schema<?> schema) {
			if (schema.get$ref() != null) {
				into.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
			}
			references(schema.getItems(), into);
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(p -> references(p, into));
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> extra) {
				references(extra, into);
			}
			for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(),
					schema.getAllOf())) {
				if (group != null) {
					group.forEach(s -> references(s, into));
				}
			}
		}
	}

	private static void closeOver(Set<String> names, Map<String, Schema> schemas) {
		List<String> todo = new ArrayList<>(names);
		while (!todo.isEmpty()) {
			Schema<?> schema = schemas.get(todo.remove(todo.size() - 1));
			Set<String> found = new HashSet<>();
			references(schema, found);
			for (String f : found) {
				if (names.add(f)) {
					todo.add(f);
				}
			}
		}
	}

	private static boolean allowsNull(Schema<?> property) {
		return (property.getTypes() != null && property.getTypes().contains("null")) || (property.getAnyOf() != null
				&& property.getAnyOf().stream().anyMatch(s -> s.getTypes() != null && s.getTypes().contains("null")));
	}

	/** The same property allowing {@code null}: a type list with "null", or anyOf. */
	@SuppressWarnings("unchecked")
	private static Schema<?> nullable(Schema<?> property) {
		if (property.get$ref() != null) {
			Schema<Object> either = new Schema<>(SpecVersion.V31);
			either.setAnyOf(List.of(new Schema<>().$ref(property.get$ref()), typed("null")));
			return either;
		}
		Set<String> types = property.getTypes() == null ? new java.util.LinkedHashSet<>()
				: new java.util.LinkedHashSet<>(property.getTypes());
		if (types.isEmpty() && property.getType() != null) {
			types.add(property.getType());
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			// JSON Schema: an enum lists every allowed value, null included
			((Schema<Object>) property).addEnumItemObject(null);
		}
		return property;
	}

	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>(SpecVersion.V31);
		schema.setType(type);
		schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
		return schema;
	}

	private static Schema<?> fieldError() {
		return typed("object").description("One field at fault and what is wrong with it")
			.addProperty("field", typed("string").description("The field, parameter or column"))
			.addProperty("reason", typed("string").description("What is wrong, in the caller's language"))
			.required(List.of("field", "reason"));
	}

	private static Schema<?> problem() {
		return typed("object").description("An RFC 9457 problem detail")
			.addProperty("type", typed("string").format("uri"))
			.addProperty("title", typed("string"))
			.addProperty("status", typed("integer").format("int32"))
			.addProperty("detail", typed("string"))
			.addProperty("instance", typed("string").format("uri-reference"))
			.addProperty("errors", typed("array").items(new Schema<>().$ref("#/components/schemas/FieldError")))
			.required(List.of("type", "title", "status"));
	}

}
