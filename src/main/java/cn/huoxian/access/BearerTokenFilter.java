package cn.huoxian.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that carries {@code Authorization: Bearer <token>} for a live
 * token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final FilterProblems problems;

	BearerTokenFilter(ApiTokens tokens, FilterProblems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			var principal = tokens.resolve(token);
			if (principal.isEmpty()) {
				problems.write(request, response, 401, "invalid-token", "access.error.invalid-token");
				return;
			}
			var authentication = authenticated(principal.get());
			SecurityContextHolder.getContext().setAuthentication(authentication);
			request.setAttribute(BearerTokenFilter.class.getName(), token);
		}
		chain.doFilter(request, response);
	}

	static UsernamePasswordAuthenticationToken authenticated(AccountPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
	}

}
