package cn.huoxian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.huoxian.access.AuditLog;
import cn.huoxian.record.RecordSource;
import cn.huoxian.shared.Messages;
import cn.huoxian.support.SqlTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: constants a page shows have labels: every record source's type and every
 * audit action, in each language (I18nSyncTests keeps the three bundles' keys equal, so a
 * key present in one is present in all).
 */
@SqlTest
class ConstantLabelsTests {

	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
			Locale.ENGLISH);

	@Autowired
	List<RecordSource> sources;

	@Test
	void everyRecordSourceTypeHasALabel() {
		assertThat(sources).hasSizeGreaterThanOrEqualTo(12);
		for (RecordSource source : sources) {
			assertLabelled("record.source." + source.type());
		}
	}

	@Test
	void everyAuditActionTheCodeWritesIsKnownAndLabelled() throws IOException {
		Pattern written = Pattern.compile("audit\\.record\\([^,]+, \"([A-Z_]+)\"");
		Pattern revealed = Pattern.compile("\\brecord\\([^,]+, \"([A-Z_]+)\"");
		int found = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				for (Pattern pattern : List.of(written, revealed)) {
					Matcher m = pattern.matcher(code);
					while (m.find()) {
						assertThat(AuditLog.ACTIONS).as(file + " writes " + m.group(1)).contains(m.group(1));
						found++;
					}
				}
			}
		}
		assertThat(found).isGreaterThanOrEqualTo(6);
		AuditLog.ACTIONS.forEach(action -> assertLabelled("audit." + action));
	}

	private static void assertLabelled(String key) {
		for (Locale language : LANGUAGES) {
			assertThat(Messages.text(language, key)).as(key + " in " + language).isNotEqualTo(key).isNotBlank();
		}
	}

}
