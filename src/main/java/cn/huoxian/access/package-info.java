/**
 * Access: accounts bound to scope roots and a role, form login with lockout, API tokens
 * (stored hashed), the data scope every query applies, and the audit log.
 */
@cn.huoxian.shared.OwnsTables({ "account", "account_scope", "api_token", "audit_log" })
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package cn.huoxian.access;
