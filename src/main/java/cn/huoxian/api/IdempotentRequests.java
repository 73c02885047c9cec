package cn.huoxian.api;

import static cn.huoxian.db.Tables.IDEMPOTENT_REQUEST;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import cn.huoxian.db.tables.records.IdempotentRequestRecord;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The stored answers to idempotency keys, per account. Each statement commits on its own
 * (no surrounding transaction), so a claim is visible to a concurrent repeat at once.
 */
@Component
class IdempotentRequests {

	/** How long an answer is replayed. */
	static final Duration KEPT = Duration.ofHours(24);

	/**
	 * A claim older than this whose request never answered (the server stopped) is given
	 * to the next request with the key.
	 */
	static final Duration ABANDONED = Duration.ofMinutes(10);

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

	private final DSLContext db;

	private final Clock clock;

	private final AtomicReference<OffsetDateTime> lastSweep = new AtomicReference<>(OffsetDateTime.MIN);

	IdempotentRequests(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * What a request with a key finds: nothing (it is now claimed), one running, or an
	 * answer.
	 */
	sealed interface Claim {

	}

	record Claimed() implements Claim {
	}

	record Running() implements Claim {
	}

	record Answered(String fingerprint, int status, String contentType, String location, byte[] body) implements Claim {
	}

	Claim claim(String username, String key) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		sweep(now);
		db.deleteFrom(IDEMPOTENT_REQUEST)
			.where(IDEMPOTENT_REQUEST.USERNAME.eq(username))
			.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
			.and(IDEMPOTENT_REQUEST.CREATED_AT.lt(now.minus(KEPT))
				.or(IDEMPOTENT_REQUEST.STATUS.isNull().and(IDEMPOTENT_REQUEST.CREATED_AT.lt(now.minus(ABANDONED)))))
			.execute();
		try {
			db.insertInto(IDEMPOTENT_REQUEST)
				.set(IDEMPOTENT_REQUEST.USERNAME, username)
				.set(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY, key)
				.set(IDEMPOTENT_REQUEST.CREATED_AT, now)
				.execute();
			return new Claimed();
		}
		catch (DuplicateKeyException ex) {
			IdempotentRequestRecord row = db.selectFrom(IDEMPOTENT_REQUEST)
				.where(IDEMPOTENT_REQUEST.USERNAME.eq(username))
				.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
				.fetchOne();
			if (row == null || row.getStatus() == null) {
				// running, or it failed and is being released: either way, try again
				// later
				return new Running();
			}
			return new Answered(row.getFingerprint(), row.getStatus(), row.getContentType(), row.getLocation(),
					row.getBody());
		}
	}

	/** Keeps the answer to a claimed key. */
	void answer(String username, String key, String fingerprint, int status, String contentType, String location,
			byte[] body) {
		db.update(IDEMPOTENT_REQUEST)
			.set(IDEMPOTENT_REQUEST.FINGERPRINT, fingerprint)
			.set(IDEMPOTENT_REQUEST.STATUS, status)
			.set(IDEMPOTENT_REQUEST.CONTENT_TYPE, contentType)
			.set(IDEMPOTENT_REQUEST.LOCATION, location)
			.set(IDEMPOTENT_REQUEST.BODY, body)
			.where(IDEMPOTENT_REQUEST.USERNAME.eq(username))
			.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
			.execute();
	}

	/**
	 * Frees a claimed key whose request wrote nothing (it failed): a retry runs again.
	 */
	void release(String username, String key) {
		db.deleteFrom(IDEMPOTENT_REQUEST)
			.where(IDEMPOTENT_REQUEST.USERNAME.eq(username))
			.and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(key))
			.and(IDEMPOTENT_REQUEST.STATUS.isNull())
			.execute();
	}

	/** Deletes the answers older than a day, at most every few minutes. */
	private void sweep(OffsetDateTime now) {
		OffsetDateTime last = lastSweep.get();
		if (last.isAfter(now.minus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
			return;
		}
		db.deleteFrom(IDEMPOTENT_REQUEST).where(IDEMPOTENT_REQUEST.CREATED_AT.lt(now.minus(KEPT))).execute();
	}

}
