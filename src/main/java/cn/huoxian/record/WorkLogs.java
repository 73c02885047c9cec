package cn.huoxian.record;

import static cn.huoxian.db.Tables.WORK_LOG;
import static cn.huoxian.db.Tables.WORK_LOG_WITNESS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.WorkLogRecord;
import cn.huoxian.people.People;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily work log (纪实): written by the cadre themselves naming up to five witnesses,
 * confirmed or disputed once by each witness, reviewed once by a supervisor (city
 * administrator or region staff over the log's region, not the author). Each log adds a
 * WORK_LOG entry to its author's record.
 */
@Service
public class WorkLogs {

	/** How many days back a log may still be written. */
	public static final int MAX_AGE_DAYS = 7;

	public static final int MAX_WITNESSES = 5;

	private final DSLContext db;

	private final RecordAccess access;

	private final RecordWriter writer;

	private final WorkLogSource source;

	private final Clock clock;

	private final People people;

	private final Forms forms;

	WorkLogs(DSLContext db, RecordAccess access, RecordWriter writer, WorkLogSource source, People people, Clock clock,
			Forms forms) {
		this.db = db;
		this.people = people;
		this.access = access;
		this.writer = writer;
		this.source = source;
		this.clock = clock;
		this.forms = forms;
	}

	@Transactional
	public WorkLogView write(WorkLogForm form, CurrentUser me) {
		if (me.personId() == null) {
			throw new ForbiddenException(Messages.text("record.error.worklog.unlinked", me.username()));
		}
		if (!me.mayWriteLogs()) {
			throw new ForbiddenException(Messages.text("record.error.worklog.evaluator"));
		}
		forms.check(form);
		RecordAccess.Subject author = access.subject(me.personId());
		LocalDate today = BusinessDay.today(clock);
		LocalDate day = form.day() == null ? today : form.day();
		if (day.isBefore(today.minusDays(MAX_AGE_DAYS))) {
			throw new InvalidInputException("day", Messages.text("record.error.worklog.too-old", MAX_AGE_DAYS));
		}
		String text = form.text().strip();
		Set<Long> witnesses = new LinkedHashSet<>(form.witnessIds() == null ? List.of() : form.witnessIds());
		if (witnesses.contains(author.id())) {
			throw new InvalidInputException("witnessIds", Messages.text("record.error.worklog.own-witness"));
		}
		// a witness the author cannot read answers like a missing one
		people.resolveAll("witnessIds", List.copyOf(witnesses), witnessScope(me, author.path()));
		WorkLogRecord row = db.newRecord(WORK_LOG);
		row.setPersonId(author.id());
		row.setPath(author.path().value());
		row.setBusinessDay(day);
		row.setEntryText(text);
		row.setStatus("SUBMITTED");
		row.store();
		row.refresh();
		for (Long witness : witnesses) {
			db.insertInto(WORK_LOG_WITNESS, WORK_LOG_WITNESS.WORK_LOG_ID, WORK_LOG_WITNESS.PERSON_ID,
					WORK_LOG_WITNESS.STATUS)
				.values(row.getId(), witness, "PENDING")
				.execute();
		}
		writer.add(source.entry(row));
		return views(WORK_LOG.ID.eq(row.getId())).get(0);
	}

	/**
	 * Whom an author may name as witness: whoever they may read, and the colleagues of
	 * their own county (a party member's own account reads only themselves, yet the
	 * people who saw their work are their county's cadres and residents).
	 */
	private static DataScope witnessScope(CurrentUser me, RegionPath authorPath) {
		if (authorPath == null || authorPath.depth() < 2) {
			return me.scope();
		}
		List<String> codes = authorPath.codes();
		RegionPath county = RegionPath.root(codes.get(0)).child(codes.get(1));
		List<RegionPath> regions = new java.util.ArrayList<>(me.scope().regions());
		regions.add(county);
		return new DataScope(regions, me.scope().unitIds(), me.scope().organisationPaths(), me.scope().selfPersonId());
	}

	/** A witness confirms or disputes a log naming them, once. */
	@Transactional
	public WorkLogView witness(long id, boolean confirmed, String note, CurrentUser me) {
		WorkLogRecord log = load(id);
		String current = me.personId() == null ? null
				: db.select(WORK_LOG_WITNESS.STATUS)
					.from(WORK_LOG_WITNESS)
					.where(WORK_LOG_WITNESS.WORK_LOG_ID.eq(id).and(WORK_LOG_WITNESS.PERSON_ID.eq(me.personId())))
					.forUpdate()
					.fetchOne(WORK_LOG_WITNESS.STATUS);
		if (current == null) {
			throw new ForbiddenException(Messages.text("record.error.worklog.not-witness", id));
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > 500) {
			throw new InvalidInputException("note", Messages.text("problem.field.too-long", 500));
		}
		if (!"PENDING".equals(current)) {
			throw new RuleViolationException(Messages.text("record.error.worklog.answered", id));
		}
		db.update(WORK_LOG_WITNESS)
			.set(WORK_LOG_WITNESS.STATUS, confirmed ? "CONFIRMED" : "DISPUTED")
			.set(WORK_LOG_WITNESS.NOTE, cleanNote)
			.set(WORK_LOG_WITNESS.ANSWERED_AT, OffsetDateTime.now(clock))
			.where(WORK_LOG_WITNESS.WORK_LOG_ID.eq(id).and(WORK_LOG_WITNESS.PERSON_ID.eq(me.personId())))
			.execute();
		return views(WORK_LOG.ID.eq(log.getId())).get(0);
	}

	/** A supervisor reviews a log with a comment, once. */
	@Transactional
	public WorkLogView review(long id, String comment, CurrentUser me) {
		WorkLogRecord log = db.selectFrom(WORK_LOG)
			.where(WORK_LOG.ID.eq(id))
			.forUpdate()
			.fetchOptional()
			.orElseThrow(() -> new NotFoundException(Messages.text("record.what.work-log", id)));
		if (!access.mayReview(RegionPath.of(log.getPath()), me)) {
			throw new ForbiddenException(Messages.text("record.error.worklog.review-role", me.role().label(), id));
		}
		if (me.personId() != null && me.personId().equals(log.getPersonId())) {
			throw new ForbiddenException(Messages.text("record.error.worklog.review-own"));
		}
		String clean = comment == null ? "" : comment.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("comment", Messages.text("problem.required"));
		}
		if (clean.length() > 1000) {
			throw new InvalidInputException("comment", Messages.text("problem.field.too-long", 1000));
		}
		if ("REVIEWED".equals(log.getStatus())) {
			throw new RuleViolationException(Messages.text("record.error.worklog.reviewed", id));
		}
		log.setStatus("REVIEWED");
		log.setReviewComment(clean);
		log.setReviewedBy(me.username());
		log.setReviewerId(me.personId());
		log.setReviewedAt(OffsetDateTime.now(clock));
		log.store();
		return views(WORK_LOG.ID.eq(id)).get(0);
	}

	/**
	 * Logs under a region path (within the scope), optionally of one status, newest
	 * first.
	 */
	public PageResult<WorkLogView> list(RegionPath regionPath, String status, int page, int size, CurrentUser me) {
		PageResult.check(page, size);
		if (!access.supervises(me)) {
			throw new ForbiddenException(Messages.text("record.error.worklog.supervise-role", me.role().label()));
		}
		if (status != null && !status.isBlank() && !Set.of("SUBMITTED", "REVIEWED").contains(status)) {
			throw new InvalidInputException("status", Messages.text("record.error.worklog.status"));
		}
		Condition where = me.scope().regionCondition(WORK_LOG.PATH);
		if (regionPath != null) {
			where = where.and(DataScope.under(WORK_LOG.PATH, regionPath));
		}
		if (status != null && !status.isBlank()) {
			where = where.and(WORK_LOG.STATUS.eq(status));
		}
		long total = db.fetchCount(WORK_LOG, where);
		return new PageResult<>(views(where, page, size), total, page, size);
	}

	/** The user's own logs, newest first. */
	public PageResult<WorkLogView> mine(int page, int size, CurrentUser me) {
		PageResult.check(page, size);
		if (me.personId() == null) {
			return new PageResult<>(List.of(), 0, page, size);
		}
		Condition where = WORK_LOG.PERSON_ID.eq(me.personId());
		return new PageResult<>(views(where, page, size), db.fetchCount(WORK_LOG, where), page, size);
	}

	/** Logs naming the user as a witness who has not answered yet, newest first. */
	public List<WorkLogView> witnessing(CurrentUser me) {
		if (me.personId() == null) {
			return List.of();
		}
		return views(
				WORK_LOG.ID.in(DSL.select(WORK_LOG_WITNESS.WORK_LOG_ID)
					.from(WORK_LOG_WITNESS)
					.where(WORK_LOG_WITNESS.PERSON_ID.eq(me.personId()).and(WORK_LOG_WITNESS.STATUS.eq("PENDING")))),
				0, 200);
	}

	/** A person's most recent logs (the caller has checked access). */
	public List<WorkLogView> recent(long personId, int limit) {
		return views(WORK_LOG.PERSON_ID.eq(personId), 0, limit);
	}

	private WorkLogRecord load(long id) {
		return db.selectFrom(WORK_LOG)
			.where(WORK_LOG.ID.eq(id))
			.fetchOptional()
			.orElseThrow(() -> new NotFoundException(Messages.text("record.what.work-log", id)));
	}

	private List<WorkLogView> views(Condition where) {
		return views(where, 0, 1);
	}

	private List<WorkLogView> views(Condition where, int page, int size) {
		var rows = db.selectFrom(WORK_LOG)
			.where(where)
			.orderBy(WORK_LOG.BUSINESS_DAY.desc(), WORK_LOG.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch();
		List<Long> ids = rows.map(r -> r.get(WORK_LOG.ID));
		Map<Long, List<WorkLogView.Witness>> witnesses = ids.isEmpty() ? Map.of() : db
			.select(WORK_LOG_WITNESS.WORK_LOG_ID, WORK_LOG_WITNESS.PERSON_ID, People.nameOf(WORK_LOG_WITNESS.PERSON_ID),
					WORK_LOG_WITNESS.STATUS, WORK_LOG_WITNESS.NOTE, WORK_LOG_WITNESS.ANSWERED_AT)
			.from(WORK_LOG_WITNESS)
			.where(WORK_LOG_WITNESS.WORK_LOG_ID.in(ids))
			.orderBy(WORK_LOG_WITNESS.PERSON_ID)
			.fetch()
			.stream()
			.collect(Collectors.groupingBy(r -> r.value1(),
					Collectors.mapping(
							r -> new WorkLogView.Witness(r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
							Collectors.toList())));
		Map<Long, String> authors = people
			.names(rows.stream().map(r -> r.get(WORK_LOG.PERSON_ID)).collect(Collectors.toSet()));
		return rows.map(r -> new WorkLogView(r.get(WORK_LOG.ID), r.get(WORK_LOG.PERSON_ID),
				authors.get(r.get(WORK_LOG.PERSON_ID)), RegionPath.of(r.get(WORK_LOG.PATH)),
				r.get(WORK_LOG.BUSINESS_DAY), r.get(WORK_LOG.ENTRY_TEXT), r.get(WORK_LOG.STATUS),
				witnesses.getOrDefault(r.get(WORK_LOG.ID), List.of()), r.get(WORK_LOG.REVIEW_COMMENT),
				r.get(WORK_LOG.REVIEWED_BY), r.get(WORK_LOG.REVIEWER_ID), r.get(WORK_LOG.REVIEWED_AT),
				r.get(WORK_LOG.CREATED_AT)));
	}

}
