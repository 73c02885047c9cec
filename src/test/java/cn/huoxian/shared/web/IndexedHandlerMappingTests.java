package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huoxian.support.SqlTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The indexed lookup finds what Spring's lookup over every mapping finds: the same
 * handler and path variables, or the same error, for a request to every mapping of the
 * application and for seeded random paths built from their segments.
 */
@SqlTest
class IndexedHandlerMappingTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::((?:[^{}]|\\{[^{}]*\\})+))?\\}");

	private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE" };

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theApplicationLooksUpThroughTheIndex() {
		assertThat(mappings).isInstanceOf(IndexedHandlerMapping.class);
	}

	@Test
	void literalPrefixesStopAtTheFirstVariableOrAfterFourSegments() {
		assertThat(IndexedHandlerMapping.literalPrefix("/api/v1/regions/{code}")).isEqualTo("api/v1/regions");
		assertThat(IndexedHandlerMapping.literalPrefix("/api/v1/screening/campaigns/{id}/coverage"))
			.isEqualTo("api/v1/screening/campaigns");
		assertThat(IndexedHandlerMapping.literalPrefix("/regions/{code}")).isEqualTo("regions");
		assertThat(IndexedHandlerMapping.literalPrefix("/{x}/a")).isEmpty();
		assertThat(IndexedHandlerMapping.literalPrefix("/")).isEmpty();
		assertThat(IndexedHandlerMapping.literalPrefix("/a/b.xlsx/c*")).isEqualTo("a/b.xlsx");
	}

	@Test
	void everyMappingIsFoundAsSpringFindsIt() throws Exception {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) mappings;
		int requests = 0;
		int ownHandler = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (String method : methodsOf(info)) {
					String path = concrete(pattern);
					Outcome index = outcome(indexed, request(method, path, info), false);
					Outcome spring = outcome(indexed, request(method, path, info), true);
					assertThat(index).as("%s %s (%s)", method, path, pattern).isEqualTo(spring);
					requests++;
					ownHandler += entry.getValue().getMethod().equals(index.handler()) ? 1 : 0;
				}
			}
		}
		assertThat(requests).isGreaterThan(400);
		// a request built for a mapping reaches that mapping (a few share a path with a
		// more specific one)
		assertThat(ownHandler).isGreaterThan(requests * 9 / 10);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void randomPathsAreAnsweredAsSpringAnswersThem(long seed) throws Exception {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) mappings;
		Random random = new Random(seed);
		List<String> segments = segments();
		for (int i = 0; i < 400; i++) {
			StringBuilder path = new StringBuilder();
			int length = 1 + random.nextInt(7);
			for (int s = 0; s < length; s++) {
				path.append('/').append(segments.get(random.nextInt(segments.size())));
			}
			if (random.nextInt(10) == 0) {
				path.append('/');
			}
			String method = METHODS[random.nextInt(METHODS.length)];
			Outcome index = outcome(indexed, request(method, path.toString(), null), false);
			Outcome spring = outcome(indexed, request(method, path.toString(), null), true);
			assertThat(index).as("%s %s", method, path).isEqualTo(spring);
		}
	}

	/** What a lookup gave: the handler's method and path variables, or the error. */
	record Outcome(Object handler, Object variables, String error) {
	}

	private static Outcome outcome(IndexedHandlerMapping mapping, MockHttpServletRequest request, boolean everywhere) {
		String path = request.getRequestURI();
		try {
			HandlerMethod handler = everywhere ? mapping.lookupEverywhere(path, request)
					: mapping.lookupHandlerMethod(path, request);
			return new Outcome(handler == null ? null : handler.getMethod(),
					request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE), null);
		}
		catch (Exception ex) {
			return new Outcome(null, null, ex.getClass().getName() + ": " + ex.getMessage());
		}
	}

	private static MockHttpServletRequest request(String method, String path, RequestMappingInfo info) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (info != null) {
			info.getConsumesCondition()
				.getConsumableMediaTypes()
				.stream()
				.findFirst()
				.map(MediaType::toString)
				.ifPresent(request::setContentType);
			info.getParamsCondition().getExpressions().forEach(param -> {
				if (!param.isNegated()) {
					request.addParameter(param.getName(), Objects.requireNonNullElse(param.getValue(), "1"));
				}
			});
			info.getHeadersCondition().getExpressions().forEach(header -> {
				if (!header.isNegated()) {
					request.addHeader(header.getName(), Objects.requireNonNullElse(header.getValue(), "1"));
				}
			});
		}
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	private static List<String> methodsOf(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? List.of("GET") : methods.stream().map(RequestMethod::name).toList();
	}

	/** The pattern with each variable replaced by a value its regex (if any) accepts. */
	private static String concrete(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(path, Matcher.quoteReplacement(valueFor(matcher.group(2))));
		}
		matcher.appendTail(path);
		return path.toString().replace("/**", "/a/b");
	}

	private static String valueFor(String regex) {
		for (String value : List.of("130900", "1", "abc", "2026-12-07", "x1")) {
			if (regex == null || value.matches(regex)) {
				return value;
			}
		}
		throw new IllegalStateException("no sample value for " + regex);
	}

	/** Every segment of every pattern, concrete, and a few that no pattern has. */
	private List<String> segments() {
		List<String> segments = new ArrayList<>(List.of("nowhere", "%E7%81%AB", "API", "1.json"));
		mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream())
			.flatMap(pattern -> List.of(concrete(pattern).split("/")).stream())
			.filter(segment -> !segment.isEmpty())
			.distinct()
			.sorted()
			.forEach(segments::add);
		return segments;
	}

}
