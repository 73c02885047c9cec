package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import cn.huoxian.db.tables.records.AccountRecord;
import org.jooq.DSLContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username and password for both the login form and the token endpoint. An
 * attempt is reserved in the account's row (under a row lock) before the password is
 * checked, so at most five failures are ever checked per 15 minutes whatever the
 * concurrency; the fifth locks the account and ends its tokens and sessions. Unknown
 * names, wrong passwords, locked and disabled accounts get the same exception after
 * exactly one password-hash comparison. Every attempt is audited.
 */
@Component
class LoginGuard {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	/** The one failure every caller sees, whatever the reason. */
	static final String FAILURE = "bad credentials";

	private final DSLContext db;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final ApiTokens tokens;

	private final TransactionTemplate transactions;

	private final Clock clock;

	// compared against when no real hash may be checked, so every answer costs one
	// comparison; encoded by the same encoder, so it costs what a real one does
	private final String dummyHash;

	private final SignedInCache signedIn;

	LoginGuard(DSLContext db, Accounts accounts, PasswordEncoder passwords, AuditLog audit, ApiTokens tokens,
			TransactionTemplate transactions, Clock clock, SignedInCache signedIn) {
		this.signedIn = signedIn;
		this.db = db;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.tokens = tokens;
		this.transactions = transactions;
		this.clock = clock;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/** Why an attempt may not check the real password (for the audit only). */
	private enum Refusal {

		UNKNOWN, DISABLED, LOCKED, BUSY

	}

	/** An attempt reserved on an account: its place among the failures in a row. */
	private record Reservation(AccountRecord account, int attempt, Refusal refusal) {
	}

	/**
	 * The principal for correct credentials; otherwise a BadCredentialsException, the
	 * same for every reason.
	 */
	AccountPrincipal authenticate(String username, String password, String remote) {
		String raw = password == null ? "" : password;
		Reservation reservation = username == null ? new Reservation(null, 0, Refusal.UNKNOWN) : reserve(username);
		if (reservation.refusal() != null) {
			passwords.matches(raw, dummyHash);
			fail(username, reservation.refusal().name().toLowerCase(), remote);
		}
		AccountRecord account = reservation.account();
		if (!passwords.matches(raw, account.getPasswordHash())) {
			if (reservation.attempt() >= MAX_FAILURES) {
				lock(account);
			}
			fail(username, "wrong password (" + reservation.attempt() + " in a row)", remote);
		}
		// clears a lock and the failures: no kept answer depends on them (only live ones
		// are kept)
		db.update(ACCOUNT)
			.set(ACCOUNT.FAILED_ATTEMPTS, 0)
			.setNull(ACCOUNT.LOCKED_UNTIL)
			.where(ACCOUNT.ID.eq(account.getId()))
			.execute();
		audit.record(username, "LOGIN", username, null, null, remote);
		return accounts.principal(account);
	}

	/**
	 * Counts the attempt as a failure in advance, under the account row's lock; the
	 * attempt that reaches the limit locks the account before its password is checked (a
	 * success then unlocks it), so no sixth check can start.
	 */
	private Reservation reserve(String username) {
		try {
			return reserveLocked(username);
		}
		catch (PessimisticLockingFailureException | QueryTimeoutException ex) {
			// the row stayed locked by other attempts too long (H2 waits 1 s at most):
			// refused unchecked, like a locked account
			return new Reservation(null, 0, Refusal.BUSY);
		}
	}

	private Reservation reserveLocked(String username) {
		return transactions.execute(status -> {
			AccountRecord account = db.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).forUpdate().fetchOne();
			if (account == null) {
				return new Reservation(null, 0, Refusal.UNKNOWN);
			}
			if (!account.getEnabled()) {
				return new Reservation(account, 0, Refusal.DISABLED);
			}
			OffsetDateTime now = OffsetDateTime.now(clock);
			OffsetDateTime lockedUntil = account.getLockedUntil();
			if (lockedUntil != null && lockedUntil.isAfter(now)) {
				return new Reservation(account, 0, Refusal.LOCKED);
			}
			// a lock that has run out starts the count again
			int attempt = (lockedUntil == null ? account.getFailedAttempts() : 0) + 1;
			if (attempt > MAX_FAILURES) { // only rows written before the count was
											// reserved
				attempt = MAX_FAILURES;
			}
			if (attempt >= MAX_FAILURES) {
				signedIn.changed(); // the account locks: its kept answers end
			}
			db.update(ACCOUNT)
				.set(ACCOUNT.FAILED_ATTEMPTS, attempt)
				.set(ACCOUNT.LOCKED_UNTIL, attempt >= MAX_FAILURES ? now.plus(LOCK) : null)
				.where(ACCOUNT.ID.eq(account.getId()))
				.execute();
			return new Reservation(account, attempt, null);
		});
	}

	/**
	 * Locks the account for 15 minutes from now and ends what was signed in before: its
	 * API tokens are revoked, its page sessions stop being accepted.
	 */
	private void lock(AccountRecord account) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		signedIn.changed();
		db.update(ACCOUNT)
			.set(ACCOUNT.LOCKED_UNTIL, now.plus(LOCK))
			.set(ACCOUNT.SESSIONS_VALID_AFTER, now)
			.where(ACCOUNT.ID.eq(account.getId()))
			.execute();
		int revoked = tokens.revokeAll(account.getId());
		audit.record(account.getUsername(), "ACCOUNT_LOCKED", account.getUsername(),
				MAX_FAILURES + " failed logins in a row; locked for 15 minutes, " + revoked + " tokens revoked", null,
				null);
	}

	private void fail(String username, String reason, String remote) {
		audit.record(username == null ? "?" : username, "LOGIN_FAILED", username, reason, null, remote);
		throw new BadCredentialsException(FAILURE);
	}

}
