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
 * && sha256sum V22__name.sql) >> src/test/resources/landed-migrations.sha256}, or for a
 * migration of one database {@code (cd src/main/resources/db && sha256sum
 * vendor/postgresql/V40__name.sql) >> …}. Numbers 11, 12 and 14 were reserved for parts
 * of the deployment module that needed no migration; they stay unused.
 */
class LandedMigrationsTests {

	private static final Path DB = Path.of("src/main/resources/db");

	private static final Path MIGRATIONS = DB.resolve("migration");

	/**
	 * Migrations of one database only (ADR 48), recorded as {@code vendor/NAME/V…sql}.
	 */
	private static final Path VENDOR = DB.resolve("vendor");

	private static final Path LANDED = Path.of("src/test/resources/landed-migrations.sha256");

	@Test
	void noLandedMigrationIsEditedOrRemoved() {
		Map<String, String> changed = new TreeMap<>();
		landed().forEach((file, sum) -> {
			Path path = file.contains("/") ? DB.resolve(file) : MIGRATIONS.resolve(file);
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
		TreeSet<String> unrecorded = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS); Stream<Path> vendor = Files.walk(VENDOR)) {
			files.map(f -> f.getFileName().toString()).filter(n -> !landed.containsKey(n)).forEach(unrecorded::add);
			vendor.filter(f -> f.toString().endsWith(".sql"))
				.map(f -> DB.relativize(f).toString().replace('\\', '/'))
				.filter(n -> !landed.containsKey(n))
				.forEach(unrecorded::add);
		}
		assertThat(unrecorded).as("add their checksums to " + LANDED).isEmpty();
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
