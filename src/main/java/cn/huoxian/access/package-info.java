/**
 * Access: accounts bound to scope roots and a role, form login with lockout, API tokens
 * (stored hashed), the data scope every query applies, and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package cn.huoxian.access;
