package cn.huoxian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huoxian.support.Api;
import cn.huoxian.support.Pages;
import cn.huoxian.support.SqlTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each request takes one connection from the pool, however many queries and transactions
 * it runs (issue 13). Counted on the test's own thread (MockMvc runs the request there),
 * so the record inbox's poller and asynchronous listeners do not blur the count; the load
 * test reports the same figure from Hikari's usage timer.
 */
@SqlTest
class RequestConnectionTests {

	@Autowired
	MockMvc mvc;

	@TestConfiguration
	static class CountingPool {

		@Bean
		static BeanPostProcessor countCheckouts() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource pool && !(bean instanceof Counting) ? new Counting(pool) : bean;
				}
			};
		}

	}

	/** Counts the connections the current thread takes from the pool. */
	static final class Counting extends DelegatingDataSource {

		static final ThreadLocal<long[]> TAKEN = ThreadLocal.withInitial(() -> new long[1]);

		/** Set: the pool times out as Hikari does when every connection stays busy. */
		static final ThreadLocal<Boolean> EXHAUSTED = ThreadLocal.withInitial(() -> false);

		Counting(DataSource pool) {
			super(pool);
		}

		@Override
		public Connection getConnection() throws SQLException {
			TAKEN.get()[0]++;
			if (EXHAUSTED.get()) {
				throw new SQLTransientConnectionException(
						"HikariPool-1 - Connection is not available, request timed out after 30000ms");
			}
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			TAKEN.get()[0]++;
			return super.getConnection(username, password);
		}

	}

	@Test
	void anApiReadWithTokenScopeAndSeveralQueriesChecksOutOnce() throws Exception {
		assertOneCheckout(Api.as(mvc, "xinhua", get("/api/v1/regions/130902/children")));
		assertOneCheckout(Api.as(mvc, "admin", get("/api/v1/stats/headline")));
	}

	@Test
	void aPageWithSessionCheckAndLayoutChecksOutOnce() throws Exception {
		MockHttpSession session = Pages.login(mvc, "admin");
		assertOneCheckout(get("/regions/130902").session(session));
	}

	@Test
	void aStaticResourceChecksOutNothing() throws Exception {
		long before = checkouts();
		mvc.perform(get("/css/huoxian.css")).andExpect(status().isOk());
		assertThat(checkouts() - before).isZero();
	}

	@Test
	void aRequestThatGetsNoConnectionInTimeIsAnswered503WithRetryAfter() throws Exception {
		MockHttpServletRequestBuilder api = Api.as(mvc, "xinhua", get("/api/v1/regions/130902/children"));
		MockHttpSession session = Pages.login(mvc, "admin");
		Counting.EXHAUSTED.set(true);
		try {
			for (MockHttpServletRequestBuilder request : List.of(api, get("/regions/130902").session(session))) {
				mvc.perform(request)
					.andExpect(status().isServiceUnavailable())
					.andExpect(header().string("Retry-After", "2"));
			}
		}
		finally {
			Counting.EXHAUSTED.set(false);
		}
		mvc.perform(Api.as(mvc, "xinhua", get("/api/v1/regions/130902/children"))).andExpect(status().isOk());
	}

	private void assertOneCheckout(MockHttpServletRequestBuilder request) throws Exception {
		long before = checkouts();
		mvc.perform(request).andExpect(status().isOk());
		assertThat(checkouts() - before).as("connection checkouts for one request").isEqualTo(1);
	}

	private long checkouts() {
		return Counting.TAKEN.get()[0];
	}

}
