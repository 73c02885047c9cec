package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle under i18n (messages, and one per module) holds the same keys with the
 * same arguments in its three languages; no key is defined twice; every literal key a
 * template or {@code Messages.text} uses exists.
 */
class I18nSyncTests {

	private static final Path DIR = Path.of("src/main/resources/i18n");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

	static Stream<String> bundles() throws IOException {
		try (Stream<Path> files = Files.list(DIR)) {
			return files.map(f -> f.getFileName().toString())
				.filter(n -> n.endsWith(".properties") && !n.contains("_"))
				.map(n -> n.substring(0, n.length() - ".properties".length()))
				.sorted()
				.toList()
				.stream();
		}
	}

	private static Map<String, String> load(String file) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(DIR.resolve(file)), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		Map<String, String> map = new TreeMap<>();
		properties.forEach((k, v) -> map.put((String) k, (String) v));
		return map;
	}

	private static Set<String> arguments(String message) {
		Set<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(message);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : bundles().toList()) {
			keys.addAll(load(bundle + ".properties").keySet());
		}
		return keys;
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void translationsHaveExactlyTheDefaultKeysAndArguments(String bundle) throws IOException {
		Map<String, String> simplified = load(bundle + ".properties");
		for (String language : new String[] { "_zh_TW", "_en" }) {
			Map<String, String> translated = load(bundle + language + ".properties");
			assertThat(translated.keySet()).as(bundle + language).containsExactlyElementsOf(simplified.keySet());
			Map<String, String> wrong = new TreeMap<>();
			simplified.forEach((key, text) -> {
				if (!arguments(text).equals(arguments(translated.get(key)))) {
					wrong.put(key, translated.get(key));
				}
			});
			assertThat(wrong).as(bundle + language + ": arguments differ from the Simplified Chinese").isEmpty();
		}
	}

	/** With arguments a message goes through MessageFormat, where a lone ' quotes. */
	@ParameterizedTest
	@MethodSource("bundles")
	void apostrophesAreDoubledInMessagesWithArguments(String bundle) throws IOException {
		Map<String, String> wrong = new TreeMap<>();
		for (String language : new String[] { "", "_zh_TW", "_en" }) {
			load(bundle + language + ".properties").forEach((key, text) -> {
				if (!arguments(text).isEmpty() && text.replace("''", "").contains("'")) {
					wrong.put(bundle + language + ": " + key, text);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	/** Properties keeps the last of two lines with one key: the first is dead text. */
	@ParameterizedTest
	@MethodSource("bundles")
	void noKeyIsDefinedTwiceInOneFile(String bundle) throws IOException {
		Set<String> twice = new TreeSet<>();
		for (String language : new String[] { "", "_zh_TW", "_en" }) {
			String file = bundle + language + ".properties";
			Properties counting = new Properties() {
				@Override
				public synchronized Object put(Object key, Object value) {
					if (super.put(key, value) != null) {
						twice.add(file + ": " + key);
					}
					return null;
				}
			};
			try (var in = new InputStreamReader(Files.newInputStream(DIR.resolve(file)), StandardCharsets.UTF_8)) {
				counting.load(in);
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Map<String, String> owner = new HashMap<>();
		Set<String> twice = new TreeSet<>();
		for (String bundle : bundles().toList()) {
			for (String key : load(bundle + ".properties").keySet()) {
				String before = owner.put(key, bundle);
				if (before != null) {
					twice.add(key + " in " + before + " and " + bundle);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		assertThat(missing(Path.of("src/main/resources/templates"), ".html", Pattern.compile("#\\{([A-Za-z0-9_.]+)}")))
			.isEmpty();
	}

	@Test
	void everyKeyTheCodeWordsAMessageWithExists() throws IOException {
		assertThat(missing(Path.of("src/main/java"), ".java",
				Pattern.compile("Messages\\.text\\((?:[A-Za-z.]+, )?\"([^\"]+)\"\\s*[,)]")))
			.isEmpty();
	}

	private static Set<String> missing(Path root, String suffix, Pattern literal) throws IOException {
		Set<String> defined = allKeys();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
				Matcher m = literal.matcher(Files.readString(file));
				while (m.find()) {
					if (!defined.contains(m.group(1))) {
						missing.add(file.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		return missing;
	}

}
