package cn.huoxian.shared.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 */
class RequestConnection extends OncePerRequestFilter {

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
		finally {
			TransactionSynchronizationManager.unbindResource(dataSource);
			connection.close();
		}
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
