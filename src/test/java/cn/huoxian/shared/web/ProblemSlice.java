package cn.huoxian.shared.web;

import cn.huoxian.shared.Messages;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What an MVC slice ({@code @WebMvcTest}) needs to answer like the application: the
 * problem handling of this package (its {@code @ControllerAdvice} comes with the slice,
 * the beans it uses do not), the strict JSON reader and the one message source. A slice
 * {@code @Import}s it and leaves out the API's idempotency filter
 * ({@link #NOT_IN_SLICES}), which needs the database.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ Problems.class, ProblemErrorController.class, StrictJson.class })
public class ProblemSlice {

	/** The packages a slice leaves out (a regex for {@code excludeFilters}). */
	public static final String NOT_IN_SLICES = "cn\\.huoxian\\.api\\..*";

	@Bean
	MessageSource messageSource() {
		return Messages.source();
	}

}
