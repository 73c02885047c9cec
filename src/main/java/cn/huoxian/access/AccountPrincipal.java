package cn.huoxian.access;

import java.util.List;

import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Role;

/** The signed-in account, with its scope resolved once at login. */
public record AccountPrincipal(long accountId, String username, Long personId, Role role, List<ScopeRoot> scopes,
		DataScope dataScope) implements java.security.Principal {

	@Override
	public String getName() {
		return username;
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(username, personId, role, dataScope);
	}

}
