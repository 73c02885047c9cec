package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.COMMANDO_MEMBER;
import static cn.huoxian.db.Tables.COMMANDO_TASK;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.CommandoMemberRecord;
import cn.huoxian.db.tables.records.CommandoTaskRecord;
import cn.huoxian.db.tables.records.CommandoTeamRecord;
import cn.huoxian.deployment.Deployments;
import cn.huoxian.deployment.HeadlineTally;
import cn.huoxian.org.PartyOrganisationView;
import cn.huoxian.org.PartyOrganisations;
import cn.huoxian.org.RegionView;
import cn.huoxian.org.Regions;
import cn.huoxian.people.People;
import cn.huoxian.people.PersonView;
import cn.huoxian.shared.CurrentUser;
import cn.huoxian.shared.DataScope;
import cn.huoxian.shared.Forms;
import cn.huoxian.shared.InvalidInputException;
import cn.huoxian.shared.Messages;
import cn.huoxian.shared.NotFoundException;
import cn.huoxian.shared.PageResult;
import cn.huoxian.shared.ReferenceNotFoundException;
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party-member commando teams (党员突击队): formed under a party organisation in a region of
 * its subtree, with members (party members only) and tasks, until dissolved.
 */
@Service
public class CommandoTeams {

	static final Field<Integer> MEMBERS = DSL
		.field(DSL.selectCount()
			.from(COMMANDO_MEMBER)
			.where(COMMANDO_MEMBER.TEAM_ID.eq(COMMANDO_TEAM.ID).and(COMMANDO_MEMBER.LEFT_ON.isNull())))
		.as("member_count");

	static final Field<Integer> OPEN_TASKS = DSL
		.field(DSL.selectCount()
			.from(COMMANDO_TASK)
			.where(COMMANDO_TASK.TEAM_ID.eq(COMMANDO_TEAM.ID).and(COMMANDO_TASK.DONE_ON.isNull())))
		.as("open_tasks");

	private static final Field<String> ORGANISATION_NAME = PartyOrganisations
		.nameOf(COMMANDO_TEAM.PARTY_ORGANISATION_ID)
		.as("organisation_name");

	private static final Field<String> REGION_CODE = Regions.codeOf(COMMANDO_TEAM.REGION_ID).as("region_code");

	private static final Field<String> LEADER_NAME = People.nameOf(COMMANDO_TEAM.LEADER_ID).as("leader_name");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final ApplicationEventPublisher events;

	private final HeadlineTally tally;

	private final Deployments deployments;

	private final Forms forms;

	CommandoTeams(DSLContext db, VanguardChecks rules, ApplicationEventPublisher events, HeadlineTally tally,
			Deployments deployments, Forms forms) {
		this.tally = tally;
		this.deployments = deployments;
		this.db = db;
		this.rules = rules;
		this.events = events;
		this.forms = forms;
	}

	@Transactional
	public TeamView create(TeamForm form, CurrentUser user) {
		user.requirePeopleEditor();
		forms.check(form);
		String name = form.name().strip();
		String task = VanguardChecks.stripped(form.task());
		LocalDate formed = rules.orToday(form.formedOn());
		PartyOrganisationView org = rules.organisation("partyOrganisationId", form.partyOrganisationId(), user.scope());
		boolean ownRegion = form.region() == null || form.region().isBlank();
		RegionView region = ownRegion ? rules.known(org.regionCode())
				: rules.region("region", form.region(), user.scope());
		Long leader = form.leaderId() == null ? null
				: rules.partyMember("leaderId", form.leaderId(), user.scope()).id();
		if (!region.path().isWithin(org.path())) {
			throw new RuleViolationException(Messages.text("frontline.team.region-outside-organisation", region.code(),
					region.name(), org.name()));
		}
		user.requireMayWriteIn(region.path(), Messages.text("frontline.what.region", region.code()));
		CommandoTeamRecord team = db.newRecord(COMMANDO_TEAM);
		team.setName(name);
		team.setPartyOrganisationId(org.id());
		team.setRegionId(region.id());
		team.setPath(region.path().value());
		team.setLeaderId(leader);
		team.setTask(task);
		team.setFormedOn(formed);
		team.setCreatedBy(user.username());
		team.store();
		return find(team.getId(), user.scope());
	}

	/**
	 * Teams not dissolved the scope covers whose name contains the words, newest first,
	 * at most {@code limit}: the team picker's search.
	 */
	public List<TeamView> matching(String query, DataScope scope, int limit) {
		String q = query.strip().replace("%", "").replace("_", "");
		return select().where(scope.regionCondition(COMMANDO_TEAM.PATH))
			.and(COMMANDO_TEAM.DISSOLVED_ON.isNull())
			.and(q.isEmpty() ? org.jooq.impl.DSL.trueCondition() : COMMANDO_TEAM.NAME.contains(q))
			.orderBy(COMMANDO_TEAM.ID.desc())
			.limit(limit)
			.fetch(r -> view(r, null, null));
	}

	/** Teams under a region (default: the user's first root), newest first. */
	public PageResult<TeamView> list(String regionCode, Boolean dissolved, int page, int size, DataScope scope) {
		PageResult.check(page, size);
		RegionPath path = rules.listPath(regionCode, scope);
		Condition where = scope.regionCondition(COMMANDO_TEAM.PATH).and(DataScope.under(COMMANDO_TEAM.PATH, path));
		if (dissolved != null) {
			where = where.and(dissolved ? COMMANDO_TEAM.DISSOLVED_ON.isNotNull() : COMMANDO_TEAM.DISSOLVED_ON.isNull());
		}
		long total = db.fetchCount(COMMANDO_TEAM, where);
		List<TeamView> items = select().where(where)
			.orderBy(COMMANDO_TEAM.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch(r -> view(r, null, null));
		return new PageResult<>(items, total, page, size);
	}

	/** A team with its members and tasks, or 404 outside the scope. */
	public TeamView find(long id, DataScope scope) {
		Record row = select().where(COMMANDO_TEAM.ID.eq(id)).fetchOne();
		if (row == null || !scope.coversRegion(RegionPath.of(row.get(COMMANDO_TEAM.PATH)))) {
			throw new NotFoundException(Messages.text("frontline.what.team", id));
		}
		List<TeamView.Member> members = db
			.select(COMMANDO_MEMBER.PERSON_ID, People.nameOf(COMMANDO_MEMBER.PERSON_ID), COMMANDO_MEMBER.JOINED_ON,
					COMMANDO_MEMBER.LEFT_ON)
			.from(COMMANDO_MEMBER)
			.where(COMMANDO_MEMBER.TEAM_ID.eq(id))
			.orderBy(COMMANDO_MEMBER.LEFT_ON.isNotNull(), COMMANDO_MEMBER.JOINED_ON, COMMANDO_MEMBER.PERSON_ID)
			.fetch(r -> new TeamView.Member(r.value1(), r.value2(), r.value3(), r.value4()));
		List<TeamView.Task> tasks = db.selectFrom(COMMANDO_TASK)
			.where(COMMANDO_TASK.TEAM_ID.eq(id))
			.orderBy(COMMANDO_TASK.DONE_ON.isNotNull(), COMMANDO_TASK.DUE_ON, COMMANDO_TASK.ID)
			.fetch(r -> new TeamView.Task(r.getId(), r.getDescription(), r.getDueOn(), r.getDoneOn(),
					r.getCreatedBy()));
		return view(row, members, tasks);
	}

	/** A party member joins the team (default today); twice is refused. */
	@Transactional
	public TeamView join(long teamId, Long personId, LocalDate joinedOn, CurrentUser user) {
		CommandoTeamRecord team = writable(teamId, user);
		enrol(team, personId, joinedOn, user.scope());
		return find(teamId, user.scope());
	}

	/**
	 * Enrols a party member in a team the caller may write to, publishing
	 * {@link Events.TeamJoined}; also used when a battle request is accepted.
	 */
	void enrol(CommandoTeamRecord team, Long personId, LocalDate joinedOn, DataScope scope) {
		PersonView person = rules.partyMember("personId", personId, scope);
		LocalDate joined = rules.dateOrToday("joinedOn", joinedOn);
		if (joined.isBefore(team.getFormedOn())) {
			throw new InvalidInputException("joinedOn",
					Messages.text("frontline.team.before-formed", team.getFormedOn()));
		}
		if (team.getDissolvedOn() != null) {
			throw new RuleViolationException(
					Messages.text("frontline.team.dissolved-no-members", team.getName(), team.getDissolvedOn()));
		}
		// one join of this person at a time: concurrent joins wait here, then see each
		// other
		rules.lock(person.id());
		CommandoMemberRecord member = db.fetchOne(COMMANDO_MEMBER,
				COMMANDO_MEMBER.TEAM_ID.eq(team.getId()).and(COMMANDO_MEMBER.PERSON_ID.eq(person.id())));
		if (member != null && member.getLeftOn() == null) {
			throw new RuleViolationException(
					Messages.text("frontline.team.already-member", person.name(), team.getName()));
		}
		if (member != null && member.getLeftOn().isAfter(joined)) {
			throw new InvalidInputException("joinedOn",
					Messages.text("frontline.team.joined-before-left", member.getLeftOn()));
		}
		// a membership of another team still current on the day joined (or later)
		Record other = db.select(COMMANDO_TEAM.NAME, COMMANDO_TEAM.PATH)
			.from(COMMANDO_MEMBER)
			.join(COMMANDO_TEAM)
			.on(COMMANDO_TEAM.ID.eq(COMMANDO_MEMBER.TEAM_ID))
			.where(COMMANDO_MEMBER.PERSON_ID.eq(person.id())
				.and(COMMANDO_MEMBER.TEAM_ID.ne(team.getId()))
				.and(COMMANDO_MEMBER.LEFT_ON.isNull().or(COMMANDO_MEMBER.LEFT_ON.gt(joined))))
			.limit(1)
			.fetchOne();
		if (other != null) {
			// a team outside the caller's scope is not named
			String which = scope.coversRegion(RegionPath.of(other.get(COMMANDO_TEAM.PATH)))
					? Messages.text("frontline.team.named", other.get(COMMANDO_TEAM.NAME))
					: Messages.text("frontline.team.another");
			throw new RuleViolationException(Messages.text("frontline.team.one-team", person.name(), which));
		}
		if (member != null) {
			tally.membership(RegionPath.of(member.getPath()), member.getJoinedOn(), member.getLeftOn(), -1);
		}
		if (member == null) {
			member = db.newRecord(COMMANDO_MEMBER);
			member.setTeamId(team.getId());
			member.setPersonId(person.id());
		}
		// a member who left and comes back rejoins on the new day
		member.setPath(team.getPath());
		member.setJoinedOn(joined);
		member.setLeftOn(null);
		member.store();
		tally.membership(RegionPath.of(member.getPath()), joined, null, +1);
		events.publishEvent(new Events.TeamJoined(team.getId(), person.id(), RegionPath.of(team.getPath()), joined));
	}

	@Transactional
	public TeamView leave(long teamId, long personId, LocalDate leftOn, CurrentUser user) {
		writable(teamId, user);
		CommandoMemberRecord member = db.fetchOne(COMMANDO_MEMBER,
				COMMANDO_MEMBER.TEAM_ID.eq(teamId).and(COMMANDO_MEMBER.PERSON_ID.eq(personId)));
		if (member == null) {
			throw new ReferenceNotFoundException("personId");
		}
		if (member.getLeftOn() != null) {
			throw new RuleViolationException(
					Messages.text("frontline.team.already-left", personId, member.getLeftOn()));
		}
		LocalDate left = rules.dateOrToday("leftOn", leftOn);
		if (left.isBefore(member.getJoinedOn())) {
			throw new InvalidInputException("leftOn",
					Messages.text("frontline.team.left-before-joined", member.getJoinedOn()));
		}
		member.setLeftOn(left);
		member.store();
		tally.membership(RegionPath.of(member.getPath()), member.getJoinedOn(), null, -1);
		tally.membership(RegionPath.of(member.getPath()), member.getJoinedOn(), left, +1);
		return find(teamId, user.scope());
	}

	@Transactional
	public TeamView addTask(long teamId, String description, LocalDate dueOn, CurrentUser user) {
		CommandoTeamRecord team = writable(teamId, user);
		String text = VanguardChecks.required("description", description, 500);
		if (dueOn != null && dueOn.isBefore(team.getFormedOn())) {
			throw new InvalidInputException("dueOn", Messages.text("frontline.team.before-formed", team.getFormedOn()));
		}
		if (team.getDissolvedOn() != null) {
			throw new RuleViolationException(Messages.text("frontline.team.dissolved-no-tasks", team.getName()));
		}
		db.insertInto(COMMANDO_TASK)
			.set(COMMANDO_TASK.TEAM_ID, teamId)
			.set(COMMANDO_TASK.PATH, team.getPath())
			.set(COMMANDO_TASK.DESCRIPTION, text)
			.set(COMMANDO_TASK.DUE_ON, dueOn)
			.set(COMMANDO_TASK.CREATED_BY, user.username())
			.execute();
		return find(teamId, user.scope());
	}

	@Transactional
	public TeamView taskDone(long taskId, LocalDate doneOn, CurrentUser user) {
		CommandoTaskRecord task = db.fetchOne(COMMANDO_TASK, COMMANDO_TASK.ID.eq(taskId));
		if (task == null) {
			throw new NotFoundException(Messages.text("frontline.what.task", taskId));
		}
		user.requireMayWriteIn(RegionPath.of(task.getPath()), Messages.text("frontline.what.task", taskId));
		if (task.getDoneOn() != null) {
			throw new RuleViolationException(Messages.text("frontline.task.already-done", taskId, task.getDoneOn()));
		}
		task.setDoneOn(rules.dateOrToday("doneOn", doneOn));
		task.store();
		return find(task.getTeamId(), user.scope());
	}

	/** Dissolves the team; its current members leave on that day. */
	@Transactional
	public TeamView dissolve(long teamId, LocalDate dissolvedOn, CurrentUser user) {
		CommandoTeamRecord team = writable(teamId, user);
		if (team.getDissolvedOn() != null) {
			throw new RuleViolationException(
					Messages.text("frontline.team.already-dissolved", team.getName(), team.getDissolvedOn()));
		}
		LocalDate day = rules.dateOrToday("dissolvedOn", dissolvedOn);
		if (day.isBefore(team.getFormedOn())) {
			throw new InvalidInputException("dissolvedOn",
					Messages.text("frontline.team.before-formed", team.getFormedOn()));
		}
		LocalDate latest = db.select(DSL.max(COMMANDO_MEMBER.JOINED_ON))
			.from(COMMANDO_MEMBER)
			.where(COMMANDO_MEMBER.TEAM_ID.eq(teamId).and(COMMANDO_MEMBER.LEFT_ON.isNull()))
			.fetchOne(0, LocalDate.class);
		if (latest != null && day.isBefore(latest)) {
			throw new InvalidInputException("dissolvedOn",
					Messages.text("frontline.team.dissolved-before-member", latest));
		}
		team.setDissolvedOn(day);
		team.store();
		for (CommandoMemberRecord member : db.fetch(COMMANDO_MEMBER,
				COMMANDO_MEMBER.TEAM_ID.eq(teamId).and(COMMANDO_MEMBER.LEFT_ON.isNull()))) {
			tally.membership(RegionPath.of(member.getPath()), member.getJoinedOn(), null, -1);
			tally.membership(RegionPath.of(member.getPath()), member.getJoinedOn(), day, +1);
		}
		deployments.endForTeam(teamId, team.getName(), day);
		db.update(COMMANDO_MEMBER)
			.set(COMMANDO_MEMBER.LEFT_ON, day)
			.where(COMMANDO_MEMBER.TEAM_ID.eq(teamId).and(COMMANDO_MEMBER.LEFT_ON.isNull()))
			.execute();
		return find(teamId, user.scope());
	}

	/**
	 * Current commando members (joined and not left) of teams under a region path, each
	 * person once: a headline figure.
	 */
	public long currentMembers(RegionPath path) {
		return db
			.fetchOne(DSL.select(DSL.countDistinct(COMMANDO_MEMBER.PERSON_ID))
				.from(COMMANDO_MEMBER)
				.where(DataScope.under(COMMANDO_MEMBER.PATH, path).and(COMMANDO_MEMBER.LEFT_ON.isNull())))
			.value1();
	}

	/** A team the user may write to: 404 when unknown, 403 outside the scope. */
	CommandoTeamRecord writable(long teamId, CurrentUser user) {
		CommandoTeamRecord team = db.fetchOne(COMMANDO_TEAM, COMMANDO_TEAM.ID.eq(teamId));
		if (team == null) {
			throw new NotFoundException(Messages.text("frontline.what.team", teamId));
		}
		user.requireMayWriteIn(RegionPath.of(team.getPath()), Messages.text("frontline.what.team", teamId));
		return team;
	}

	/** The team's record, or empty. */
	java.util.Optional<CommandoTeamRecord> record(long teamId) {
		return db.fetchOptional(COMMANDO_TEAM, COMMANDO_TEAM.ID.eq(teamId));
	}

	/**
	 * The team a request field names, resolved through the caller's scope: one the caller
	 * cannot read answers exactly like a missing one (404 naming the field).
	 */
	CommandoTeamRecord resolve(String field, Long teamId, DataScope scope) {
		if (teamId == null) {
			throw new InvalidInputException(field, Messages.text("problem.required"));
		}
		return record(teamId).filter(t -> scope.coversRegion(RegionPath.of(t.getPath())))
			.orElseThrow(() -> new ReferenceNotFoundException(field));
	}

	private org.jooq.SelectJoinStep<? extends Record> select() {
		return db
			.select(COMMANDO_TEAM.ID, COMMANDO_TEAM.NAME, COMMANDO_TEAM.PARTY_ORGANISATION_ID, ORGANISATION_NAME,
					REGION_CODE, COMMANDO_TEAM.PATH, COMMANDO_TEAM.LEADER_ID, LEADER_NAME, COMMANDO_TEAM.TASK,
					COMMANDO_TEAM.FORMED_ON, COMMANDO_TEAM.DISSOLVED_ON, MEMBERS, OPEN_TASKS)
			.from(COMMANDO_TEAM);
	}

	private static TeamView view(Record r, List<TeamView.Member> members, List<TeamView.Task> tasks) {
		return new TeamView(r.get(COMMANDO_TEAM.ID), r.get(COMMANDO_TEAM.NAME),
				r.get(COMMANDO_TEAM.PARTY_ORGANISATION_ID), r.get(ORGANISATION_NAME), r.get(REGION_CODE),
				RegionPath.of(r.get(COMMANDO_TEAM.PATH)), r.get(COMMANDO_TEAM.LEADER_ID), r.get(LEADER_NAME),
				r.get(COMMANDO_TEAM.TASK), r.get(COMMANDO_TEAM.FORMED_ON), r.get(COMMANDO_TEAM.DISSOLVED_ON),
				r.get(MEMBERS), r.get(OPEN_TASKS), members, tasks);
	}

	/**
	 * Commando members under a region path on a day (joined by then and not left), each
	 * person once, counted from the memberships themselves (not the maintained tally), as
	 * a scalar subquery: for benchmarks comparing the two.
	 */
	public static Field<Integer> membersOn(RegionPath path, LocalDate day) {
		return DSL.field(DSL.select(DSL.countDistinct(COMMANDO_MEMBER.PERSON_ID))
			.from(COMMANDO_MEMBER)
			.where(DataScope.under(COMMANDO_MEMBER.PATH, path))
			.and(COMMANDO_MEMBER.JOINED_ON.le(day))
			.and(COMMANDO_MEMBER.LEFT_ON.isNull().or(COMMANDO_MEMBER.LEFT_ON.gt(day))));
	}

}
