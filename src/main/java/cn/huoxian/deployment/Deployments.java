package cn.huoxian.deployment;

import static cn.huoxian.db.Tables.DEPLOYMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huoxian.db.tables.records.DeploymentRecord;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.CadreRank;
import cn.huoxian.people.People;
import cn.huoxian.people.RoleChecks;
import cn.huoxian.shared.BusinessDay;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.FieldChecks;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import cn.huoxian.shared.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectWhereStep;
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

	private final TeamPosts teams;

	private final Forms forms;

	Deployments(DSLContext db, RoleChecks roles, Regions regions, People people, ApplicationEventPublisher events,
			Clock clock, HeadlineTally tally, TeamPosts teams, Forms forms) {
		this.tally = tally;
		this.teams = teams;
		this.db = db;
		this.roles = roles;
		this.regions = regions;
		this.people = people;
		this.events = events;
		this.clock = clock;
		this.forms = forms;
	}

	/**
	 * Deploys a cadre. A current position answers 422 unless {@code endCurrent} is set,
	 * in which case it ends the day before the new start; a position whose planned end
	 * has passed before the new start no longer counts.
	 */
	@Transactional
	public DeploymentView deploy(DeploymentForm form, CurrentUser user) {
		user.requirePeopleEditor();
		// the form's shape is checked where it is bound (DeploymentForm) and again here
		// for a caller that did not; then what needs the database, the clock or the
		// caller's scope
		forms.check(form);
		FieldChecks checks = new FieldChecks();
		LocalDate today = BusinessDay.today(clock);
		CadreRank rank = checks.attempt(() -> {
			// every reference through the caller's scope, before any rule about it
			if (form.personId() != null) {
				people.resolve("personId", form.personId(), user.scope());
			}
			return roles.requireCadre("personId", form.personId());
		});
		RegionView region = null;
		TeamPosts.Team team = null;
		if (form.postKind() == PostKind.TEAM) {
			team = teams.team(form.teamId()).orElse(null);
			if (team == null || !user.scope().coversRegion(team.path())) {
				throw new ReferenceNotFoundException("teamId");
			}
			checks.require(team.dissolvedOn() == null, "teamId", "deployment.field.team-dissolved", team.name(),
					team.dissolvedOn());
			region = regions.byId(team.regionId()).orElseThrow();
		}
		else {
			region = regions.resolve("region", form.region(), user.scope());
		}
		LocalDate start = form.startDate() == null ? today : form.startDate();
		checks.require(!start.isAfter(today.plusDays(1)), "startDate", "deployment.field.start-too-late");
		// the form compares the two dates it was given; a start left out is today
		checks.require(form.endDate() == null || !form.endDate().isBefore(start), "endDate",
				"deployment.field.end-before-start");
		checks.done();
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
				String holds = user.scope().coversRegion(RegionPath.of(held.getPath())) ? position(held)
						: Messages.text("deployment.what.outside-scope");
				throw new RuleViolationException(Messages.text("deployment.rule.holds", holds, held.getStartDate()));
			}
			else {
				user.requireMayWriteIn(RegionPath.of(held.getPath()),
						Messages.text("deployment.what.current-position"));
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
		record.setPath((team != null ? team.path() : region.path()).value());
		record.setPost(form.postKind() == PostKind.TEAM ? null : Text.orNull(form.post()));
		record.setTeamId(team == null ? null : team.id());
		record.setDuty(Text.orNull(form.duty()));
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
		tally.deployment(rank, RegionPath.of(record.getPath()), start, record.getEndDate(), +1);
		if (ending != null) {
			String reason = "deployed to " + describe(record) + " (deployment " + record.getId() + ")";
			ending.setEndReason(reason.length() > 200 ? reason.substring(0, 200) : reason);
			ending.store();
			events.publishEvent(
					new Events.DeploymentEnded(ending.getId(), personId, ending.getEndDate(), ending.getEndReason()));
		}
		events.publishEvent(new Events.DeploymentStarted(record.getId(), personId, RegionPath.of(record.getPath()),
				rank.isLeading(), start));
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
		user.requireMayWriteIn(RegionPath.of(record.getPath()), Messages.text("deployment.what.deployment", id));
		if (record.getHolderId() == null) {
			throw new RuleViolationException(Messages.text("deployment.rule.ended", id, record.getEndDate()));
		}
		LocalDate today = BusinessDay.today(clock);
		LocalDate end = endDate == null ? today : endDate;
		new FieldChecks()
			.require(!end.isBefore(record.getStartDate()), "endDate", "problem.field.not-before", record.getStartDate())
			.require(!end.isAfter(today), "endDate", "deployment.field.end-in-future")
			.done();
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
	public PageResult<DeploymentView> list(RegionPath regionPath, Boolean leading, boolean current, int page, int size,
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
		List<DeploymentView> items = views(select().where(where)
			.orderBy(DEPLOYMENT.START_DATE.desc(), DEPLOYMENT.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch());
		return new PageResult<>(items, total, page, size);
	}

	/** A deployment the scope covers, or 404. */
	public DeploymentView find(long id, DataScope scope) {
		DeploymentView view = views(select().where(DEPLOYMENT.ID.eq(id)).fetch()).stream().findFirst().orElse(null);
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
		return views(select().where(DEPLOYMENT.PERSON_ID.eq(personId).and(scope.regionCondition(DEPLOYMENT.PATH)))
			.orderBy(DEPLOYMENT.START_DATE.desc(), DEPLOYMENT.ID.desc())
			.fetch());
	}

	/**
	 * The deployment a cadre still holds (not ended by hand or by a newer deployment),
	 * for the page's one-position warning; unscoped.
	 */
	public java.util.Optional<DeploymentView> holding(long personId) {
		return views(select().where(DEPLOYMENT.HOLDER_ID.eq(personId)).fetch()).stream().findFirst();
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
		tally.deployment(rank, RegionPath.of(record.getPath()), record.getStartDate(), previousEnd, -1);
		tally.deployment(rank, RegionPath.of(record.getPath()), record.getStartDate(), record.getEndDate(), +1);
	}

	private static Condition currentCondition(LocalDate today) {
		return DEPLOYMENT.HOLDER_ID.isNotNull().and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.ge(today)));
	}

	private SelectWhereStep<DeploymentRecord> select() {
		return db.selectFrom(DEPLOYMENT);
	}

	/**
	 * Views of deployment rows: names of persons, regions and teams in one lookup per
	 * kind (unscoped: the rows were already filtered by scope).
	 */
	private List<DeploymentView> views(List<DeploymentRecord> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = people.names(ids(rows, DeploymentRecord::getPersonId));
		Map<Long, RegionView> places = regions.views(ids(rows, DeploymentRecord::getRegionId));
		Set<Long> teamIds = ids(rows, DeploymentRecord::getTeamId);
		Map<Long, String> teamNames = teamIds.isEmpty() ? Map.of() : teams.names(teamIds);
		return rows.stream().map(r -> view(r, names, places, teamNames)).toList();
	}

	private static Set<Long> ids(List<DeploymentRecord> rows, java.util.function.Function<DeploymentRecord, Long> id) {
		return rows.stream().map(id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	private DeploymentView view(DeploymentRecord r, Map<Long, String> names, Map<Long, RegionView> places,
			Map<Long, String> teamNames) {
		LocalDate end = r.getEndDate();
		boolean current = r.getHolderId() != null && (end == null || !end.isBefore(BusinessDay.today(clock)));
		String rank = r.getCadreRank();
		RegionView place = places.get(r.getRegionId());
		return new DeploymentView(r.getId(), r.getPersonId(), names.get(r.getPersonId()),
				rank == null ? null : CadreRank.valueOf(rank), Boolean.TRUE.equals(r.getLeadingCadre()),
				PostKind.valueOf(r.getPostKind()), place == null ? null : place.code(),
				place == null ? null : place.name(), RegionPath.of(r.getPath()), r.getPost(), r.getTeamId(),
				r.getTeamId() == null ? null : teamNames.get(r.getTeamId()), r.getDuty(), r.getStartDate(), end,
				r.getEndReason(), current);
	}

	/**
	 * The position a deployment record holds, in a few English words: stored as the end
	 * reason of the deployment it replaces.
	 */
	private String describe(DeploymentRecord record) {
		String region = regions.byId(record.getRegionId()).map(RegionView::name).orElse("region");
		if (PostKind.TEAM.name().equals(record.getPostKind())) {
			String team = teams.team(record.getTeamId()).map(TeamPosts.Team::name).orElse(null);
			return "team " + team + " (" + region + ")";
		}
		return record.getPost() == null ? region : record.getPost() + " in " + region;
	}

	/** The position a deployment record holds, in the caller's language. */
	private String position(DeploymentRecord record) {
		String region = regions.byId(record.getRegionId()).map(RegionView::name).orElse("");
		if (PostKind.TEAM.name().equals(record.getPostKind())) {
			String team = teams.team(record.getTeamId()).map(TeamPosts.Team::name).orElse(null);
			return Messages.text("deployment.what.team-position", team, region);
		}
		return record.getPost() == null ? region
				: Messages.text("deployment.what.post-in-region", record.getPost(), region);
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

	/** A deployment as its start event names it. */
	public record Started(long id, long personId, RegionPath path) {
	}

	/**
	 * The first {@code size} deployments by id: for benchmarks publishing their events
	 * again.
	 */
	public List<Started> firstStarted(int size) {
		return db.select(DEPLOYMENT.ID, DEPLOYMENT.PERSON_ID, DEPLOYMENT.PATH)
			.from(DEPLOYMENT)
			.orderBy(DEPLOYMENT.ID)
			.limit(size)
			.fetch(r -> new Started(r.value1(), r.value2(), RegionPath.of(r.value3())));
	}

	/**
	 * Leading cadres deployed under a region path on a day, counted from the deployments
	 * themselves (not the maintained tally), as a scalar subquery: for benchmarks
	 * comparing the two.
	 */
	public static org.jooq.Field<Integer> leadingCadresOn(RegionPath path, LocalDate day) {
		return org.jooq.impl.DSL.field(org.jooq.impl.DSL.selectCount()
			.from(DEPLOYMENT)
			.where(DataScope.under(DEPLOYMENT.PATH, path))
			.and(DEPLOYMENT.LEADING_CADRE.isTrue())
			.and(DEPLOYMENT.START_DATE.le(day))
			.and(DEPLOYMENT.END_DATE.isNull().or(DEPLOYMENT.END_DATE.ge(day))));
	}

}
