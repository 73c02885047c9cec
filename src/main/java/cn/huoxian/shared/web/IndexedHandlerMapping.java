package cn.huoxian.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Request mapping that matches a URL with path variables only against the mappings that
 * could match it (issue 13: Spring MVC matches such a URL against every one of the
 * application's ~460 mappings, 10 % of the server's CPU under the 500-user load).
 * <p>
 * Each mapping is indexed under its patterns' leading literal segments (at most
 * {@value #DEPTH}): {@code /api/v1/regions/{code}} under {@code api/v1/regions}. A
 * request path can only match mappings indexed under one of its own first
 * 0…{@value #DEPTH} segments, so those are the candidates; literal segments compare
 * exactly, as {@link PathPattern} compares them. Whenever the candidates do not give
 * exactly one best match (none, an ambiguity, a CORS pre-flight) the lookup is Spring's
 * own over every mapping, so 404, 405, 415 and their messages stay as they were.
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {

	static final int DEPTH = 4;

	/** Segments compared literally by a path pattern: no variable, wildcard or regex. */
	private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");

	/**
	 * The mappings by literal prefix, and each mapping's handler; built at the first
	 * lookup.
	 */
	private record Index(Map<String, List<RequestMappingInfo>> byPrefix,
			Map<RequestMappingInfo, HandlerMethod> handlers) {
	}

	/** A candidate that matched: its registered mapping and what matched of it. */
	private record Matched(RequestMappingInfo mapping, RequestMappingInfo match) {
	}

	private volatile @Nullable Index index;

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		if (CorsUtils.isPreFlightRequest(request) || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Index index = index();
		List<Matched> matches = new ArrayList<>(2);
		for (RequestMappingInfo candidate : candidates(index, request)) {
			RequestMappingInfo match = getMatchingMapping(candidate, request);
			if (match != null) {
				matches.add(new Matched(candidate, match));
			}
		}
		Matched best = best(matches, request);
		HandlerMethod handler = (best != null) ? index.handlers().get(best.mapping()) : null;
		if (best == null || handler == null) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(best.match(), lookupPath, request);
		return handler;
	}

	/** Spring's own lookup over every mapping: what the index must agree with (tests). */
	@Nullable HandlerMethod lookupEverywhere(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/** The one best match, or null when there is none or the first two compare equal. */
	private @Nullable Matched best(List<Matched> matches, HttpServletRequest request) {
		if (matches.isEmpty()) {
			return null;
		}
		if (matches.size() == 1) {
			return matches.get(0);
		}
		Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
		matches.sort((a, b) -> comparator.compare(a.match(), b.match()));
		return comparator.compare(matches.get(0).match(), matches.get(1).match()) == 0 ? null : matches.get(0);
	}

	private Index index() {
		Index built = index;
		if (built == null) {
			built = build();
			index = built;
		}
		return built;
	}

	private Index build() {
		Map<RequestMappingInfo, HandlerMethod> handlers = Map.copyOf(getHandlerMethods());
		Map<String, Set<RequestMappingInfo>> byPrefix = new HashMap<>();
		handlers.keySet()
			.forEach(mapping -> prefixes(mapping)
				.forEach(prefix -> byPrefix.computeIfAbsent(prefix, p -> new LinkedHashSet<>()).add(mapping)));
		Map<String, List<RequestMappingInfo>> lists = new HashMap<>();
		byPrefix.forEach((prefix, mappings) -> lists.put(prefix, List.copyOf(mappings)));
		return new Index(Map.copyOf(lists), handlers);
	}

	/** The literal prefixes a mapping is indexed under, one per pattern ("" for none). */
	static Set<String> prefixes(RequestMappingInfo mapping) {
		Set<String> prefixes = new LinkedHashSet<>();
		if (mapping.getPathPatternsCondition() == null) {
			prefixes.add("");
			return prefixes;
		}
		for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
			prefixes.add(literalPrefix(pattern.getPatternString()));
		}
		return prefixes;
	}

	/**
	 * The first literal segments of a pattern, at most {@value #DEPTH}, joined by '/'.
	 */
	static String literalPrefix(String pattern) {
		StringBuilder prefix = new StringBuilder();
		int depth = 0;
		for (String segment : pattern.split("/", -1)) {
			if (segment.isEmpty() && depth == 0 && prefix.isEmpty()) {
				continue; // the leading slash
			}
			if (depth == DEPTH || !LITERAL.matcher(segment).matches()) {
				break;
			}
			prefix.append(depth == 0 ? "" : "/").append(segment);
			depth++;
		}
		return prefix.toString();
	}

	/** Every mapping indexed under one of the request path's first 0…DEPTH segments. */
	private static List<RequestMappingInfo> candidates(Index index, HttpServletRequest request) {
		List<RequestMappingInfo> candidates = new ArrayList<>(index.byPrefix().getOrDefault("", List.of()));
		StringBuilder prefix = new StringBuilder();
		int depth = 0;
		for (PathContainer.Element element : ServletRequestPathUtils.getParsedRequestPath(request)
			.pathWithinApplication()
			.elements()) {
			if (depth == DEPTH) {
				break;
			}
			if (element instanceof PathContainer.PathSegment segment) {
				prefix.append(depth == 0 ? "" : "/").append(segment.valueToMatch());
				depth++;
				List<RequestMappingInfo> under = index.byPrefix().get(prefix.toString());
				if (under != null) {
					candidates.addAll(under);
				}
			}
		}
		return candidates;
	}

}
