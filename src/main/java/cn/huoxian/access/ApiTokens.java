package cn.huoxian.access;

import static cn.huoxian.db.Tables.ACCOUNT;
import static cn.huoxian.db.Tables.API_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens: 32 random bytes given once to the client, only their SHA-256
 * stored.
 */
@Service
class ApiTokens {

	private final SecureRandom random = new SecureRandom();

	private final DSLContext db;

	private final Accounts accounts;

	private final Clock clock;

	private final Duration lifetime;

	private final SignedInCache signedIn;

	ApiTokens(DSLContext db, Accounts accounts, Clock clock, AccessSettings settings, SignedInCache signedIn) {
		this.db = db;
		this.accounts = accounts;
		this.clock = clock;
		this.signedIn = signedIn;
		this.lifetime = settings.api().tokenLifetime();
	}

	/** A new token and when it expires. */
	record Issued(String token, OffsetDateTime expiresAt) {
	}

	Issued issue(long accountId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime expiresAt = OffsetDateTime.now(clock).plus(lifetime);
		db.insertInto(API_TOKEN, API_TOKEN.TOKEN_HASH, API_TOKEN.ACCOUNT_ID, API_TOKEN.EXPIRES_AT)
			.values(hash(token), accountId, expiresAt)
			.execute();
		return new Issued(token, expiresAt);
	}

	/**
	 * The account behind a live token: not expired, not revoked, account enabled and not
	 * locked; kept a few seconds ({@link SignedInCache}).
	 */
	Optional<AccountPrincipal> resolve(String token) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		String tokenHash = hash(token);
		return signedIn.token(tokenHash, now.toInstant(), () -> lookUp(tokenHash, now));
	}

	private Optional<SignedInCache.LiveToken> lookUp(String tokenHash, OffsetDateTime now) {
		return db.select(ACCOUNT.ID, API_TOKEN.EXPIRES_AT)
			.from(API_TOKEN)
			.join(ACCOUNT)
			.on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
			.where(API_TOKEN.TOKEN_HASH.eq(tokenHash), API_TOKEN.REVOKED_AT.isNull(), API_TOKEN.EXPIRES_AT.gt(now),
					ACCOUNT.ENABLED.isTrue(), ACCOUNT.LOCKED_UNTIL.isNull().or(ACCOUNT.LOCKED_UNTIL.le(now)))
			.fetchOptional()
			.flatMap(live -> accounts.record(live.value1())
				.map(account -> new SignedInCache.LiveToken(accounts.principal(account), live.value2().toInstant())));
	}

	boolean revoke(String token) {
		signedIn.changed();
		return db.update(API_TOKEN)
			.set(API_TOKEN.REVOKED_AT, OffsetDateTime.now(clock))
			.where(API_TOKEN.TOKEN_HASH.eq(hash(token)), API_TOKEN.REVOKED_AT.isNull())
			.execute() == 1;
	}

	/** Revokes every live token of an account (when it is locked); how many. */
	int revokeAll(long accountId) {
		signedIn.changed();
		return db.update(API_TOKEN)
			.set(API_TOKEN.REVOKED_AT, OffsetDateTime.now(clock))
			.where(API_TOKEN.ACCOUNT_ID.eq(accountId), API_TOKEN.REVOKED_AT.isNull())
			.execute();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
