package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose account has since been locked or disabled, or whose sign-in
 * predates the account's {@code sessions_valid_after}; the request then goes on signed
 * out (the login page for a browser).
 */
class LiveSessionFilter extends OncePerRequestFilter {

	private final DSLContext db;

	private final Clock clock;

	LiveSessionFilter(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null
				&& authentication.getPrincipal() instanceof AccountPrincipal principal
				&& request.getAttribute(BearerTokenFilter.class.getName()) == null
				&& !live(principal.accountId(), authentication.getDetails())) {
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return cn.huoxian.shared.web.StaticResources.isStatic(request);
	}

	private boolean live(long accountId, Object details) {
		if (!(details instanceof SessionSignIn signIn)) {
			return false;
		}
		var account = db.select(ACCOUNT.ENABLED, ACCOUNT.LOCKED_UNTIL, ACCOUNT.SESSIONS_VALID_AFTER)
			.from(ACCOUNT)
			.where(ACCOUNT.ID.eq(accountId))
			.fetchOne();
		if (account == null || !account.value1()) {
			return false;
		}
		OffsetDateTime lockedUntil = account.value2();
		OffsetDateTime validAfter = account.value3();
		return (lockedUntil == null || !lockedUntil.isAfter(OffsetDateTime.now(clock)))
				&& (validAfter == null || !signIn.at().isBefore(validAfter.toInstant()));
	}

}
