package cn.huoxian.access;

import java.util.List;

import cn.huoxian.shared.Role;

/** An account to create: who it is for, its role and the roots of its scope. */
public record NewAccount(String username, String password, Role role, Long personId, List<ScopeRoot> scopes) {
}
