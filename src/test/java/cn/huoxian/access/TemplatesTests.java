package cn.huoxian.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Keeps the Content-Security-Policy true without a browser: no template has an inline
 * script, an event-handler attribute, a javascript: URL or a style attribute.
 */
class TemplatesTests {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern SOURCED = Pattern.compile("\\s(th:)?src\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER = Pattern.compile("\\s(th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern STYLE = Pattern.compile("\\s(th:|data-th-)?style\\s*=|<style\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EVAL_LIKE = Pattern
		.compile("javascript:|\\shx-on|\\sth:attr=\"[^\"]*\\b(on[a-z]+|style)=", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasInlineScriptHandlerOrStyle() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).hasSizeGreaterThan(40);
		List<String> findings = new ArrayList<>();
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			String name = template.getURI().toString().replaceAll(".*/templates/", "");
			Matcher scripts = SCRIPT.matcher(html);
			while (scripts.find()) {
				if (!SOURCED.matcher(scripts.group()).find()) {
					findings.add(name + ": inline " + scripts.group());
				}
			}
			find(findings, name, html, HANDLER, "event handler");
			find(findings, name, html, STYLE, "inline style");
			find(findings, name, html, EVAL_LIKE, "script in an attribute");
		}
		assertThat(findings).isEmpty();
	}

	private static void find(List<String> findings, String name, String html, Pattern pattern, String what) {
		Matcher m = pattern.matcher(html);
		while (m.find()) {
			findings.add(name + ": " + what + " near '"
					+ html.substring(Math.max(0, m.start() - 30), Math.min(html.length(), m.end() + 30)).strip() + "'");
		}
	}

}
