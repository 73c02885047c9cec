package cn.huoxian.record;

import static cn.huoxian.db.Tables.RECORD_ENTRY;
import static cn.huoxian.db.Tables.RECORD_FIGURE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huoxian.access.AuditLog;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a person's record: the profile with its entries (newest first, paged through
 * {@code ix_record_entry_person}), the maintained figures plus days at post,
 * accountability and recent work logs. Visible to the person and to city administrators,
 * evaluators and region staff over them (404 otherwise); every view is audited.
 */
@Service
public class Records {

	/** The figure that is not an entry kind: days at post over all deployments. */
	public static final String DAYS_AT_POST = "daysAtPost";

	private static final int RECENT_WORK_LOGS = 20;

	private final DSLContext db;

	private final RecordAccess access;

	private final Accountabilities accountabilities;

	private final WorkLogs workLogs;

	private final AuditLog audit;

	private final Clock clock;

	private final cn.huoxian.people.People people;

	private final cn.huoxian.org.Units units;

	private final Postings postings;

	Records(DSLContext db, RecordAccess access, Accountabilities accountabilities, WorkLogs workLogs, AuditLog audit,
			Clock clock, cn.huoxian.people.People people, cn.huoxian.org.Units units, Postings postings) {
		this.people = people;
		this.units = units;
		this.postings = postings;
		this.db = db;
		this.access = access;
		this.accountabilities = accountabilities;
		this.workLogs = workLogs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The profile of a person (404 when not visible), audited as RECORD_VIEWED with the
	 * client's address.
	 */
	@Transactional
	public ProfileView profile(long personId, EntryKind kind, int page, int size, CurrentUser me, String remote) {
		PageResult.check(page, size);
		RecordAccess.Subject subject = access.readable(personId, me);
		audit.record(me.username(), "RECORD_VIEWED", "person " + personId, null, null, remote);
		return new ProfileView(person(subject), entries(personId, kind, page, size), figures(personId),
				accountabilities.of(personId), workLogs.recent(personId, RECENT_WORK_LOGS));
	}

	/** A page of a person's entries, newest first, optionally of one kind. */
	public PageResult<EntryView> entries(long personId, EntryKind kind, int page, int size) {
		Condition where = RECORD_ENTRY.PERSON_ID.eq(personId);
		if (kind != null) {
			where = where.and(RECORD_ENTRY.KIND.eq(kind.name()));
		}
		long total = kind == null ? figureTotal(personId) : db.fetchCount(RECORD_ENTRY, where);
		var items = db.selectFrom(RECORD_ENTRY)
			.where(where)
			.orderBy(RECORD_ENTRY.OCCURRED_AT.desc(), RECORD_ENTRY.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> new EntryView(r.getId(), EntryKind.valueOf(r.getKind()), r.getOccurredAt(), r.getBusinessDay(),
					EntryText.rendered(r.getSummary()), r.getSourceType(), r.getSourceId(),
					RegionPath.of(r.getPath())));
		return new PageResult<>(items, total, page, size);
	}

	/** Every entry kind's count (0 when none) and {@code daysAtPost}. */
	public Map<String, Long> figures(long personId) {
		Map<String, Long> figures = new LinkedHashMap<>();
		for (EntryKind kind : EntryKind.values()) {
			figures.put(kind.name(), 0L);
		}
		db.select(RECORD_FIGURE.FIGURE, RECORD_FIGURE.FIGURE_VALUE)
			.from(RECORD_FIGURE)
			.where(RECORD_FIGURE.PERSON_ID.eq(personId))
			.forEach(r -> figures.computeIfPresent(r.value1(), (k, v) -> r.value2()));
		figures.put(DAYS_AT_POST, daysAtPost(personId));
		return figures;
	}

	/**
	 * Days at post: over the person's deployments, the days from the start to the end (or
	 * today, whichever is earlier), both inclusive; deployments starting after today
	 * count nothing.
	 */
	public long daysAtPost(long personId) {
		LocalDate today = BusinessDay.today(clock);
		long days = 0;
		for (var p : postings.periods(org.jooq.impl.DSL.select(org.jooq.impl.DSL.val(personId)), today)) {
			LocalDate end = p.end() == null || p.end().isAfter(today) ? today : p.end();
			if (!p.start().isAfter(end)) {
				days += ChronoUnit.DAYS.between(p.start(), end) + 1;
			}
		}
		return days;
	}

	/** The number of entries, from the maintained figures (no count over the entries). */
	private long figureTotal(long personId) {
		Long total = db.select(org.jooq.impl.DSL.sum(RECORD_FIGURE.FIGURE_VALUE).cast(Long.class))
			.from(RECORD_FIGURE)
			.where(RECORD_FIGURE.PERSON_ID.eq(personId))
			.fetchOne(0, Long.class);
		return total == null ? 0 : total;
	}

	private ProfileView.Person person(RecordAccess.Subject subject) {
		var cadre = people.cadreRole(subject.id()).orElse(null);
		String unitName = cadre == null || cadre.unitId() == null ? null
				: units.fetch(cadre.unitId()).map(cn.huoxian.org.UnitView::name).orElse(null);
		return new ProfileView.Person(subject.id(), subject.name(),
				cadre == null || cadre.rank() == null ? null : cadre.rank().name(),
				cadre == null ? null : cadre.position(), unitName, subject.path());
	}

	/** A person and the number of entries in their record. */
	public record PersonEntries(long personId, long entries) {
	}

	/**
	 * The person with the most entries (by the maintained figures), if any: for
	 * benchmarks timing the largest profile.
	 */
	public java.util.Optional<PersonEntries> mostEntries() {
		var total = org.jooq.impl.DSL.sum(RECORD_FIGURE.FIGURE_VALUE);
		return db.select(RECORD_FIGURE.PERSON_ID, total)
			.from(RECORD_FIGURE)
			.groupBy(RECORD_FIGURE.PERSON_ID)
			.orderBy(total.desc())
			.limit(1)
			.fetchOptional(r -> new PersonEntries(r.value1(), r.value2().longValue()));
	}

}
