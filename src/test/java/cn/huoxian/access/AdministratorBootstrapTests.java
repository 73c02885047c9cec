package cn.huoxian.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huoxian.HuoxianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

/**
 * Outside the demo profile there is no default password: a start without one refuses and
 * says how.
 */
class AdministratorBootstrapTests {

	private SpringApplicationBuilder production() {
		return new SpringApplicationBuilder(HuoxianApplication.class).web(WebApplicationType.SERVLET).profiles("prod");
	}

	/**
	 * Command-line arguments outrank application.yml, so each start gets its own empty
	 * database.
	 */
	private static String[] args(String database, String... more) {
		var args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:"
				+ database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
		args.addAll(java.util.List.of(more));
		return args.toArray(String[]::new);
	}

	@Test
	void refusesToStartWithoutAdministratorPassword() {
		assertThatThrownBy(() -> production().run(args("prod-nopass")).close())
			.hasStackTraceContaining("HUOXIAN_ADMIN_PASSWORD");
	}

	@Test
	void createsAdministratorFromGivenPassword() {
		try (var context = production().run(args("prod-pass", "--huoxian.admin.password=Strong2026pass"))) {
			Accounts accounts = context.getBean(Accounts.class);
			assertThat(accounts.exists("admin")).isTrue();
			assertThat(accounts.exists("zzb")).isFalse(); // no demo accounts outside the
															// demo profile
		}
	}

}
