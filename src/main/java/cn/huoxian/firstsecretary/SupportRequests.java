package cn.huoxian.firstsecretary;

import static cn.huoxian.db.Tables.SUPPORT_REQUEST;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.SupportRequestRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.org.Units;
import cn.huoxian.people.People;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectWhereStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support a first secretary asks of their dispatching unit (supplies, family
 * difficulties), resolved by that unit's staff or by region staff over the village.
 */
@Service
public class SupportRequests {

	private final DSLContext db;

	private final FirstSecretaries secretaries;

	private final Clock clock;

	private final People people;

	private final Regions regions;

	private final Units units;

	SupportRequests(DSLContext db, FirstSecretaries secretaries, Clock clock, People people, Regions regions,
			Units units) {
		this.people = people;
		this.regions = regions;
		this.units = units;
		this.db = db;
		this.secretaries = secretaries;
		this.clock = clock;
	}

	/** Raises a request to the first secretary's dispatching unit. */
	@Transactional
	public SupportRequestView raise(long personId, SupportKind kind, String description, CurrentUser user) {
		FirstSecretaryView secretary = secretaries.fetch(personId);
		user.requireMayWriteInOrAsSelf(secretary.path(), personId,
				Messages.text("frontline.what.first-secretary", personId));
		// the kind and description are checked on the form
		// (FirstSecretaryApi.SupportForm)
		long id = db.insertInto(SUPPORT_REQUEST)
			.set(SUPPORT_REQUEST.PERSON_ID, personId)
			.set(SUPPORT_REQUEST.DISPATCHING_UNIT_ID, secretary.dispatchingUnitId())
			.set(SUPPORT_REQUEST.PATH, secretary.path().value())
			.set(SUPPORT_REQUEST.KIND, kind.name())
			.set(SUPPORT_REQUEST.DESCRIPTION, description.strip())
			.set(SUPPORT_REQUEST.STATUS, "OPEN")
			.set(SUPPORT_REQUEST.RAISED_BY, user.username())
			.returning(SUPPORT_REQUEST.ID)
			.fetchOne(SUPPORT_REQUEST.ID);
		return fetch(id);
	}

	/** The dispatching unit (or region staff in scope) resolves a request; 422 twice. */
	@Transactional
	public SupportRequestView resolve(long id, String resolution, CurrentUser user) {
		SupportRequestRecord request = db.selectFrom(SUPPORT_REQUEST)
			.where(SUPPORT_REQUEST.ID.eq(id))
			.forUpdate()
			.fetchOne();
		if (request == null) {
			throw new NotFoundException(Messages.text("frontline.what.support-request", id));
		}
		user.requireMayWriteInOrForUnit(RegionPath.of(request.getPath()), request.getDispatchingUnitId(),
				Messages.text("frontline.what.support-request", id));
		// the resolution is checked on the form (FirstSecretaryApi.ResolveForm)
		if (!"OPEN".equals(request.getStatus())) {
			throw new RuleViolationException(
					Messages.text("frontline.support.already-resolved", id, request.getResolvedBy()));
		}
		request.setStatus("RESOLVED");
		request.setResolution(resolution.strip());
		request.setResolvedBy(user.username());
		request.setResolvedAt(OffsetDateTime.now(clock));
		request.store();
		return fetch(id);
	}

	/**
	 * Requests visible through region scope (path) or the dispatching unit's scope,
	 * optionally under a region, of one status, to one unit; newest first.
	 */
	public PageResult<SupportRequestView> list(RegionPath regionPath, String status, Long unitId, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		if (status != null && !status.equals("OPEN") && !status.equals("RESOLVED")) {
			throw new InvalidInputException("status", Messages.text("frontline.support.status"));
		}
		Condition where = visible(scope);
		if (regionPath != null) {
			where = where.and(DataScope.under(SUPPORT_REQUEST.PATH, regionPath));
		}
		if (status != null) {
			where = where.and(SUPPORT_REQUEST.STATUS.eq(status));
		}
		if (unitId != null) {
			where = where.and(SUPPORT_REQUEST.DISPATCHING_UNIT_ID.eq(unitId));
		}
		long total = db.fetchCount(SUPPORT_REQUEST, where);
		List<SupportRequestView> items = views(select().where(where)
			.orderBy(SUPPORT_REQUEST.RAISED_AT.desc(), SUPPORT_REQUEST.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/** A first secretary's requests, newest first (404 when not visible). */
	public List<SupportRequestView> of(long personId, DataScope scope) {
		secretaries.find(personId, scope);
		return views(select().where(SUPPORT_REQUEST.PERSON_ID.eq(personId))
			.orderBy(SUPPORT_REQUEST.RAISED_AT.desc(), SUPPORT_REQUEST.ID.desc())
			.fetch());
	}

	public SupportRequestView find(long id, DataScope scope) {
		return views(select().where(SUPPORT_REQUEST.ID.eq(id).and(visible(scope))).fetch()).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Messages.text("frontline.what.support-request", id)));
	}

	private SupportRequestView fetch(long id) {
		return views(select().where(SUPPORT_REQUEST.ID.eq(id)).fetch()).stream().findFirst().orElse(null);
	}

	private static Condition visible(DataScope scope) {
		Condition self = scope.selfPersonId() == null ? DSL.falseCondition()
				: SUPPORT_REQUEST.PERSON_ID.eq(scope.selfPersonId());
		return DSL.or(scope.regionCondition(SUPPORT_REQUEST.PATH),
				scope.unitCondition(SUPPORT_REQUEST.DISPATCHING_UNIT_ID), self);
	}

	private SelectWhereStep<SupportRequestRecord> select() {
		return db.selectFrom(SUPPORT_REQUEST);
	}

	/**
	 * Views of request rows: names of persons, villages and units in one lookup per kind
	 * (unscoped: the rows were already filtered by scope).
	 */
	private List<SupportRequestView> views(List<SupportRequestRecord> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = people
			.names(rows.stream().map(SupportRequestRecord::getPersonId).collect(Collectors.toSet()));
		Map<RegionPath, RegionView> villages = regions
			.byPaths(rows.stream().map(r -> RegionPath.of(r.getPath())).collect(Collectors.toSet()));
		Map<Long, String> unitNames = units
			.names(rows.stream().map(SupportRequestRecord::getDispatchingUnitId).collect(Collectors.toSet()));
		return rows.stream().filter(r -> villages.containsKey(RegionPath.of(r.getPath()))).map(r -> {
			RegionView village = villages.get(RegionPath.of(r.getPath()));
			return new SupportRequestView(r.getId(), r.getPersonId(), names.get(r.getPersonId()), village.code(),
					village.name(), r.getDispatchingUnitId(), unitNames.get(r.getDispatchingUnitId()), village.path(),
					SupportKind.valueOf(r.getKind()), r.getDescription(), r.getStatus(), r.getResolution(),
					r.getRaisedBy(), r.getRaisedAt(), r.getResolvedBy(), r.getResolvedAt());
		}).toList();
	}

}
