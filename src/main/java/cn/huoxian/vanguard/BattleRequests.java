package cn.huoxian.vanguard;

import static cn.huoxian.db.Tables.BATTLE_REQUEST;
import static cn.huoxian.db.Tables.COMMANDO_TEAM;

import java.time.LocalDate;
import java.util.List;

import cn.huoxian.db.tables.records.BattleRequestRecord;
import cn.huoxian.db.tables.records.CommandoTeamRecord;
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
import cn.huoxian.shared.RegionPath;
import cn.huoxian.shared.RuleViolationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Battle requests (请战书): a party member asks to serve, by themselves or through region
 * staff; region staff accept the request into a commando team or a post, or decline it
 * with a note, once.
 */
@Service
public class BattleRequests {

	static final int MAX_TEXT = 2000;

	private static final Field<String> PERSON_NAME = People.nameOf(BATTLE_REQUEST.PERSON_ID).as("person_name");

	/** The code of the region the person belongs to. */
	private static final Field<String> REGION_CODE = Regions.codeOf(People.regionOf(BATTLE_REQUEST.PERSON_ID))
		.as("region_code");

	private final DSLContext db;

	private final VanguardChecks rules;

	private final CommandoTeams teams;

	private final ApplicationEventPublisher events;

	private final Forms forms;

	BattleRequests(DSLContext db, VanguardChecks rules, CommandoTeams teams, ApplicationEventPublisher events,
			Forms forms) {
		this.db = db;
		this.rules = rules;
		this.teams = teams;
		this.events = events;
		this.forms = forms;
	}

	/**
	 * Submits a request: region staff in scope of the person, or the party member
	 * themselves through a self-service account.
	 */
	@Transactional
	public BattleRequestView submit(BattleRequestForm form, CurrentUser user) {
		PersonView person = rules.person("personId", form.personId(), user.scope());
		// scope first: a self-service account learns nothing about other persons
		user.requireMayWriteInOrAsSelf(person.path(), person.id(), Messages.text("frontline.what.person", person.id()));
		rules.requirePartyMember("personId", person);
		forms.check(form);
		String text = form.text().strip();
		LocalDate submitted = rules.orToday(form.submittedOn());
		BattleRequestRecord request = db.newRecord(BATTLE_REQUEST);
		request.setPersonId(person.id());
		request.setPath(person.path().value());
		request.setSubmittedOn(submitted);
		request.setRequestText(text);
		request.setStatus(BattleRequestStatus.SUBMITTED.name());
		request.store();
		return find(request.getId(), user.scope());
	}

	/**
	 * Requests under a region (default: the user's first root), optionally of one status,
	 * newest first; a self-service account sees its own.
	 */
	public PageResult<BattleRequestView> list(String regionCode, BattleRequestStatus status, int page, int size,
			DataScope scope) {
		PageResult.check(page, size);
		Condition where;
		if (scope.selfPersonId() != null && scope.regions().isEmpty()) {
			where = BATTLE_REQUEST.PERSON_ID.eq(scope.selfPersonId());
		}
		else {
			where = scope.regionCondition(BATTLE_REQUEST.PATH)
				.and(DataScope.under(BATTLE_REQUEST.PATH, rules.listPath(regionCode, scope)));
		}
		if (status != null) {
			where = where.and(BATTLE_REQUEST.STATUS.eq(status.name()));
		}
		long total = db.fetchCount(BATTLE_REQUEST, where);
		List<BattleRequestView> items = select().where(where)
			.orderBy(BATTLE_REQUEST.ID.desc())
			.limit(size)
			.offset((long) page * size)
			.fetch(BattleRequests::view);
		return new PageResult<>(items, total, page, size);
	}

	/** One request the scope covers (or the self-service account's own), or 404. */
	public BattleRequestView find(long id, DataScope scope) {
		Record row = select().where(BATTLE_REQUEST.ID.eq(id)).fetchOne();
		if (row == null || !(scope.coversRegion(RegionPath.of(row.get(BATTLE_REQUEST.PATH)))
				|| row.get(BATTLE_REQUEST.PERSON_ID).equals(scope.selfPersonId()))) {
			throw new NotFoundException(Messages.text("frontline.what.battle-request", id));
		}
		return view(row);
	}

	/**
	 * Accepts the request into a team (the person becomes a member) or a post: exactly
	 * one of them.
	 */
	@Transactional
	public BattleRequestView accept(long id, Long teamId, String post, CurrentUser user) {
		BattleRequestRecord request = undecided(id, user);
		String postName = VanguardChecks.optional("post", post, 200);
		if ((teamId == null) == (postName == null)) {
			throw new InvalidInputException("teamId", Messages.text("frontline.battle.team-or-post"));
		}
		LocalDate today = rules.today();
		if (teamId != null) {
			CommandoTeamRecord team = teams.resolve("teamId", teamId, user.scope());
			user.requireMayWriteIn(RegionPath.of(team.getPath()), Messages.text("frontline.what.team", teamId));
			LocalDate joined = today.isBefore(team.getFormedOn()) ? team.getFormedOn() : today;
			teams.enrol(team, request.getPersonId(), joined, user.scope());
		}
		request.setStatus(BattleRequestStatus.ACCEPTED.name());
		request.setTeamId(teamId);
		request.setPost(postName);
		request.setDecidedBy(user.username());
		request.setDecidedOn(today);
		request.store();
		events.publishEvent(new Events.BattleRequestAccepted(id, request.getPersonId(), teamId, postName, today));
		return find(id, user.scope());
	}

	/** Declines the request with a note (required). */
	@Transactional
	public BattleRequestView decline(long id, String note, CurrentUser user) {
		BattleRequestRecord request = undecided(id, user);
		String text = VanguardChecks.required("note", note, 500);
		request.setStatus(BattleRequestStatus.DECLINED.name());
		request.setDecidedBy(user.username());
		request.setDecidedOn(rules.today());
		request.setDecisionNote(text);
		request.store();
		return find(id, user.scope());
	}

	private BattleRequestRecord undecided(long id, CurrentUser user) {
		BattleRequestRecord request = db.fetchOne(BATTLE_REQUEST, BATTLE_REQUEST.ID.eq(id));
		if (request == null) {
			throw new NotFoundException(Messages.text("frontline.what.battle-request", id));
		}
		user.requireMayWriteIn(RegionPath.of(request.getPath()), Messages.text("frontline.what.battle-request", id));
		if (!BattleRequestStatus.SUBMITTED.name().equals(request.getStatus())) {
			boolean accepted = BattleRequestStatus.ACCEPTED.name().equals(request.getStatus());
			throw new RuleViolationException(accepted
					? Messages.text("frontline.battle.already-accepted", id, request.getDecidedOn(),
							request.getDecidedBy())
					: Messages.text("frontline.battle.already-declined", id, request.getDecidedOn(),
							request.getDecidedBy()));
		}
		return request;
	}

	private org.jooq.SelectOnConditionStep<Record> select() {
		return db.select(BATTLE_REQUEST.fields())
			.select(PERSON_NAME, COMMANDO_TEAM.NAME, REGION_CODE)
			.from(BATTLE_REQUEST)
			.leftJoin(COMMANDO_TEAM)
			.on(COMMANDO_TEAM.ID.eq(BATTLE_REQUEST.TEAM_ID));
	}

	private static BattleRequestView view(Record r) {
		return new BattleRequestView(r.get(BATTLE_REQUEST.ID), r.get(BATTLE_REQUEST.PERSON_ID), r.get(PERSON_NAME),
				r.get(REGION_CODE), RegionPath.of(r.get(BATTLE_REQUEST.PATH)), r.get(BATTLE_REQUEST.SUBMITTED_ON),
				r.get(BATTLE_REQUEST.REQUEST_TEXT), BattleRequestStatus.valueOf(r.get(BATTLE_REQUEST.STATUS)),
				r.get(BATTLE_REQUEST.TEAM_ID), r.get(COMMANDO_TEAM.NAME), r.get(BATTLE_REQUEST.POST),
				r.get(BATTLE_REQUEST.DECIDED_BY), r.get(BATTLE_REQUEST.DECIDED_ON),
				r.get(BATTLE_REQUEST.DECISION_NOTE));
	}

}
