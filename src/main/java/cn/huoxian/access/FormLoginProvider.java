package cn.huoxian.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login form's check, through the same guard (lockout, audit) as the token endpoint.
 */
@Component
class FormLoginProvider implements AuthenticationProvider {

	private final LoginGuard guard;

	FormLoginProvider(LoginGuard guard) {
		this.guard = guard;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		Object credentials = authentication.getCredentials();
		AccountPrincipal principal = guard.authenticate(authentication.getName(),
				credentials == null ? null : credentials.toString(), remote);
		return BearerTokenFilter.authenticated(principal);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
