package cn.huoxian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.huoxian.db.Tables;
import cn.huoxian.shared.OwnsTables;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walls over tables: every table has one owning module (its {@code package-info} says so
 * with {@link OwnsTables}), and only the owner's code names it — through the jOOQ table
 * class, its record class or a {@code Tables} constant, in SQL written as text ("from x",
 * "join x", "into x", "update x", "table x" inside a string literal), or as a bare string
 * literal {@code "x"} given to code that builds SQL from it. A bare name is only taken
 * for a table where it cannot be an ordinary word, a JSON field or a request parameter:
 * as the first argument of a call whose other leading arguments are literals naming
 * columns of that table ({@code new Insert("pairing", "id", "unit_id")},
 * {@code ("region", "id
 * bigint")}), or anywhere in a file that appends names to SQL text ({@code "insert into "
 * + table}, {@code "from " + table}). Other modules go through the owner's beans and
 * events.
 * <p>
 * The walls still being built are listed, one "module → table" per line, in
 * {@code src/test/resources/table-walls-pending.txt}; the list may only shrink: a new
 * crossing fails, and so does a listed one that no longer happens (delete its line).
 */
class TableOwnershipTests {

	private static final Path PENDING = Path.of("src/test/resources/table-walls-pending.txt");

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (\\w+)");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\n]|\\\\.)*\"");

	private static final Pattern SQL_TABLE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");

	/** A string literal that is only a name: {@code "pairing"}. */
	private static final Pattern BARE_NAME = Pattern.compile("\"([a-z_][a-z0-9_]*)\"");

	/**
	 * A call whose first argument is a bare name followed by other literals: {@code
	 * ("pairing", "id", "unit_id")}.
	 */
	private static final Pattern NAME_AND_COLUMNS = Pattern
		.compile("\\(\\s*\"([a-z_][a-z0-9_]*)\"((?:\\s*,\\s*\"[^\"\\\\\n]*\")+)\\s*[,)]");

	/** One of those literals: {@code "id"}, {@code "id bigint"}. */
	private static final Pattern COLUMN = Pattern.compile("\"([^\"]*)\"");

	/** SQL text that ends where a name is appended: {@code "insert into " + table}. */
	private static final Pattern SQL_BEFORE_NAME = Pattern
		.compile("(?i)\\b(?:from|join|into|update|table|analyze|truncate)\\s*\"\\s*\\+");

	private static final Pattern OWNER_LINE = Pattern.compile("(?m)^-- owner: (\\w+)\\s*$");

	/** The last migration written before owners were declared in migrations. */
	private static final int LAST_UNDECLARED_MIGRATION = 21;

	private static final Map<String, String> TABLE_OF_CLASS = new HashMap<>();

	private static final Map<String, String> TABLE_OF_CONSTANT = new HashMap<>();

	private static final Map<String, Set<String>> COLUMNS = new HashMap<>();

	private static final Map<String, String> OWNER = new TreeMap<>();

	private static JavaClasses classes;

	@BeforeAll
	static void read() throws Exception {
		for (Field field : Tables.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Table<?> table) {
				TABLE_OF_CLASS.put(table.getClass().getName(), table.getName());
				TABLE_OF_CLASS.put(table.getRecordType().getName(), table.getName());
				TABLE_OF_CONSTANT.put(field.getName(), table.getName());
				COLUMNS.put(table.getName(),
						Stream.of(table.fields()).map(f -> f.getName()).collect(java.util.stream.Collectors.toSet()));
			}
		}
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.huoxian");
		Set<String> modules = new TreeSet<>();
		classes.stream().map(TableOwnershipTests::module).filter(m -> m != null).forEach(modules::add);
		for (String module : modules) {
			for (String table : declared(module)) {
				String before = OWNER.put(table, module);
				assertThat(before).as(table + " is declared by two modules").isNull();
			}
		}
	}

	@Test
	void everyTableHasExactlyOneOwner() {
		assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(TABLE_OF_CONSTANT.values()));
	}

	@Test
	void migrationsAfterV21SayWhichModuleOwnsWhatTheyCreate() throws IOException {
		Map<String, String> wrong = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
				String sql = Files.readString(file);
				Matcher created = CREATE_TABLE.matcher(sql);
				Matcher owner = OWNER_LINE.matcher(sql);
				String declared = owner.find() ? owner.group(1) : null;
				while (version > LAST_UNDECLARED_MIGRATION && created.find()) {
					String table = created.group(1).toLowerCase();
					if (declared == null || !declared.equals(OWNER.get(table))) {
						wrong.put(name + ": " + table, "-- owner: " + declared + ", package-info: " + OWNER.get(table));
					}
				}
			}
		}
		assertThat(wrong).as("a new migration starts with '-- owner: <module>' of the tables it creates").isEmpty();
	}

	@Test
	void onlyTheOwnerNamesItsTables() {
		Set<String> crossings = crossings();
		Set<String> pending = pending();
		Set<String> added = new TreeSet<>(crossings);
		added.removeAll(pending);
		Set<String> done = new TreeSet<>(pending);
		done.removeAll(crossings);
		assertThat(added).as("modules naming another module's table: use the owner's beans").isEmpty();
		assertThat(done).as("walls now built: delete these lines from " + PENDING).isEmpty();
	}

	private static String[] declared(String module) {
		try {
			OwnsTables owns = Class.forName("cn.huoxian." + module + ".package-info").getAnnotation(OwnsTables.class);
			return owns == null ? new String[0] : owns.value();
		}
		catch (ClassNotFoundException ex) {
			return new String[0];
		}
	}

	/** "module → table" for every class that names a table another module owns. */
	private static Set<String> crossings() {
		Set<String> crossings = new TreeSet<>(sqlCrossings());
		for (JavaClass type : classes) {
			String module = module(type);
			if (module == null || module.equals("db")) {
				continue;
			}
			type.getDirectDependenciesFromSelf().forEach(d -> {
				String table = TABLE_OF_CLASS.get(d.getTargetClass().getName());
				cross(crossings, module, table);
			});
			type.getFieldAccessesFromSelf().forEach(access -> {
				if (access.getTargetOwner().isEquivalentTo(Tables.class)) {
					cross(crossings, module, TABLE_OF_CONSTANT.get(access.getName()));
				}
			});
		}
		return crossings;
	}

	/** Tables named in SQL text inside string literals and text blocks of main code. */
	private static Set<String> sqlCrossings() {
		Set<String> crossings = new TreeSet<>();
		Path root = Path.of("src/main/java/cn/huoxian");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = root.relativize(file).getName(0).toString();
				if (Files.isDirectory(root.resolve(module))) {
					String source = Files.readString(file);
					Matcher literal = LITERAL.matcher(source);
					while (literal.find()) {
						Matcher named = SQL_TABLE.matcher(literal.group());
						while (named.find()) {
							cross(crossings, module, named.group(1).toLowerCase());
						}
					}
					bareNames(source).forEach(table -> cross(crossings, module, table));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return crossings;
	}

	/**
	 * Tables named by bare string literals given to code that builds SQL: a call's first
	 * argument followed by literals naming its columns, or any bare name in a file that
	 * appends names to SQL text.
	 */
	static Set<String> bareNames(String source) {
		Set<String> tables = new TreeSet<>();
		if (SQL_BEFORE_NAME.matcher(source).find()) {
			Matcher bare = BARE_NAME.matcher(source);
			while (bare.find()) {
				if (COLUMNS.containsKey(bare.group(1))) {
					tables.add(bare.group(1));
				}
			}
		}
		Matcher call = NAME_AND_COLUMNS.matcher(source);
		while (call.find()) {
			Set<String> columns = COLUMNS.get(call.group(1));
			if (columns == null) {
				continue;
			}
			Matcher column = COLUMN.matcher(call.group(2));
			boolean all = true;
			while (column.find()) {
				// the column, or the column and its type
				all &= columns.contains(column.group(1).strip().split("\\s+")[0]);
			}
			if (all) {
				tables.add(call.group(1));
			}
		}
		return tables;
	}

	private static void cross(Set<String> crossings, String module, String table) {
		if (table != null && OWNER.containsKey(table) && !module.equals(OWNER.get(table))) {
			crossings.add(module + " → " + table);
		}
	}

	private static Set<String> pending() {
		try (Stream<String> lines = Files.lines(PENDING)) {
			return new TreeSet<>(lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The top-level package under cn.huoxian, or null for the application class. */
	private static String module(JavaClass type) {
		List<String> parts = List.of(type.getPackageName().split("\\."));
		return parts.size() > 2 ? parts.get(2) : null;
	}

}
