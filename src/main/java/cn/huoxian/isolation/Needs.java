package cn.huoxian.isolation;

import static cn.huoxian.db.Tables.ISOLATION_CASE;
import static cn.huoxian.db.Tables.ISOLATION_NEED;

import java.time.Clock;
import java.time.OffsetDateTime;

import cn.huoxian.db.tables.records.IsolationNeedRecord;
import cn.huoxian.people.People;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.ForbiddenException;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import jakarta.annotation.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An isolated person's needs, raised by the cadre, assigned to a helper, delivered,
 * confirmed.
 */
@Service
public class Needs {

	private final org.jooq.DSLContext db;

	private final Cases cases;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Needs(org.jooq.DSLContext db, Cases cases, People people, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.cases = cases;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/** What a need is for. */
	public enum Kind {

		NECESSITIES, MEDICINE, OTHER

	}

	/** One need and where it stands. */
	public record NeedView(long id, long caseId, Kind kind, String description, @Nullable Long helperId, String status,
			OffsetDateTime raisedAt, @Nullable OffsetDateTime deliveredAt, @Nullable OffsetDateTime confirmedAt) {
	}

	@Transactional
	public NeedView raise(long caseId, Kind kind, String description, Long helperId, CurrentUser user) {
		user.requirePeopleEditor();
		cases.writable(caseId, user);
		if (kind == null) {
			throw new InvalidInputException("kind", Messages.text("isolation.problem.need-kind"));
		}
		if (description == null || description.isBlank() || description.length() > 500) {
			throw new InvalidInputException("description", Messages.text("isolation.problem.need-description"));
		}
		if (helperId != null) {
			people.resolve("helperId", helperId, user.scope());
		}
		long id = db.insertInto(ISOLATION_NEED)
			.set(ISOLATION_NEED.CASE_ID, caseId)
			.set(ISOLATION_NEED.KIND, kind.name())
			.set(ISOLATION_NEED.DESCRIPTION, description.strip())
			.set(ISOLATION_NEED.HELPER_ID, helperId)
			.set(ISOLATION_NEED.STATUS, helperId == null ? "OPEN" : "ASSIGNED")
			.set(ISOLATION_NEED.RAISED_BY, user.username())
			.returning(ISOLATION_NEED.ID)
			.fetchOne(ISOLATION_NEED.ID);
		return find(id, user.scope());
	}

	/** The helper (or the cadre) records the delivery. */
	@Transactional
	public NeedView deliver(long needId, Long helperId, CurrentUser user) {
		IsolationNeedRecord need = writable(needId, user);
		if (!"OPEN".equals(need.getStatus()) && !"ASSIGNED".equals(need.getStatus())) {
			throw new RuleViolationException(Messages.text("isolation.problem.need-delivered", needId));
		}
		if (helperId != null) {
			people.resolve("helperId", helperId, user.scope());
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		Long helper = helperId != null ? helperId : need.getHelperId() != null ? need.getHelperId() : user.personId();
		need.setHelperId(helper);
		need.setStatus("DELIVERED");
		need.setDeliveredAt(now);
		need.store();
		events.publishEvent(new Events.NeedDelivered(needId, need.getCaseId(), helper, now));
		return find(needId, user.scope());
	}

	/** The isolated person (through the cadre) confirms receipt. */
	@Transactional
	public NeedView confirm(long needId, CurrentUser user) {
		IsolationNeedRecord need = writable(needId, user);
		if (!"DELIVERED".equals(need.getStatus())) {
			throw new RuleViolationException(Messages.text("isolation.problem.need-not-delivered", needId));
		}
		need.setStatus("CONFIRMED");
		need.setConfirmedAt(OffsetDateTime.now(clock));
		need.store();
		return find(needId, user.scope());
	}

	/** Open (not yet delivered) needs under a region. */
	public PageResult<NeedView> open(RegionPath regionPath, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		var where = scope.regionCondition(ISOLATION_CASE.PATH)
			.and(DataScope.under(ISOLATION_CASE.PATH, regionPath))
			.and(ISOLATION_NEED.STATUS.in("OPEN", "ASSIGNED"));
		long total = db.fetchCount(db.select(ISOLATION_NEED.ID)
			.from(ISOLATION_NEED)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_NEED.CASE_ID))
			.where(where));
		var items = db.select(ISOLATION_NEED.fields())
			.from(ISOLATION_NEED)
			.join(ISOLATION_CASE)
			.on(ISOLATION_CASE.ID.eq(ISOLATION_NEED.CASE_ID))
			.where(where)
			.orderBy(ISOLATION_NEED.RAISED_AT)
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> view(r.into(ISOLATION_NEED)));
		return new PageResult<>(items, total, page, size);
	}

	/** A case's needs, oldest first. */
	public java.util.List<NeedView> forCase(long caseId, DataScope scope) {
		cases.find(caseId, scope);
		return db.selectFrom(ISOLATION_NEED)
			.where(ISOLATION_NEED.CASE_ID.eq(caseId))
			.orderBy(ISOLATION_NEED.RAISED_AT, ISOLATION_NEED.ID)
			.fetch(Needs::view);
	}

	public NeedView find(long needId, DataScope scope) {
		IsolationNeedRecord need = db.fetchOne(ISOLATION_NEED, ISOLATION_NEED.ID.eq(needId));
		if (need == null) {
			throw new NotFoundException(Messages.text("isolation.what.need", needId));
		}
		cases.find(need.getCaseId(), scope);
		return view(need);
	}

	private IsolationNeedRecord writable(long needId, CurrentUser user) {
		user.requirePeopleEditor();
		IsolationNeedRecord need = db.fetchOne(ISOLATION_NEED, ISOLATION_NEED.ID.eq(needId));
		if (need == null) {
			throw new NotFoundException(Messages.text("isolation.what.need", needId));
		}
		try {
			cases.writable(need.getCaseId(), user);
		}
		catch (ForbiddenException ex) {
			throw new ForbiddenException(Messages.text("isolation.problem.need-outside-scope", needId));

		}
		return need;
	}

	private static NeedView view(IsolationNeedRecord r) {
		return new NeedView(r.getId(), r.getCaseId(), Kind.valueOf(r.getKind()), r.getDescription(), r.getHelperId(),
				r.getStatus(), r.getRaisedAt(), r.getDeliveredAt(), r.getConfirmedAt());
	}

}
