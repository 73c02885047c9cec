package cn.huoxian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.huoxian.shared.CurrentUserProvider;
import org.junit.jupiter.api.Tag;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A module test: only the test's own module (and, by {@link #mode}, the modules it
 * depends on) on an empty migrated database — Flyway's reference regions (沧州市 and its
 * counties), no demo city, no accounts. On H2 every test context gets its own in-memory
 * database ({@code application-module.yml}); given -Dhuoxian.test.pg.url the build runs
 * it again on PostgreSQL (tag "sql"), where the database is shared with the
 * {@link SqlTest}s, so a module test creates its own regions with free codes
 * ({@link FreeCodes}) and asserts differences, not totals. Beans of modules left out are
 * mocked with {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@ActiveProfiles({ "test", "module" })
@Tag("sql")
@MockitoBean(types = CurrentUserProvider.class)
public @interface ModuleTest {

	/** Which other modules to start with the test's own. */
	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
	BootstrapMode mode() default BootstrapMode.DIRECT_DEPENDENCIES;

	/** Further modules to start, by name (e.g. "shared"). */
	@AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
	String[] extraIncludes() default {};

}
