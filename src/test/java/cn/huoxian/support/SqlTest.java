package cn.huoxian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that touches SQL: the whole application on the small demo city, on H2 by default
 * and again on PostgreSQL when the build is given -Dhuoxian.test.pg.url (tag "sql"). All
 * such tests share one database per run, so they create their own data with unique codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Tag("sql")
public @interface SqlTest {

}
