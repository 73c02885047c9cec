package cn.huoxian.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the last look-up found about a live API token (its principal) and about a page
 * session's account (enabled, locked, sessions valid after), kept a few seconds so a busy
 * client does not cost three queries per request (issue 13: under load they were the most
 * frequent statements and 13 % of the server's CPU samples).
 * <p>
 * Only live answers are kept, never refusals. Every change to accounts, their scopes or
 * tokens in this application calls {@link #changed()}, which forgets everything at once,
 * again after the changing transaction commits (a look-up running beside the change may
 * still have read the old row); a kept answer also ends with its token's expiry. A change
 * made outside the application (SQL by hand) shows within {@link #KEEP_NANOS}.
 */
@Component
class SignedInCache {

	static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** A bound on memory: a city's staff signed in at once is some thousands. */
	static final int MAX_ENTRIES = 20_000;

	private final AtomicLong generation = new AtomicLong();

	private final Map<String, Kept<AccountPrincipal>> tokens = new ConcurrentHashMap<>();

	private final Map<Long, Kept<SessionAccount>> accounts = new ConcurrentHashMap<>();

	/** A page session's account as the live-session check reads it. */
	record SessionAccount(boolean enabled, Instant lockedUntil, Instant sessionsValidAfter) {
	}

	private record Kept<T>(T value, long generation, long keptUntilNanos, Instant expiresAt) {
	}

	/** A live token's look-up result with the token's expiry. */
	record LiveToken(AccountPrincipal principal, Instant expiresAt) {
	}

	Optional<AccountPrincipal> token(String tokenHash, Instant now, Supplier<Optional<LiveToken>> lookUp) {
		long asOf = generation.get(); // before reading: a change meanwhile voids what is
										// read
		Kept<AccountPrincipal> kept = tokens.get(tokenHash);
		if (kept != null && fresh(kept, asOf) && now.isBefore(kept.expiresAt())) {
			return Optional.of(kept.value());
		}
		Optional<LiveToken> live = lookUp.get();
		live.ifPresentOrElse(
				found -> put(tokens, tokenHash,
						new Kept<>(found.principal(), asOf, System.nanoTime() + KEEP_NANOS, found.expiresAt())),
				() -> tokens.remove(tokenHash));
		return live.map(LiveToken::principal);
	}

	Optional<SessionAccount> account(long accountId, Supplier<Optional<SessionAccount>> lookUp) {
		long asOf = generation.get();
		Kept<SessionAccount> kept = accounts.get(accountId);
		if (kept != null && fresh(kept, asOf)) {
			return Optional.of(kept.value());
		}
		Optional<SessionAccount> found = lookUp.get();
		// only an account that may use its sessions is kept: a lock or a disabled account
		// is read again each time, so its end shows at once
		found.filter(account -> account.enabled() && account.lockedUntil() == null)
			.ifPresentOrElse(
					account -> put(accounts, accountId,
							new Kept<>(account, asOf, System.nanoTime() + KEEP_NANOS, Instant.MAX)),
					() -> accounts.remove(accountId));
		return found;
	}

	/**
	 * An account, its scopes or its tokens changed: forget every kept answer, now and
	 * when the current transaction (if any) commits or rolls back.
	 */
	void changed() {
		forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
	}

	private void forget() {
		generation.incrementAndGet();
		tokens.clear();
		accounts.clear();
	}

	private boolean fresh(Kept<?> kept, long asOf) {
		return kept.generation() == asOf && System.nanoTime() - kept.keptUntilNanos() < 0;
	}

	private static <K, T> void put(Map<K, Kept<T>> map, K key, Kept<T> kept) {
		if (map.size() >= MAX_ENTRIES) {
			map.clear();
		}
		map.put(key, kept);
	}

}
