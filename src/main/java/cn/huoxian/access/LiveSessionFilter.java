package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

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

	private final SignedInCache signedIn;

	LiveSessionFilter(DSLContext db, Clock clock, SignedInCache signedIn) {
		this.db = db;
		this.clock = clock;
		this.signedIn = signedIn;
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
		var found = signedIn.account(accountId, () -> lookUp(accountId));
		if (found.isEmpty() || !found.get().enabled()) {
			return false;
		}
		Instant lockedUntil = found.get().lockedUntil();
		Instant validAfter = found.get().sessionsValidAfter();
		return (lockedUntil == null || !lockedUntil.isAfter(clock.instant()))
				&& (validAfter == null || !signIn.at().isBefore(validAfter));
	}

	private Optional<SignedInCache.SessionAccount> lookUp(long accountId) {
		return db.select(ACCOUNT.ENABLED, ACCOUNT.LOCKED_UNTIL, ACCOUNT.SESSIONS_VALID_AFTER)
			.from(ACCOUNT)
			.where(ACCOUNT.ID.eq(accountId))
			.fetchOptional()
			.map(r -> new SignedInCache.SessionAccount(Boolean.TRUE.equals(r.value1()), instant(r.value2()),
					instant(r.value3())));
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
