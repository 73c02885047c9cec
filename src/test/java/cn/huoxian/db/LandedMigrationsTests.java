package cn.huoxian.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A migration that has landed is never edited: its checksum is kept in
 * {@code src/test/resources/landed-migrations.sha256} (sha256sum format). A new migration
 * is added to that file in the commit that adds it:
 * {@code (cd src/main/resources/db/migration
 * && sha256sum V22__name.sql) >> src/test/resources/landed-migrations.sha256}. Numbers
 * 11, 12 and 14 were reserved for parts of the deployment module that needed no
 * migration; they stay unused.
 */
class LandedMigrationsTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path LANDED = Path.of("src/test/resources/landed-migrations.sha256");

	@Test
	void noLandedMigrationIsEditedOrRemoved() {
		Map<String, String> changed = new TreeMap<>();
		landed().forEach((file, sum) -> {
			Path path = MIGRATIONS.resolve(file);
			String now = Files.exists(path) ? sha256(path) : "(removed)";
			if (!now.equals(sum)) {
				changed.put(file, now);
			}
		});
		assertThat(changed).as("landed migrations changed: add a new migration instead").isEmpty();
	}

	@Test
	void everyMigrationIsRecordedAsLanded() throws IOException {
		Map<String, String> landed = landed();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			TreeSet<String> unrecorded = files.map(f -> f.getFileName().toString())
				.filter(n -> !landed.containsKey(n))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(unrecorded).as("add their checksums to " + LANDED).isEmpty();
		}
	}

	private static Map<String, String> landed() {
		try (Stream<String> lines = Files.lines(LANDED)) {
			return lines.filter(l -> !l.isBlank())
				.map(l -> l.split("\\s+\\*?", 2))
				.collect(Collectors.toMap(p -> p[1].trim(), p -> p[0], (a, b) -> a, TreeMap::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
