package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three bundles hold the same keys, and every literal key a template uses exists. */
class I18nSyncTests {

	private static Set<String> keys(String file) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n", file)),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages_zh_TW.properties", "messages_en.properties" })
	void translationHasExactlyTheDefaultKeys(String file) throws IOException {
		assertThat(keys(file)).containsExactlyElementsOf(keys("messages.properties"));
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> defined = keys("messages.properties");
		Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)}");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = literal.matcher(Files.readString(file));
				while (m.find()) {
					if (!defined.contains(m.group(1))) {
						missing.add(file.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
