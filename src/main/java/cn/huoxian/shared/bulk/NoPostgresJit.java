package cn.huoxian.shared.bulk;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns PostgreSQL's JIT compilation off on the application's connections (unless the
 * pool already runs its own statement on connect). The hot queries are short key probes;
 * on tables never analysed their estimated cost is huge (each probe of a non-unique index
 * guessed at 0.5 % of the table), and a JIT compilation of 0.7–0.8 s was measured on 500
 * resident probes that run in 8 ms (docs/BENCHMARKS.md "Plans that stay good").
 */
@Component
class NoPostgresJit implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql("set jit = off");
		}
		return bean;
	}

}
