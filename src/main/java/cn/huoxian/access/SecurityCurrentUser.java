package cn.huoxian.access;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.CurrentUserProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request, from the security context. */
@Component
class SecurityCurrentUser implements CurrentUserProvider {

	@Override
	public CurrentUser current() {
		return principal().toCurrentUser();
	}

	static AccountPrincipal principal() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return principal;
		}
		throw new AuthenticationCredentialsNotFoundException("not signed in");
	}

}
