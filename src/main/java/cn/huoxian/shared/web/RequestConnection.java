package cn.huoxian.shared.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.datasource.ConnectionHandle;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds one pooled connection to each request, taken from the pool at the request's first
 * query and given back when the request ends (issue 13: a request used to check a
 * connection out 7.8 times, once per query or transaction, and under load waited for the
 * pool each time).
 * <p>
 * Only the connection is bound, not a transaction: queries outside a transaction still
 * run in auto-commit, and every {@code @Transactional} method still begins, commits or
 * rolls back its own transaction on that connection exactly as before
 * (DataSourceTransactionManager reuses a bound holder that is not in a transaction and
 * resets the connection afterwards). {@code REQUIRES_NEW}, asynchronous listeners and
 * bulk loaders that ask the pool directly get a connection of their own, as before.
 * <p>
 * A request that waited the pool's whole timeout for its connection is answered 503 with
 * Retry-After, not 500 (found by the 500-user load test on a loaded machine).
 */
class RequestConnection extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 2;

	private static final Logger log = LoggerFactory.getLogger(RequestConnection.class);

	private final DataSource dataSource;

	RequestConnection(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (TransactionSynchronizationManager.hasResource(dataSource)) {
			chain.doFilter(request, response); // an include or a test that binds its own
			return;
		}
		LazyConnection connection = new LazyConnection(dataSource);
		TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			if (!poolExhausted(ex) || response.isCommitted()) {
				throw ex;
			}
			busy(request, response);
		}
		finally {
			TransactionSynchronizationManager.unbindResource(dataSource);
			connection.close();
		}
	}

	/**
	 * No connection came free within the pool's timeout: the server is overloaded, not
	 * failing. 503 with Retry-After (the error path renders it as problem+json or the
	 * error page), one log line instead of a stack trace per request.
	 */
	private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("No database connection came free for {} {}: answered 503", request.getMethod(),
				request.getRequestURI());
		response.resetBuffer();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

	/**
	 * Whether a failure was the pool's timeout (Hikari's, or any transient connection
	 * failure).
	 */
	static boolean poolExhausted(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticResources.isStatic(request);
	}

	/**
	 * Takes a connection from the pool when first asked and keeps it until the request
	 * ends: the holder's own release after each query must not give it back.
	 */
	private static final class LazyConnection implements ConnectionHandle {

		private final DataSource dataSource;

		private Connection connection;

		LazyConnection(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public Connection getConnection() {
			if (connection == null) {
				try {
					connection = dataSource.getConnection();
				}
				catch (SQLException ex) {
					throw new org.springframework.jdbc.CannotGetJdbcConnectionException(
							"Failed to obtain JDBC Connection", ex);
				}
			}
			return connection;
		}

		@Override
		public void releaseConnection(Connection con) {
			// kept for the rest of the request; close() gives it back
		}

		void close() {
			if (connection != null) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// the pool evicts a connection it cannot take back; nothing to do
					// here
				}
				connection = null;
			}
		}

	}

}
