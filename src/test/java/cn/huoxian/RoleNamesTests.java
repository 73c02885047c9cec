package cn.huoxian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Modules ask {@link CurrentUser} what a user may do; the capability table lives in
 * {@link Role} alone. No main source or template names an account role as a string
 * ({@code "CITY_ADMIN"}, {@code me.role == 'EVALUATOR'} …); the i18n bundles name them as
 * keys, which is fine. PARTY_MEMBER is also a person's role (people.RoleKind), so for it
 * only a comparison is an offence.
 */
class RoleNamesTests {

	private static final Path ROLE_ENUM = Path.of("src/main/java/cn/huoxian/shared/Role.java");

	/**
	 * Names only accounts carry: any quoted occurrence is a role compared as a string.
	 */
	private static final Pattern ACCOUNT_ROLE_LITERAL = Pattern
		.compile("[\"'](CITY_ADMIN|EVALUATOR|REGION_STAFF|GRID_WORKER|UNIT_STAFF)[\"']");

	/** Any role name compared as a string, or a role compared to a string. */
	private static final Pattern ROLE_COMPARISON = Pattern
		.compile("[\"'](" + names() + ")[\"']\\s*\\.equals\\(|\\.equals\\(\\s*[\"'](" + names() + ")[\"']"
				+ "|(==|!=)\\s*[\"'](" + names() + ")[\"']|[\"'](" + names() + ")[\"']\\s*(==|!=)"
				+ "|\\brole(\\(\\))?\\s*(==|!=)\\s*[\"']|\\brole\\(\\)\\)?\\.equals\\(\\s*\"");

	@Test
	void noMainSourceOrTemplateComparesRoleNames() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
				Files.walk(Path.of("src/main/resources/templates")))) {
			files.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".html"))
				.filter(file -> !file.equals(ROLE_ENUM))
				.forEach(file -> offences.addAll(offences(file.toString(), read(file))));
		}
		assertThat(offences).as("role names compared as strings; ask CurrentUser instead").isEmpty();
	}

	@Test
	void theRuleCatchesEachWayOfComparingRoleNames() {
		assertThat(offences("A.java", "return \"CITY_ADMIN\".equals(role);")).hasSize(1);
		assertThat(offences("A.java", "Set.of(\"CITY_ADMIN\", \"EVALUATOR\", \"REGION_STAFF\")")).hasSize(1);
		assertThat(offences("A.java", "if (\"PARTY_MEMBER\".equals(me.role())) {")).hasSize(1);
		assertThat(offences("A.java", "if (me.role().equals(\"PARTY_MEMBER\")) {")).hasSize(1);
		assertThat(offences("a.html", "th:if=\"${me.role == 'UNIT_STAFF'}\"")).hasSize(1);
		assertThat(offences("a.html", "th:if=\"${me.role != 'PARTY_MEMBER'}\"")).hasSize(1);
		// a person's role (people.RoleKind) and a bundle key are not account roles
		assertThat(offences("A.java", "PERSON_ROLE.ROLE.eq(\"PARTY_MEMBER\")")).isEmpty();
		assertThat(offences("a.html", "th:text=\"#{'role.' + ${me.role}}\"")).isEmpty();
		assertThat(offences("A.java", "if (me.mayAssess()) {")).isEmpty();
	}

	static List<String> offences(String file, String source) {
		List<String> offences = new ArrayList<>();
		String[] lines = source.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (ACCOUNT_ROLE_LITERAL.matcher(lines[i]).find() || ROLE_COMPARISON.matcher(lines[i]).find()) {
				offences.add(file + ":" + (i + 1) + ": " + lines[i].strip());
			}
		}
		return offences;
	}

	private static String names() {
		return String.join("|", Stream.of(Role.values()).map(Role::name).toList());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
