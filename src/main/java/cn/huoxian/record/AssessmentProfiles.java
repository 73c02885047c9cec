package cn.huoxian.record;

import static cn.huoxian.db.Tables.ACCOUNTABILITY;
import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.WORK_LOG;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.huoxian.access.AuditLog;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.Messages;
import jakarta.annotation.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A cadre's profile in an assessment round: the newest entries of their record, their
 * figures beside the peer median, their supervisors' comments on the work log, and
 * accountability. Every view (page, print, API) is written to the audit log.
 */
@Service
public class AssessmentProfiles {

	static final int ENTRIES = 100;

	private final DSLContext db;

	private final Assessments assessments;

	private final AuditLog audit;

	AssessmentProfiles(DSLContext db, Assessments assessments, AuditLog audit) {
		this.db = db;
		this.assessments = assessments;
		this.audit = audit;
	}

	/** The profile; 404 outside scope or when the person is not in the round. */
	@Transactional
	public Profile view(long roundId, long personId, boolean print, CurrentUser user) {
		RoundView round = assessments.find(roundId, user);
		RoundCadreView cadre = round.cadres()
			.stream()
			.filter(c -> c.personId() == personId)
			.findFirst()
			.orElseThrow(() -> new cn.huoxian.shared.NotFoundException(
					Messages.text("record.what.round-cadre", personId, roundId)));
		List<EntryLine> entries = db
			.select(RECORD_ENTRY.KIND, RECORD_ENTRY.OCCURRED_AT, RECORD_ENTRY.SUMMARY, RECORD_ENTRY.SOURCE_TYPE,
					RECORD_ENTRY.SOURCE_ID)
			.from(RECORD_ENTRY)
			.where(RECORD_ENTRY.PERSON_ID.eq(personId))
			.orderBy(RECORD_ENTRY.OCCURRED_AT.desc(), RECORD_ENTRY.ID.desc())
			.limit(ENTRIES)
			.fetch(r -> new EntryLine(r.value1(), r.value2().atZoneSameInstant(BusinessDay.ZONE).toOffsetDateTime(),
					EntryText.rendered(r.value3()), r.value4(), r.value5()));
		List<SupervisorComment> comments = db
			.select(WORK_LOG.BUSINESS_DAY, WORK_LOG.ENTRY_TEXT, WORK_LOG.REVIEW_COMMENT, WORK_LOG.REVIEWED_BY)
			.from(WORK_LOG)
			.where(WORK_LOG.PERSON_ID.eq(personId).and(WORK_LOG.REVIEW_COMMENT.isNotNull()))
			.orderBy(WORK_LOG.BUSINESS_DAY.desc(), WORK_LOG.ID.desc())
			.limit(ENTRIES)
			.fetch(r -> new SupervisorComment(r.value1(), r.value2(), r.value3(), r.value4()));
		List<AccountabilityLine> accountability = db
			.select(ACCOUNTABILITY.KIND, ACCOUNTABILITY.OCCURRED_ON, ACCOUNTABILITY.DECIDED_LEVEL,
					ACCOUNTABILITY.DETAIL)
			.from(ACCOUNTABILITY)
			.where(ACCOUNTABILITY.PERSON_ID.eq(personId))
			.orderBy(ACCOUNTABILITY.OCCURRED_ON.desc(), ACCOUNTABILITY.ID.desc())
			.fetch(r -> new AccountabilityLine(r.value1(), r.value2(), r.value3(), r.value4()));
		audit.record(user.username(), "PROFILE_VIEWED", "person:" + personId,
				(print ? "printable profile" : "profile") + " in assessment round " + roundId, null, remote());
		RoundView summary = new RoundView(round.id(), round.name(), round.regionCode(), round.path(), round.criteria(),
				round.dimensions(), round.status(), round.createdBy(), round.createdAt(), round.closedBy(),
				round.closedAt(), round.cadreCount(), List.of());
		return new Profile(summary, cadre, entries, comments, accountability);
	}

	private static String remote() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	/** The profile of a cadre in a round ({@code round.cadres} left empty). */
	public record Profile(RoundView round, RoundCadreView cadre, List<EntryLine> entries,
			List<SupervisorComment> comments, List<AccountabilityLine> accountability) {

	}

	/** An entry of the record. */
	public record EntryLine(String kind, OffsetDateTime occurredAt, String summary, String sourceType,
			String sourceId) {

	}

	/** A supervisor's review comment on a work log entry. */
	public record SupervisorComment(LocalDate day, @Nullable String text, @Nullable String comment,
			@Nullable String reviewedBy) {

	}

	/** An accountability (问责) record. */
	public record AccountabilityLine(String kind, LocalDate occurredOn, String level, @Nullable String detail) {

	}

}
