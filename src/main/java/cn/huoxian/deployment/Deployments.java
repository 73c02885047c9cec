package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.COMMANDO_TEAM;
import static cn.huoxian.db.Tables.DEPLOYMENT;
import static cn.huoxian.db.Tables.PERSON;
import static cn.huoxian.db.Tables.REGION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huoxian.db.tables.records.CommandoTeamRecord;
import cn.huoxian.db.tables.records.DeploymentRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.InvalidInputException.FieldProblem;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cadres at their posts. One cadre, one position: a cadre who still holds a position is
 * deployed elsewhere only when the caller asks to end the current one, and the
 * {@code uq_deployment_holder} constraint keeps one open deployment per person whatever
 * happens concurrently.
 */
@Service
public class Deployments {

	private final DSLContext db;

	private final RoleChecks roles;

	private final Regions regions;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HeadlineTally tally;

	Deployments(DSLContext db, RoleChecks roles, Regions regions, People people, ApplicationEventPublisher events,
			Clock clock, HeadlineTally tally) {
		this.tally = tally;
		this.db = db;
		this.roles = roles;
		this.regions = regions;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Deploys a cadre. A current position answers 422 unless {@code endCurrent} is set,
	 * in which case it ends the day before the new start; a position whose planned end
	 * has passed before the new start no longer counts.
	 */
	@Transactional
	public DeploymentView deploy(DeploymentForm form, CurrentUser user) {
		user.requirePeopleEditor();
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = BusinessDay.today(clock);
		CadreRank rank = null;
		try {
			// every reference through the caller's scope, before any rule about it
			if (form.personId() != null) {
				people.resolve("personId", form.personId(), user.scope());
			}
			rank = roles.requireCadre("personId", form.personId());
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		RegionView region = null;
		CommandoTeamRecord team = null;
		if (form.postKind() == null) {
			problems.add(new FieldProblem("postKind", Messages.text("deployment.field.post-kind")));
		}
		else if (form.postKind() == PostKind.TEAM) {
			if (form.teamId() == null) {
				problems.add(new FieldProblem("teamId", Messages.text("deployment.field.team-required")));
			}
			else {
				team = db.fetchOne(COMMANDO_TEAM, COMMANDO_TEAM.ID.eq(form.teamId()));
				if (team == null || !user.scope().coversRegion(team.getPath())) {
					throw new ReferenceNotFoundException("teamId");
				}
				else if (team.getDissolvedOn() != null) {
					problems.add(new FieldProblem("teamId",
							Messages.text("deployment.field.team-dissolved", team.getName(), team.getDissolvedOn())));
				}
				else {
					region = regions.byId(team.getRegionId()).orElseThrow();
				}
			}
		}
		else {
			if (blank(form.region()) == null) {
				problems.add(new FieldProblem("region", Messages.text("problem.required")));
			}
			else {
				region = regions.resolve("region", form.region(), user.scope());
			}
			if (form.postKind().needsPost() && blank(form.post()) == null) {
				problems.add(new FieldProblem("post", Messages.text("deployment.field.post-required",
						Messages.text("deploy.kind." + form.postKind()))));
			}
		}
		if (form.post() != null && form.post().strip().length() > 200) {
			problems.add(new FieldProblem("post", Messages.text("problem.field.too-long", 200)));
		}
		if (form.duty() != null && form.duty().strip().length() > 200) {
			problems.add(new FieldProblem("duty", Messages.text("problem.field.too-long", 200)));
		}
		LocalDate start = form.startDate() == null ? today : form.startDate();
		if (start.isAfter(today.plusDays(1))) {
			problems.add(new FieldProblem("startDate", Messages.text("deployment.field.start-too-late")));
		}
		if (form.endDate() != null && form.endDate().isBefore(start)) {
			problems.add(new FieldProblem("endDate", Messages.text("deployment.field.end-before-start")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		user.requireMayWriteIn(region.path(), Messages.text("deployment.what.region", region.code()));
		long personId = form.personId();
		DeploymentRecord held = db.selectFrom(DEPLOYMENT)
			.where(DEPLOYMENT.HOLDER_ID.eq(personId))
			.forUpdate()
			.fetchOne();
		DeploymentRecord ending = null;
		if (held != null) {
			if (held.getEndDate() != null && held.getEndDate().isBefore(start)) {
				// its planned end has passed: it lapsed and no longer holds the cadre
				held.setHolderId(null);
				if (held.getEndReason() == null) {
					held.setEndReason("planned end reached");
				}
				held.store();
				events.publishEvent(
						new Events.DeploymentEnded(held.getId(), personId, held.getEndDate(), held.getEndReason()));
			}
			else if (!Boolean.TRUE.equals(form.endCurrent())) {
				// a position outside the caller's scope is not described to them
				String holds = user.scope().coversRegion(held.getPath()) ? position(held)
						: Messages.text("deployment.what.outside-scope");
				throw new RuleViolationException(Messages.text("deployment.rule.holds", holds, held.getStartDate()));
			}
			else {
				user.requireMayWriteIn(held.getPath(), Messages.text("deployment.what.current-position"));
				if (start.isBefore(held.getStartDate())) {
					throw new RuleViolationException(
							Messages.text("deployment.rule.start-before-current", held.getStartDate()));
				}
				LocalDate end = start.minusDays(1);
				if (end.isBefore(held.getStartDate())) {
					end = held.getStartDate();
				}
				LocalDate planned = held.getEndDate();
				held.setEndDate(end);
				held.setHolderId(null);
				held.store();
				retally(held, planned);
				ending = held;
			}
		}
		refuseOverlap(personId, held == null ? null : held.getId(), start, form.endDate());
		DeploymentRecord record = db.newRecord(DEPLOYMENT);
		record.setPersonId(personId);
		record.setHolderId(personId);
		record.setLeadingCadre(rank.isLeading());
		record.setCadreRank(rank.name());
		record.setPostKind(form.postKind().name());
		record.setRegionId(region.id());
		record.setPath(team != null ? team.getPath() : region.path());
		record.setPost(form.postKind() == PostKind.TEAM ? null : blank(form.post()));
		record.setTeamId(team == null ? null : team.getId());
		record.setDuty(blank(form.duty()));
		record.setStartDate(start);
		record.setEndDate(form.endDate());
		record.setCreatedBy(user.username());
		try {
			record.store();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// the only unique key of a deployment is uq_deployment_holder: another
			// request
			// gave this cadre a current position between our check and this insert; any
			// other database error is not described as this one
			throw new RuleViolationException(Messages.text("deployment.rule.concurrent"));
		}
		tally.deployment(rank, record.getPath(), start, record.getEndDate(), +1);
		if (ending != null) {
			String reason = "deployed to " + describe(record) + " (deployment " + record.getId() + ")";
			ending.setEndReason(reason.length() > 200 ? reason.substring(0, 200) : reason);
			ending.store();
			events.publishEvent(
					new Events.DeploymentEnded(ending.getId(), personId, ending.getEndDate(), ending.getEndReason()));
		}
		events.publishEvent(
				new Events.DeploymentStarted(record.getId(), personId, record.getPath(), rank.isLeading(), start));
		return find(record.getId(), user.scope());
	}

	/** Ends a deployment on a day (default today) for a reason. */
	@Transactional
	public DeploymentView end(long id, LocalDate endDate, String reason, CurrentUser user) {
		user.requirePeopleEditor();
		DeploymentRecord record = db.selectFrom(DEPLOYMENT).where(DEPLOYMENT.ID.eq(id)).forUpdate().fetchOne();
		if (record == null) {
			throw new NotFoundException(Messages.text("deployment.what.deployment", id));
		}
		user.requireMayWriteIn(record.getPath(), Messages.text("deployment.what.deployment", id));
		if (record.getHolderId() == null) {
			throw new RuleViolationException(Messages.text("deployment.rule.ended", id, record.getEndDate()));
		}
		LocalDate today = BusinessDay.today(clock);
		LocalDate end = endDate == null ? today : endDate;
		List<FieldProblem> problems = new ArrayList<>();
		if (end.isBefore(record.getStartDate())) {
			problems.add(new FieldProblem("endDate", Messages.text("problem.field.not-before", record.getStartDate())));
		}
		if (end.isAfter(today)) {
			problems.add(new FieldProblem("endDate", Messages.text("deployment.field.end-in-future")));
		}
		if (blank(reason) == null) {
			problems.add(new FieldProblem("reason", Messages.text("problem.required")));
		}
		else if (reason.strip().length() > 200) {
			problems.add(new FieldProblem("reason", Messages.text("problem.field.too-long", 200)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate planned = record.getEndDate();
		record.setEndDate(end);
		record.setEndReason(reason.strip());
		record.setHolderId(null);
		record.store();
		retally(record, planned);
		events.publishEvent(new Events.DeploymentEnded(id, record.getPersonId(), end, record.getEndReason()));
		return find(id, user.scope());
	}

	/**
	 * Deployments under a region, newest first; only current ones unless {@code current}
	 * is false; only leading cadres (or only others) when {@code leading} is given.
	 */
	public PageResult<DeploymentView> list(String regionPath, Boolean leading, boolean current, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where = scope.regionCondition(DEPLOYMENT.PATH);
		if (regionPath != null) {
			where = where.and(DataScope.under(DEPLOYMENT.PATH, regionPath));
		}
		if (leading != null) {
			where = where.and(DEPLOYMENT.LEADING_CADRE.eq(leading));
		}
		if (current) {
			where = where.and(currentCondition(BusinessDay.today(clock)));
		}
		long total = db.fetchCount(DEPLOYMENT, where);
		List<DeploymentView> items = select().where(where)
			.orderBy(DEPLOYMENT.START_DATE.desc(), DEPLOYMENT.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch(this::view);
		return new PageResult<>(items, total, page, size);
	}

	/** A deployment the scope covers, or 404. */
	public DeploymentView find(long id, DataScope scope) {
		DeploymentView view = select().where(DEPLOYMENT.ID.eq(id)).fetchOptional(this::view).orElse(null);
		if (view == null || !scope.coversRegion(view.path())) {
			throw new NotFoundException(Messages.text("deployment.what.deployment", id));
		}
		return view;
	}

	/**
	 * A person's deployments the scope covers, newest first; 404 when the person is
	 * outside the scope.
	 */
	public List<DeploymentView> history(long personId, DataScope scope) {
		people.find(personId, scope);
		return select().where(DEPLOYMENT.PERSON_ID.eq(personId).and(scope.regionCondition(DEPLOYMENT.PATH)))
			.orderBy(DEPLOYMENT.START_DATE.desc(), DEPLOYMENT.ID.desc())
			.fetch(this::view);
	}

	/**
	 * The deployment a cadre still holds (not ended by hand or by a newer deployment),
	 * for the page's one-position warning; unscoped.
	 */
	public java.util.Optional<DeploymentView> holding(long personId) {
		return select().where(DEPLOYMENT.HOLDER_ID.eq(personId)).fetchOptional(this::view);
	}

	/**
	 * Ends the open deployments to a team that is dissolved on this day (a deployment
	 * that started later ends on its first day).
	 */
	public void endForTeam(long teamId, String teamName, LocalDate day) {
		for (DeploymentRecord record : db.selectFrom(DEPLOYMENT)
			.where(DEPLOYMENT.TEAM_ID.eq(teamId).and(DEPLOYMENT.HOLDER_ID.isNotNull()))
			.forUpdate()
			.fetch()) {
			LocalDate planned = record.getEndDate();
			LocalDate end = day.isBefore(record.getStartDate()) ? record.getStartDate() : day;
			if (planned != null && planned.isBefore(end)) {
				end = planned;
			}
			record.setEndDate(end);
			record.setEndReason("team " + teamName + " dissolved");
			record.setHolderId(null);
			record.store();
			retally(record, planned);
			events.publishEvent(
					new Events.DeploymentEnded(record.getId(), record.getPersonId(), end, record.getEndReason()));
		}
	}

	/**
	 * One cadre, one position also backwards in time: no other deployment of the cadre
	 * (but the one being replaced) may share more than a handover day with the new one.
	 */
	private void refuseOverlap(long personId, Long replaced, LocalDate start, LocalDate end) {
		Condition overlaps = DEPLOYMENT.PERSON_ID.eq(personId)
			.and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.gt(start)));
		if (end != null) {
			overlaps = overlaps.and(DEPLOYMENT.START_DATE.lt(end));
		}
		if (replaced != null) {
			overlaps = overlaps.and(DEPLOYMENT.ID.ne(replaced));
		}
		DeploymentRecord earlier = db.selectFrom(DEPLOYMENT).where(overlaps).limit(1).fetchOne();
		if (earlier != null) {
			throw new RuleViolationException(
					earlier.getEndDate() == null ? Messages.text("deployment.rule.overlap-open", earlier.getStartDate())
							: Messages.text("deployment.rule.overlap", earlier.getStartDate(), earlier.getEndDate()));
		}
	}

	/**
	 * Moves the deployment's count in the headline tally from its old span to its new.
	 */
	private void retally(DeploymentRecord record, LocalDate previousEnd) {
		CadreRank rank = CadreRank.valueOf(record.getCadreRank());
		tally.deployment(rank, record.getPath(), record.getStartDate(), previousEnd, -1);
		tally.deployment(rank, record.getPath(), record.getStartDate(), record.getEndDate(), +1);
	}

	private static Condition currentCondition(LocalDate today) {
		return DEPLOYMENT.HOLDER_ID.isNotNull().and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.ge(today)));
	}

	private SelectOnConditionStep<Record> select() {
		return db.select(DEPLOYMENT.fields())
			.select(PERSON.NAME, REGION.CODE, REGION.NAME, COMMANDO_TEAM.NAME)
			.from(DEPLOYMENT)
			.join(PERSON)
			.on(PERSON.ID.eq(DEPLOYMENT.PERSON_ID))
			.join(REGION)
			.on(REGION.ID.eq(DEPLOYMENT.REGION_ID))
			.leftJoin(COMMANDO_TEAM)
			.on(COMMANDO_TEAM.ID.eq(DEPLOYMENT.TEAM_ID));
	}

	private DeploymentView view(Record r) {
		LocalDate end = r.get(DEPLOYMENT.END_DATE);
		boolean current = r.get(DEPLOYMENT.HOLDER_ID) != null
				&& (end == null || !end.isBefore(BusinessDay.today(clock)));
		String rank = r.get(DEPLOYMENT.CADRE_RANK);
		return new DeploymentView(r.get(DEPLOYMENT.ID), r.get(DEPLOYMENT.PERSON_ID), r.get(PERSON.NAME),
				rank == null ? null : CadreRank.valueOf(rank), Boolean.TRUE.equals(r.get(DEPLOYMENT.LEADING_CADRE)),
				PostKind.valueOf(r.get(DEPLOYMENT.POST_KIND)), r.get(REGION.CODE), r.get(REGION.NAME),
				r.get(DEPLOYMENT.PATH), r.get(DEPLOYMENT.POST), r.get(DEPLOYMENT.TEAM_ID), r.get(COMMANDO_TEAM.NAME),
				r.get(DEPLOYMENT.DUTY), r.get(DEPLOYMENT.START_DATE), end, r.get(DEPLOYMENT.END_REASON), current);
	}

	/**
	 * The position a deployment record holds, in a few English words: stored as the end
	 * reason of the deployment it replaces.
	 */
	private String describe(DeploymentRecord record) {
		String region = regions.byId(record.getRegionId()).map(RegionView::name).orElse("region");
		if (PostKind.TEAM.name().equals(record.getPostKind())) {
			String team = db.select(COMMANDO_TEAM.NAME)
				.from(COMMANDO_TEAM)
				.where(COMMANDO_TEAM.ID.eq(record.getTeamId()))
				.fetchOne(COMMANDO_TEAM.NAME);
			return "team " + team + " (" + region + ")";
		}
		return record.getPost() == null ? region : record.getPost() + " in " + region;
	}

	/** The position a deployment record holds, in the caller's language. */
	private String position(DeploymentRecord record) {
		String region = regions.byId(record.getRegionId()).map(RegionView::name).orElse("");
		if (PostKind.TEAM.name().equals(record.getPostKind())) {
			String team = db.select(COMMANDO_TEAM.NAME)
				.from(COMMANDO_TEAM)
				.where(COMMANDO_TEAM.ID.eq(record.getTeamId()))
				.fetchOne(COMMANDO_TEAM.NAME);
			return Messages.text("deployment.what.team-position", team, region);
		}
		return record.getPost() == null ? region
				: Messages.text("deployment.what.post-in-region", record.getPost(), region);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * Positions as the performance record reads them
	 * ({@link cn.huoxian.record.Postings}): the record cannot depend on this module,
	 * which contributes to it.
	 */
	@org.springframework.stereotype.Component
	static class RecordPostings implements cn.huoxian.record.Postings {

		private final DSLContext db;

		RecordPostings(DSLContext db) {
			this.db = db;
		}

		@Override
		public Condition holdsPostOn(org.jooq.Field<Long> personId, LocalDate day) {
			return org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne()
				.from(DEPLOYMENT)
				.where(DEPLOYMENT.PERSON_ID.eq(personId))
				.and(DEPLOYMENT.HOLDER_ID.isNotNull())
				.and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.ge(day))));
		}

		@Override
		public List<Period> periods(org.jooq.Select<? extends org.jooq.Record1<Long>> personIds, LocalDate startedBy) {
			return db.select(DEPLOYMENT.PERSON_ID, DEPLOYMENT.START_DATE, DEPLOYMENT.END_DATE)
				.from(DEPLOYMENT)
				.where(DEPLOYMENT.PERSON_ID.in(personIds))
				.and(DEPLOYMENT.START_DATE.le(startedBy))
				.fetch(r -> new Period(r.value1(), r.value2(), r.value3()));
		}

	}

}
