package cn.huoxian.access;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login form's check, through the same guard (lockout, audit) as the token endpoint;
 * the session remembers when it signed in (see {@link LiveSessionFilter}).
 */
@Component
class FormLoginProvider implements AuthenticationProvider {

	private final LoginGuard guard;

	private final Clock clock;

	FormLoginProvider(LoginGuard guard, Clock clock) {
		this.guard = guard;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		Object credentials = authentication.getCredentials();
		AccountPrincipal principal = guard.authenticate(authentication.getName(),
				credentials == null ? null : credentials.toString(), remote);
		UsernamePasswordAuthenticationToken signedIn = BearerTokenFilter.authenticated(principal);
		signedIn.setDetails(new SessionSignIn(clock.instant(), remote));
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
