package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import cn.huoxian.db.tables.records.AccountRecord;
import org.jooq.DSLContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both the login form and the token endpoint: five
 * failures in a row lock the account for 15 minutes; every attempt is audited.
 */
@Component
class LoginGuard {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final DSLContext db;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	LoginGuard(DSLContext db, Accounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.db = db;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The principal for correct credentials; otherwise an AuthenticationException (the
	 * failure is counted).
	 */
	AccountPrincipal authenticate(String username, String password, String remote) {
		AccountRecord account = username == null ? null : accounts.record(username).orElse(null);
		OffsetDateTime now = OffsetDateTime.now(clock);
		try {
			if (account == null) {
				passwords.matches(password == null ? "" : password, DUMMY_HASH); // same
																					// time
																					// as
																					// a
																					// real
																					// check
				throw new BadCredentialsException("bad credentials");
			}
			if (!account.getEnabled()) {
				throw new DisabledException("account disabled");
			}
			if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
				throw new LockedException("account locked until " + account.getLockedUntil());
			}
			if (password == null || !passwords.matches(password, account.getPasswordHash())) {
				recordFailure(account, now);
				throw new BadCredentialsException("bad credentials");
			}
		}
		catch (AuthenticationException ex) {
			audit.record(username == null ? "?" : username, "LOGIN_FAILED", username, ex.getMessage(), null, remote);
			throw ex;
		}
		db.update(ACCOUNT)
			.set(ACCOUNT.FAILED_ATTEMPTS, 0)
			.setNull(ACCOUNT.LOCKED_UNTIL)
			.where(ACCOUNT.ID.eq(account.getId()))
			.execute();
		audit.record(username, "LOGIN", username, null, null, remote);
		return accounts.principal(account);
	}

	private void recordFailure(AccountRecord account, OffsetDateTime now) {
		int failures = account.getFailedAttempts() + 1;
		if (failures >= MAX_FAILURES) {
			db.update(ACCOUNT)
				.set(ACCOUNT.FAILED_ATTEMPTS, 0)
				.set(ACCOUNT.LOCKED_UNTIL, now.plus(LOCK))
				.where(ACCOUNT.ID.eq(account.getId()))
				.execute();
			throw new LockedException("too many failed logins: account locked for 15 minutes");
		}
		db.update(ACCOUNT).set(ACCOUNT.FAILED_ATTEMPTS, failures).where(ACCOUNT.ID.eq(account.getId())).execute();
	}

	// bcrypt hash of a random string, compared against when the username is unknown
	private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoO5Z5f7Yk8uQ0e0DPGfN0oF2Q8b5dJ9nK";

}
