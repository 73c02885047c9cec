package cn.huoxian.access;

import static cn.huoxian.db.Tables.AUDIT_LOG;

import java.time.OffsetDateTime;

import cn.huoxian.people.SensitiveFieldRevealed;
import cn.huoxian.shared.PageResult;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The audit log: logins (success and failure), reveals of sensitive fields, token use.
 */
@Service
public class AuditLog {

	private final DSLContext db;

	AuditLog(DSLContext db) {
		this.db = db;
	}

	/** One entry as administrators read it. */
	public record Entry(long id, OffsetDateTime at, String actor, String action, @Nullable String subject,
			@Nullable String detail, @Nullable String reason, @Nullable String remote) {

		/** The subject in the reader's language (a person by their number). */
		public @Nullable String subjectText() {
			return AuditWords.subject(subject);
		}

		/**
		 * The detail in the reader's language where its shape is known; else as written.
		 */
		public @Nullable String detailText() {
			return AuditWords.detail(detail);
		}

	}

	/**
	 * Every action written to the log, each labelled {@code audit.ACTION} in the message
	 * bundles (the audit page shows the label, and filters by these).
	 */
	public static final java.util.List<String> ACTIONS = java.util.List.of("LOGIN", "LOGIN_FAILED", "ACCOUNT_LOCKED",
			"REVEAL", "RECORD_VIEWED", "PROFILE_VIEWED", "RECORD_INBOX_DISCARDED");

	public void record(String actor, String action, String subject, String detail, String reason, String remote) {
		if (!ACTIONS.contains(action)) {
			throw new IllegalArgumentException("not an audit action: " + action);
		}
		db.insertInto(AUDIT_LOG, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT, AUDIT_LOG.DETAIL,
				AUDIT_LOG.REASON, AUDIT_LOG.REMOTE)
			.values(cut(actor, 50), action, cut(subject, 100), cut(detail, 500), cut(reason, 500), cut(remote, 60))
			.execute();
	}

	/**
	 * Written in the same transaction as the reveal, so a reveal that fails leaves no
	 * entry and vice versa.
	 */
	@EventListener
	void on(SensitiveFieldRevealed event) {
		record(event.username(), "REVEAL", "person:" + event.personId(), "ID number and phone of " + event.personName(),
				event.reason(), RequestRemote.current());
	}

	/** Newest first; optionally only one action (LOGIN, LOGIN_FAILED, REVEAL, ...). */
	public PageResult<Entry> list(String action, int page, int size) {
		PageResult.check(page, size);
		var where = action == null || action.isBlank() ? org.jooq.impl.DSL.noCondition() : AUDIT_LOG.ACTION.eq(action);
		long total = db.fetchCount(AUDIT_LOG, where);
		var items = db.selectFrom(AUDIT_LOG)
			.where(where)
			.orderBy(AUDIT_LOG.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> new Entry(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getSubject(), r.getDetail(),
					r.getReason(), r.getRemote()));
		return new PageResult<>(items, total, page, size);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
